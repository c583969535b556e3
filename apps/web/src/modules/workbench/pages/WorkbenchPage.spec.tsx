import { fireEvent, screen, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { WorkbenchPage } from './WorkbenchPage';

const item = (over: Record<string, unknown>) => ({
  __typename: 'WorkbenchItem',
  id: 't-1',
  kind: 'TASK',
  link: '/tasks/t-1',
  taskId: 't-1',
  unitCode: '422801',
  unitName: '恩施市',
  articleNumber: 12,
  articleTitle: '质量基础设施',
  dutySubject: '建设质量基础设施',
  departmentName: '恩施市市场监督管理局',
  toDepartmentName: null,
  reference: null,
  colour: null,
  acknowledged: null,
  status: 'RETURNED',
  dueDate: '2026-06-01',
  targetDate: null,
  at: '2026-06-10T02:00:00.000Z',
  actor: 'enshi-zhou',
  note: '佐证材料缺少盖章页',
  total: null,
  verified: null,
  completionRate: null,
  expected: null,
  ...over,
});

const section = (key: string, count: number, items: unknown[], link: string) => ({
  __typename: 'WorkbenchSection',
  key,
  count,
  link,
  items,
});

const workbench = {
  data: {
    workbench: {
      __typename: 'Workbench',
      cycleId: 'c-2026',
      cycleTitle: '2026年度考核',
      today: '2026-06-15',
      sections: [
        section(
          'URGING_TO_ANSWER',
          1,
          [
            item({
              id: 'n-1',
              kind: 'URGING_NOTICE',
              reference: '鄂质督〔2026〕12号',
              colour: 'RED',
              acknowledged: false,
              targetDate: '2026-06-20',
              note: '请抓紧办理',
            }),
          ],
          '/workbench/URGING_TO_ANSWER?cycleId=c-2026',
        ),
        section('RETURNED_TASKS', 7, [item({})], '/tasks?cycleId=c-2026&status=RETURNED'),
        section('OVERDUE_TASKS', 0, [], '/tasks?cycleId=c-2026&overdue=1'),
      ],
    },
  },
};

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('WorkbenchPage', () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  it('shows each section with its count, its first items and a link to all of them', async () => {
    const stub = stubGraphQLOperations({ Workbench: workbench });
    restore = stub.restore;
    renderWithUser(<WorkbenchPage />, currentUser({ role: 'COUNTY_OPERATOR' }));

    expect(await screen.findByRole('heading', { name: '工作台' })).toBeTruthy();
    expect(screen.getByText('考核年度：2026年度考核 · 今天：2026年6月15日')).toBeTruthy();

    const returned = document.querySelector('[data-section="RETURNED_TASKS"]') as HTMLElement;
    expect(within(returned).getByText('被退回的任务')).toBeTruthy();
    expect(within(returned).getByTestId('section-count').dataset.count).toBe('7');
    const all = within(returned).getByRole('link', { name: '查看全部（7）' });
    expect(all.getAttribute('href')).toBe('/tasks?cycleId=c-2026&status=RETURNED');
    const task = within(returned).getByRole('link', { name: '恩施市 · 第12条 · 建设质量基础设施' });
    expect(task.getAttribute('href')).toBe('/tasks/t-1');
    expect(
      within(returned).getByText(
        'enshi-zhou 退回：佐证材料缺少盖章页；恩施市市场监督管理局；截止 2026年6月1日（逾期 14 天）',
      ),
    ).toBeTruthy();
    expect(within(returned).getByText('另有 6 项未列出')).toBeTruthy();

    const urging = document.querySelector('[data-section="URGING_TO_ANSWER"]') as HTMLElement;
    expect(within(urging).getByText('红色')).toBeTruthy();
    expect(
      within(urging).getByText(/待签收；鄂质督〔2026〕12号，反馈期限 2026年6月20日/),
    ).toBeTruthy();

    const overdue = document.querySelector('[data-section="OVERDUE_TASKS"]') as HTMLElement;
    expect(within(overdue).getByText('没有逾期任务')).toBeTruthy();
    expect(within(overdue).getByRole('link', { name: '打开列表' })).toBeTruthy();
    expect(stub.requestsOf('Workbench')[0].variables).toEqual({ cycleId: null, first: 5 });
  });

  it('follows a link inside the app', async () => {
    restore = stubGraphQLOperations({ Workbench: workbench }).restore;
    renderWithUser(<WorkbenchPage />, currentUser({ role: 'COUNTY_OPERATOR' }));
    fireEvent.click(await screen.findByRole('link', { name: '查看全部（7）' }));
    expect(`${window.location.pathname}${window.location.search}`).toBe(
      '/tasks?cycleId=c-2026&status=RETURNED',
    );
  });

  it('speaks English', async () => {
    await i18n.changeLanguage('en-US');
    restore = stubGraphQLOperations({ Workbench: workbench }).restore;
    renderWithUser(<WorkbenchPage />, currentUser({ role: 'COUNTY_OPERATOR' }));
    expect(await screen.findByRole('heading', { name: 'Workbench' })).toBeTruthy();
    expect(screen.getByText('Returned tasks')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'View all (7)' })).toBeTruthy();
  });
});
