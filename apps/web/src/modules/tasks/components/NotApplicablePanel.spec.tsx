import { act, fireEvent, screen, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { adminUnit, currentUser, department } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import type { TaskDetail } from '../graphql/types';
import { person, taskDetail } from '../testing/taskFixtures';
import { NotApplicablePanel } from './NotApplicablePanel';

const operator = currentUser({
  id: 'u-o',
  username: 'jiangan-scjg',
  role: 'COUNTY_OPERATOR',
  unit: adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' }),
  department: department({ id: 'dep-1', name: '江岸区市场监督管理局' }),
});

const request = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'NotApplicableRequest',
  id: 'r-1',
  taskId: 't-1',
  status: 'APPROVED',
  reason: '本区无船舶制造企业',
  documentReference: '岸经信〔2026〕3号',
  evidenceIds: [],
  requestedBy: 'jiangan-scjg',
  requestedAt: '2026-03-01T02:00:00.000Z',
  decidedBy: 'province',
  decidedAt: '2026-03-02T02:00:00.000Z',
  decisionReason: '经核实无此行业',
  revokedBy: null,
  revokedAt: null,
  revokeReason: null,
  ...overrides,
  requester: person((overrides.requestedBy as string | undefined) ?? 'jiangan-scjg'),
  decider: person(overrides.decidedBy === undefined ? 'province' : (overrides.decidedBy as string)),
  revoker: person(overrides.revokedBy as string | null | undefined),
});
const state = (overrides: Record<string, unknown> = {}) => ({
  data: {
    taskApplicability: {
      __typename: 'TaskApplicability',
      taskId: 't-1',
      status: null,
      canRequest: true,
      canDecide: false,
      canRevoke: false,
      requests: [],
      ...overrides,
    },
  },
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPanel(answers: Record<string, unknown>) {
  const stub = stubGraphQLOperations(answers);
  restoreFetch = stub.restore;
  const onChanged = jest.fn();
  renderWithUser(
    <NotApplicablePanel task={taskDetail() as TaskDetail} onChanged={onChanged} />,
    operator,
  );
  return { ...stub, onChanged };
}

describe('NotApplicablePanel', () => {
  it('marks an approved task and says what it means for the figures', async () => {
    renderPanel({
      NotApplicableState: state({ status: 'APPROVED', canRequest: false, requests: [request()] }),
    });
    expect(await screen.findByTestId('not-applicable-tag')).toBeTruthy();
    expect(
      screen.getByText(
        '该任务已认定对本单位不适用：不计入完成率、排名与考核（考核按适用任务重新折算）。',
      ),
    ).toBeTruthy();
    expect(screen.getByText('本区无船舶制造企业')).toBeTruthy();
    expect(screen.getByText(/经核实无此行业/)).toBeTruthy();
  });

  it('asks for proof before sending a request, then sends reason and document reference', async () => {
    const { requestsOf, onChanged } = renderPanel({
      NotApplicableState: [
        state(),
        state({
          status: 'REQUESTED',
          canRequest: false,
          requests: [
            request({ status: 'PENDING', decidedBy: null, decidedAt: null, decisionReason: null }),
          ],
        }),
      ],
      NotApplicableRequest: { data: { requestNotApplicable: request({ status: 'PENDING' }) } },
    });
    fireEvent.click(await screen.findByRole('button', { name: '申请不适用' }));
    const dialog = await findDialog('申请认定任务不适用');
    fireEvent.change(within(dialog).getByLabelText('理由'), {
      target: { value: '本区无船舶制造企业' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '提交申请' }));
    });
    expect(await within(dialog).findByText('请至少选择一份佐证材料或填写文件依据')).toBeTruthy();
    expect(requestsOf('NotApplicableRequest')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('文件依据（文号等）'), {
      target: { value: '岸经信〔2026〕3号' },
    });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '提交申请' }));
    });
    expect(requestsOf('NotApplicableRequest').map((r) => r.variables)).toEqual([
      {
        input: {
          taskId: 't-1',
          reason: '本区无船舶制造企业',
          documentReference: '岸经信〔2026〕3号',
          evidenceIds: [],
        },
      },
    ]);
    expect(onChanged).toHaveBeenCalled();
  });
});
