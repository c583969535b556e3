import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption } from '../../../test/antd';
import { adminUnit, currentUser, department } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { cycles, filterOptions, listRow, tasksPage as anyCyclePage } from '../testing/taskFixtures';
import { TaskListPage } from './TaskListPage';

/** A page of the list as the server answers it, naming the cycle of its rows (c-2025). */
function tasksPage(...args: Parameters<typeof anyCyclePage>) {
  const page = anyCyclePage(...args);
  return { data: { tasks: { ...page.data.tasks, cycleId: 'c-2025' } } };
}

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
/** A column header of the task table by its title (antd also renders hidden copies). */
const columnHeader = (name: string) =>
  [...document.querySelectorAll<HTMLElement>('.ant-table-thead th')].find(
    (th) => th.textContent?.trim() === name,
  );

describe('TaskListPage', () => {
  it('turns the URL filters into query variables, in the newest open cycle by default', async () => {
    const { requestsOf, unexpected } = renderAt(
      '/tasks?unitCode=422801&status=SUBMITTED,IN_PROGRESS&overdue=1&articleNumber=30&search=品牌',
    );

    expect(await screen.findByText('培育区域品牌')).toBeTruthy();
    // Asked at once, for the server's current cycle: not after the list of cycles.
    expect(requestsOf('TasksList')).toHaveLength(1);
    expect(requestsOf('TasksList')[0].variables).toEqual({
      filter: {
        currentCycle: true,
        unitCode: '422801',
        statuses: ['SUBMITTED', 'IN_PROGRESS'],
        overdue: true,
        articleNumber: 30,
        search: '品牌',
      },
      first: 50,
      offset: 0,
      sort: 'DUE_DATE',
      direction: 'ASC',
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
        currentCycle: true,
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

  it('opens any page by number, changes the page size and jumps, all in the URL', async () => {
    const { requestsOf } = renderAt('/tasks?status=SUBMITTED', supervisor, {
      TasksList: tasksPage(rows, 4_600, 'more'),
    });
    await screen.findByText('培育区域品牌');
    expect(screen.getByText('共 4600 项任务')).toBeTruthy();
    // 4,600 tasks of 50: page numbers up to 92, not just previous/next.
    expect(screen.getByTitle('92')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTitle('3'));
    });
    await waitFor(() => expect(window.location.search).toBe('?status=SUBMITTED&page=3'));
    await waitFor(() =>
      expect(requestsOf('TasksList').at(-1)?.variables).toMatchObject({ first: 50, offset: 100 }),
    );

    // A new page size starts again at the first page.
    await chooseOption(
      document.querySelector('.ant-pagination-options .ant-select') as HTMLElement,
      '20 条/页',
    );
    await waitFor(() => expect(window.location.search).toBe('?status=SUBMITTED&size=20'));
    await waitFor(() =>
      expect(requestsOf('TasksList').at(-1)?.variables).toMatchObject({ first: 20, offset: 0 }),
    );

    const jump = document.querySelector(
      '.ant-pagination-options-quick-jumper input',
    ) as HTMLInputElement;
    fireEvent.change(jump, { target: { value: '40' } });
    fireEvent.keyUp(jump, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(window.location.search).toBe('?status=SUBMITTED&page=40&size=20'));
    await waitFor(() =>
      expect(requestsOf('TasksList').at(-1)?.variables).toMatchObject({ first: 20, offset: 780 }),
    );
    // A changed filter starts again at the first page, keeping the size.
    await act(async () => {
      fireEvent.click(screen.getByRole('checkbox', { name: '仅看已逾期' }));
    });
    await waitFor(() => expect(window.location.search).toBe('?status=SUBMITTED&overdue=1&size=20'));
  });

  it('sorts on the server from the column headers, both ways', async () => {
    const { requestsOf } = renderAt('/tasks?page=2');
    await screen.findByText('培育区域品牌');
    const header = (name: string) => columnHeader(name) as HTMLElement;
    await act(async () => {
      fireEvent.click(header('条款'));
    });
    await waitFor(() => expect(window.location.search).toBe('?sort=ARTICLE'));
    await waitFor(() =>
      expect(requestsOf('TasksList').at(-1)?.variables).toMatchObject({
        sort: 'ARTICLE',
        direction: 'ASC',
        offset: 0,
      }),
    );
    await act(async () => {
      fireEvent.click(header('条款'));
    });
    await waitFor(() => expect(window.location.search).toBe('?sort=ARTICLE&dir=desc'));
    await waitFor(() =>
      expect(requestsOf('TasksList').at(-1)?.variables).toMatchObject({
        sort: 'ARTICLE',
        direction: 'DESC',
      }),
    );
    expect(header('条款').getAttribute('aria-sort')).toBe('descending');
    await act(async () => {
      fireEvent.click(header('状态'));
    });
    await waitFor(() => expect(window.location.search).toBe('?sort=STATUS'));
  });

  it('searches as the user types, once typing pauses, and keeps the search in the URL', async () => {
    const { requestsOf } = renderAt('/tasks?status=RETURNED');
    await screen.findByText('培育区域品牌');
    const box = screen.getByLabelText('关键词') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '恩施' } });
    fireEvent.change(box, { target: { value: '恩施 第十二条 ' } });
    await waitFor(() =>
      expect(new URLSearchParams(window.location.search).get('search')).toBe('恩施 第十二条'),
    );
    await waitFor(() =>
      expect(requestsOf('TasksList').at(-1)?.variables.filter).toEqual({
        currentCycle: true,
        statuses: ['RETURNED'],
        search: '恩施 第十二条',
      }),
    );
    // Only the paused text was asked for, not every keystroke.
    expect(
      requestsOf('TasksList').filter(
        (r) => (r.variables.filter as { search?: string }).search === '恩施',
      ),
    ).toHaveLength(0);
    expect(box.value).toBe('恩施 第十二条 ');
    expect(box.maxLength).toBe(100);
  });

  it('gives the duty the room: its full text on hover, and no 牵头部门 column for an operator whose department leads them all', async () => {
    renderAt('/tasks', operator, {
      TasksReturned: tasksPage([], 0),
      TasksList: tasksPage(rows, 2),
    });
    await screen.findByText('培育区域品牌');
    expect(columnHeader('牵头部门')).toBeUndefined();
    expect(columnHeader('职责事项')).toBeDefined();
    expect(screen.queryByText('江岸区市场监督管理局')).toBeNull();
    // The whole statement is the cell's hover text (a native hint: cheap on a page of 100).
    const cell = screen.getByText('培育区域品牌').closest('[title]');
    expect(cell?.getAttribute('title')).toBe('培育区域品牌\n\n县级以上人民政府应当培育区域品牌。');
  });

  it('shows 牵头部门 to an operator when a listed task is led by another department', async () => {
    renderAt('/tasks', operator, {
      TasksReturned: tasksPage([], 0),
      TasksList: tasksPage(
        [
          rows[0],
          listRow({
            id: 't-3',
            duty: { __typename: 'Duty', id: 'd-3', subject: '开展计量监督' },
            leadDepartment: { __typename: 'Department', id: 'dep-2', name: '江岸区卫生健康局' },
          }),
        ],
        2,
      ),
    });
    await screen.findByText('开展计量监督');
    expect(columnHeader('牵头部门')).toBeDefined();
    expect(screen.getByText('江岸区卫生健康局')).toBeTruthy();
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
        actor: {
          __typename: 'Person',
          username: 'province',
          label: '李文华（湖北省市场监督管理局质量发展局）',
        },
        reason: '佐证材料缺少文号',
      },
    };
    const { requestsOf } = renderAt('/tasks', operator, {
      TasksReturned: tasksPage([returned], 21),
      TasksList: tasksPage([rows[0], listRow({ ...returned, latestReturn: undefined })], 2),
    });

    expect(await screen.findByText('被退回的任务（21 项）')).toBeTruthy();
    expect(screen.getAllByText('退回意见：佐证材料缺少文号').length).toBeGreaterThanOrEqual(1);
    // Who returned it, by name and office (issue 17), not by username.
    expect(screen.getByText(/李文华（湖北省市场监督管理局质量发展局） 于 .* 退回/)).toBeTruthy();
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

  it('says how many tasks match, also when none does', async () => {
    renderAt('/tasks?search=不存在', supervisor, { TasksList: tasksPage([], 0) });
    expect(await screen.findByText('没有符合条件的任务')).toBeTruthy();
    expect(await screen.findByText('共 0 项任务')).toBeTruthy();
    expect(document.querySelector('.ant-pagination')).toBeNull();
  });

  it('shows the error with a retry', async () => {
    renderAt('/tasks', supervisor, { TasksList: graphQLError('FORBIDDEN', 'no') });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('您没有执行此操作的权限。')).toBeTruthy();
  });
});
