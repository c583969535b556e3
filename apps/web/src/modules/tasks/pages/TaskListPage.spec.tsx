import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption } from '../../../test/antd';
import { adminUnit, currentUser, department } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { cycles, filterOptions, listRow, tasksPage } from '../testing/taskFixtures';
import { TaskListPage } from './TaskListPage';

const supervisor = currentUser({
  id: 'u-p',
  username: 'province',
  role: 'PROVINCIAL_SUPERVISOR',
  unit: adminUnit({ code: '420000', name: '湖北省', level: 'PROVINCE', parentCode: null }),
});
const operator = currentUser({
  id: 'u-o',
  username: 'jiangan-scjg',
  role: 'COUNTY_OPERATOR',
  unit: adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' }),
  department: department({ id: 'dep-1', name: '江岸区市场监督管理局' }),
});

const rows = [
  listRow({ id: 't-1', status: 'SUBMITTED', overdue: false, evidenceCount: 2 }),
  listRow({
    id: 't-2',
    status: 'IN_PROGRESS',
    overdue: true,
    dueDate: '2025-01-31',
    article: { __typename: 'Article', id: 'a-30', number: 30, title: '品牌建设' },
    duty: { __typename: 'Duty', id: 'd-2', subject: '培育区域品牌' },
    unit: { __typename: 'AdminUnit', code: '422801', name: '恩施市' },
  }),
];

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => {
  restoreFetch();
  window.history.pushState(null, '', '/');
});

function renderAt(url: string, user = supervisor, answers: Record<string, unknown> = {}) {
  window.history.pushState(null, '', url);
  const stub = stubGraphQLOperations({
    Cycles: { data: { cycles } },
    TasksFilterOptions: { data: filterOptions },
    TasksList: tasksPage(rows, 2),
    AcknowledgeCounts: { data: { unacknowledgedTaskCounts: [] } },
    ReassignPending: { data: { pendingTaskReassignments: [] } },
    ...answers,
  });
  restoreFetch = stub.restore;
  renderWithUser(<TaskListPage />, user);
  return stub;
}

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

describe('TaskListPage', () => {
  it('turns the URL filters into query variables, in the newest open cycle by default', async () => {
    const { requestsOf, unexpected } = renderAt(
      '/tasks?unitCode=422801&status=SUBMITTED,IN_PROGRESS&overdue=1&articleNumber=30&search=品牌',
    );

    expect(await screen.findByText('培育区域品牌')).toBeTruthy();
    expect(requestsOf('TasksList')[0].variables).toEqual({
      filter: {
        cycleId: 'c-2025',
        unitCode: '422801',
        statuses: ['SUBMITTED', 'IN_PROGRESS'],
        overdue: true,
        articleNumber: 30,
        search: '品牌',
      },
      first: 50,
      after: null,
      sort: 'DUE_DATE',
    });
    expect(unexpected).toEqual([]);

    const overdue = within(rowOf('培育区域品牌'));
    expect(overdue.getByText('第30条')).toBeTruthy();
    expect(overdue.getByText('恩施市')).toBeTruthy();
    expect(overdue.getByText('推进中')).toBeTruthy();
    expect(overdue.getByText('已逾期')).toBeTruthy();
    expect(overdue.getByText('2025年1月31日')).toBeTruthy();
    const submitted = within(rowOf('建立质量工作协调机制'));
    expect(submitted.getByText('已提交待核验')).toBeTruthy();
    expect(submitted.getByText('2 份')).toBeTruthy();
    expect(screen.getByText('共 2 项任务')).toBeTruthy();
  });

  it('puts a changed filter into the URL and asks again', async () => {
    const { requestsOf } = renderAt('/tasks');
    await screen.findByText('培育区域品牌');

    await chooseOption(screen.getByLabelText('部门类别'), '市场监督管理');
    await waitFor(() => expect(window.location.search).toBe('?departmentKindCode=SCJG'));
    await waitFor(() =>
      expect(requestsOf('TasksList').at(-1)?.variables.filter).toEqual({
        cycleId: 'c-2025',
        departmentKindCode: 'SCJG',
      }),
    );
  });

  it('opens a task when its row is clicked', async () => {
    renderAt('/tasks');
    await screen.findByText('培育区域品牌');
    fireEvent.click(within(rowOf('培育区域品牌')).getByText('第30条'));
    expect(window.location.pathname).toBe('/tasks/t-2');
  });

  it('pages with the cursor of the previous page', async () => {
    const { requestsOf } = renderAt('/tasks', supervisor, {
      TasksList: tasksPage(rows, 120, 'cursor-50'),
    });
    await screen.findByText('培育区域品牌');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    });
    await waitFor(() => expect(requestsOf('TasksList').at(-1)?.variables.after).toBe('cursor-50'));
    expect(await screen.findByText('第 2 页')).toBeTruthy();
  });

  it('lists the operator’s returned tasks first, with the supervisor’s reason', async () => {
    const returned = {
      ...listRow({
        id: 't-9',
        status: 'RETURNED',
        duty: { __typename: 'Duty', id: 'd-9', subject: '开展质量提升行动' },
      }),
      latestReturn: {
        __typename: 'TaskEvent',
        id: 'h-3',
        occurredAt: '2026-05-02T02:00:00.000Z',
        actorUsername: 'province',
        reason: '佐证材料缺少文号',
      },
    };
    const { requestsOf } = renderAt('/tasks', operator, {
      TasksReturned: tasksPage([returned], 21),
      TasksList: tasksPage([rows[0], listRow({ ...returned, latestReturn: undefined })], 2),
    });

    expect(await screen.findByText('被退回的任务（21 项）')).toBeTruthy();
    expect(screen.getAllByText('退回意见：佐证材料缺少文号').length).toBeGreaterThanOrEqual(1);
    expect(screen.getByText(/province 于 .* 退回/)).toBeTruthy();
    // More than the panel lists: a link to all of them.
    expect(
      screen.getByRole('link', { name: '仅列出最近的 1 项，查看全部 21 项' }).getAttribute('href'),
    ).toBe('/tasks?status=RETURNED');
    expect(requestsOf('TasksReturned')[0].variables).toEqual({
      filter: { cycleId: 'c-2025', statuses: ['RETURNED'] },
    });
    // Operators see only their own unit: no unit column or unit filters.
    expect(screen.queryByLabelText('单位')).toBeNull();
    expect(requestsOf('TasksFilterOptions')[0].variables).toEqual({ withUnits: false });
    expect(screen.getByRole('link', { name: /下载任务表/ }).getAttribute('href')).toBe(
      '/api/tasks/spreadsheet?cycleId=c-2025',
    );
  });

  it('says so when the returned tasks cannot be loaded, instead of hiding them', async () => {
    renderAt('/tasks', operator, {
      TasksReturned: graphQLError('QUERY_TOO_COMPLEX', 'too complex'),
      TasksList: tasksPage(rows, 2),
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });

  it('shows the error with a retry', async () => {
    renderAt('/tasks', supervisor, { TasksList: graphQLError('FORBIDDEN', 'no') });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('您没有执行此操作的权限。')).toBeTruthy();
  });
});
