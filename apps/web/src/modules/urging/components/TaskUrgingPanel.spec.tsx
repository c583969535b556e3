import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { urgingNotice } from '../testing/urgingFixtures';
import type { UrgingNotice } from '../utils/notice';
import { TaskUrgingPanel } from './TaskUrgingPanel';

const operator = currentUser({ username: 'enshi-scjg', role: 'COUNTY_OPERATOR' });
const supervisor = currentUser({ username: 'enshi-zhou', role: 'PREFECTURE_SUPERVISOR' });

const taskUrging = (notices: UrgingNotice[], canIssue = false) => ({
  data: {
    taskUrging: {
      __typename: 'TaskUrging',
      taskId: 't-1',
      canIssue,
      openColour: notices.find((n) => !n.closedAt)?.colour ?? null,
      notices,
    },
  },
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

describe('TaskUrgingPanel', () => {
  it('lets the operator acknowledge, then answer, a notice', async () => {
    const open = urgingNotice({ canAcknowledge: true });
    const acknowledged = urgingNotice({
      acknowledgedAt: '2026-06-02T01:00:00.000Z',
      acknowledgedBy: 'enshi-scjg',
      canAnswer: true,
    });
    const answered = urgingNotice({
      ...acknowledged,
      canAnswer: false,
      answeredAt: '2026-06-02T02:00:00.000Z',
      answeredBy: 'enshi-scjg',
      answer: '已部署整改',
    });
    const stub = stubGraphQLOperations({
      UrgingTask: [taskUrging([open]), taskUrging([acknowledged]), taskUrging([answered])],
      UrgingAcknowledge: { data: { acknowledgeUrgingNotice: acknowledged } },
      UrgingAnswer: [
        graphQLError('VALIDATION_FAILED', '请填写反馈内容。', {
          details: { fields: { answer: 'x' } },
        }),
        { data: { answerUrgingNotice: answered } },
      ],
    });
    restoreFetch = stub.restore;
    renderWithUser(<TaskUrgingPanel taskId="t-1" />, operator);

    const panel = await screen.findByTestId('task-urging-panel');
    expect(await within(panel).findByText('鄂质督〔2026〕12号')).toBeTruthy();
    expect(within(panel).getByText('橙色督办单')).toBeTruthy();
    expect(within(panel).getByText('待签收')).toBeTruthy();
    expect(within(panel).getByText('任务已逾期')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: /^签\s*收$/ }));
    await waitFor(() => expect(stub.requestsOf('UrgingAcknowledge')).toHaveLength(1));
    expect(stub.requestsOf('UrgingAcknowledge')[0].variables).toEqual({ id: 'n-1' });
    const answerButton = await within(panel).findByRole('button', { name: /^反\s*馈$/ });
    expect(within(panel).getByText('已签收，待反馈')).toBeTruthy();

    fireEvent.click(answerButton);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '已部署整改' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /提交反馈/ }));
    // The server's refusal is shown in the dialog, which stays open.
    expect(await within(dialog).findAllByText('请填写反馈内容。')).not.toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: /提交反馈/ }));
    await waitFor(() => expect(stub.requestsOf('UrgingAnswer')).toHaveLength(2));
    expect(stub.requestsOf('UrgingAnswer')[1].variables).toEqual({
      input: { id: 'n-1', answer: '已部署整改' },
    });
    expect(await within(panel).findByText('已反馈')).toBeTruthy();
    expect(stub.unexpected).toEqual([]);
  });

  it('offers a supervisor only the colours above the open notice', async () => {
    const stub = stubGraphQLOperations({
      UrgingTask: taskUrging([urgingNotice()], true),
    });
    restoreFetch = stub.restore;
    renderWithUser(<TaskUrgingPanel taskId="t-1" />, supervisor);
    const panel = await screen.findByTestId('task-urging-panel');
    await within(panel).findByText('鄂质督〔2026〕12号');
    // Not the task's operator: no 签收 button.
    expect(within(panel).queryByRole('button', { name: /^签\s*收$/ })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: '签发督办单' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('红色督办单')).toBeTruthy();
    expect(within(dialog).queryByText('蓝色督办单')).toBeNull();
    expect(within(dialog).queryByText('橙色督办单')).toBeNull();
  });

  it('says so when a task has no notice', async () => {
    const stub = stubGraphQLOperations({ UrgingTask: taskUrging([]) });
    restoreFetch = stub.restore;
    renderWithUser(<TaskUrgingPanel taskId="t-1" />, operator);
    expect(await screen.findByText('该任务暂无督办单。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '签发督办单' })).toBeNull();
  });
});
