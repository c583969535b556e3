import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { i18n } from '../../../i18n';
import { chooseOption, findDialog } from '../../../test/antd';
import { adminUnit, currentUser } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { reassignRecord, reassignTaskState } from '../testing/reassignFixtures';
import { person } from '../testing/taskFixtures';
import { AcknowledgeBanner } from './AcknowledgeBanner';
import { ReassignPanel } from './ReassignPanel';

const operator = currentUser({
  id: 'u-o',
  username: 'jiangan-scjg',
  role: 'COUNTY_OPERATOR',
  unit: adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' }),
});
const caps = (granted: Record<string, boolean>) => ({
  __typename: 'TaskAssignmentCapabilities',
  acknowledge: false,
  requestReassignment: false,
  decideReassignment: false,
  reassign: false,
  ...granted,
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderWith(page: ReactElement, answers: Record<string, unknown>) {
  const stub = stubGraphQLOperations(answers);
  restoreFetch = stub.restore;
  renderWithUser(page, operator);
  return stub;
}

describe('AcknowledgeBanner', () => {
  it('asks the lead department to acknowledge, sends the task id and tells the page', async () => {
    const onChanged = jest.fn();
    const pending = reassignTaskState({
      acknowledgedAt: null,
      acknowledgedBy: null,
      assignmentCapabilities: caps({ acknowledge: true }),
    });
    const { requestsOf } = renderWith(<AcknowledgeBanner taskId="t-1" onChanged={onChanged} />, {
      ReassignTaskState: [{ data: { task: pending } }, { data: { task: reassignTaskState() } }],
      AcknowledgeTasks: {
        data: {
          acknowledgeTasks: [
            {
              __typename: 'Task',
              id: 't-1',
              rowVersion: 8,
              acknowledgedAt: '2026-01-05T01:00:00.000Z',
              acknowledgedBy: 'jiangan-scjg',
              acknowledger: person('jiangan-scjg'),
            },
          ],
        },
      },
    });
    expect(await screen.findByText('该任务待签收')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '签 收' }));
    });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(requestsOf('AcknowledgeTasks')[0].variables).toEqual({ ids: ['t-1'] });
    // Who acknowledged, by name and office.
    expect(await screen.findByText(/王晓燕（江岸区市场监督管理局质量股） 于 .* 签收/)).toBeTruthy();
  });

  it('only informs those who may not acknowledge', async () => {
    renderWith(<AcknowledgeBanner taskId="t-1" onChanged={jest.fn()} />, {
      ReassignTaskState: {
        data: { task: reassignTaskState({ acknowledgedAt: null, acknowledgedBy: null }) },
      },
    });
    expect(await screen.findByText('牵头部门尚未签收该任务。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '签 收' })).toBeNull();
  });
});

describe('ReassignPanel', () => {
  it('sends a request with the chosen department and the reason, which is required', async () => {
    const onChanged = jest.fn();
    const state = reassignTaskState({
      assignmentCapabilities: caps({ requestReassignment: true }),
    });
    const { requestsOf } = renderWith(<ReassignPanel taskId="t-1" onChanged={onChanged} />, {
      ReassignTaskState: { data: { task: state } },
      ReassignTargets: {
        data: {
          reassignmentTargets: [
            {
              __typename: 'ReassignmentTarget',
              id: 'dep-2',
              name: '江岸区发展和改革局',
              kindCode: 'development_reform',
              assisting: true,
            },
          ],
        },
      },
      ReassignRequest: {
        data: { requestTaskReassignment: reassignRecord({ id: 'r-1' }) },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '申请转办' }));
    const dialog = await findDialog('申请转办');
    await chooseOption(within(dialog).getByRole('combobox'), '江岸区发展和改革局（配合部门）');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '提交申请' }));
    });
    expect(await within(dialog).findByText('请填写转办理由')).toBeTruthy();
    expect(requestsOf('ReassignRequest')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('转办理由'), {
      target: { value: '该事项由发展改革部门主管' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '提交申请' }));
    });
    await waitFor(() => expect(requestsOf('ReassignRequest')).toHaveLength(1));
    expect(requestsOf('ReassignRequest')[0].variables).toEqual({
      input: { taskId: 't-1', toDepartmentId: 'dep-2', reason: '该事项由发展改革部门主管' },
    });
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });

  it('lets the supervisor refuse a pending request only with a reason', async () => {
    const state = reassignTaskState({
      assignmentCapabilities: caps({ decideReassignment: true }),
      reassignments: [reassignRecord({ id: 'r-1' })],
    });
    const { requestsOf } = renderWith(<ReassignPanel taskId="t-1" onChanged={jest.fn()} />, {
      ReassignTaskState: { data: { task: state } },
      ReassignDecide: {
        data: {
          decideTaskReassignment: reassignRecord({
            id: 'r-1',
            status: 'REJECTED',
            decisionReason: '仍由市场监管部门牵头',
          }),
        },
      },
    });
    expect(await screen.findByText('待审批')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '审 批' }));
    const dialog = await findDialog('审批转办申请');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '不同意' }));
    });
    expect(await within(dialog).findByText('不同意转办时请填写理由')).toBeTruthy();
    expect(requestsOf('ReassignDecide')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('审批意见'), {
      target: { value: '仍由市场监管部门牵头' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '不同意' }));
    });
    await waitFor(() => expect(requestsOf('ReassignDecide')).toHaveLength(1));
    expect(requestsOf('ReassignDecide')[0].variables).toEqual({
      input: { requestId: 'r-1', approve: false, reason: '仍由市场监管部门牵头' },
    });
  });
});
