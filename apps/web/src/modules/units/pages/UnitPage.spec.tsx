import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser, cycle, HUBEI } from '../../../test/fixtures';
import {
  graphQLError,
  stubGraphQLOperations,
  type OperationAnswer,
} from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { UnitPage } from './UnitPage';
import { noUrgingAnswers } from '../../urging/testing/urgingFixtures';

const cycles = [
  cycle({ id: 'c-2027', year: 2027, state: 'closed', closedAt: '2028-01-05T02:00:00.000Z' }),
  cycle({ id: 'c-2026', year: 2026 }),
];

const indicator = (id: string, chapter: number, marks: number, earned: number) => ({
  __typename: 'IndicatorScore',
  indicatorId: id,
  name: `指标${id}`,
  chapter,
  marks,
  earned,
  stage: 'computed',
  computedEarned: earned,
});

const assessment = {
  __typename: 'UnitAssessment',
  unitCode: '422801',
  unitName: '恩施市',
  level: 'county',
  parentCode: '422800',
  score: 88.5,
  grade: '良好',
  rank: 2,
  frozen: false,
  resultSetVersion: null,
  bonusApplied: 2,
  bonusRequested: 2,
  notApplicableTasks: 0,
  deductions: [
    { __typename: 'ScoreDeduction', points: 1.5, reason: '任务逾期未提交', taskId: 't-2' },
  ],
  breakdown: [indicator('i1', 1, 10, 10), indicator('i2', 2, 30, 24), indicator('i3', 2, 20, 13)],
  adjustments: [
    {
      __typename: 'AssessmentAdjustment',
      id: 'adj-1',
      kind: 'bonus',
      points: 2,
      reason: '质量强市创建成效突出',
      createdAt: '2026-05-01T02:00:00.000Z',
      createdBy: 'enshi-zhou',
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
    },
    {
      __typename: 'AssessmentAdjustment',
      id: 'adj-2',
      kind: 'deduction',
      points: 1,
      reason: '材料报送不及时',
      createdAt: '2026-05-02T02:00:00.000Z',
      createdBy: 'province',
      revokedAt: '2026-05-03T02:00:00.000Z',
      revokedBy: 'province',
      revokeReason: '经核实已按时报送',
    },
  ],
};

const task = (id: string, article: number, subject: string, status: string, overdue = false) => ({
  __typename: 'Task',
  id,
  status,
  overdue,
  dueDate: '2026-06-30',
  evidenceCount: 3,
  notApplicableStatus: null,
  article: {
    __typename: 'Article',
    id: `a-${article}`,
    number: article,
    title: article === 12 ? '质量发展规划' : null,
    chapter: {
      __typename: 'Chapter',
      id: `ch-${article < 10 ? 1 : 2}`,
      number: article < 10 ? 1 : 2,
      title: article < 10 ? '总则' : '质量发展',
    },
  },
  duty: { __typename: 'Duty', id: `d-${id}`, subject },
  leadDepartment: { __typename: 'Department', id: 'dep-1', name: '恩施市市场监督管理局' },
});

const tasksPage = (
  nodes: ReturnType<typeof task>[],
  pageInfo = { endCursor: null as string | null, hasNextPage: false },
  totalCount = nodes.length,
) => ({
  data: {
    tasks: {
      __typename: 'TaskConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', ...pageInfo },
      nodes,
    },
  },
});

const answers: Record<string, OperationAnswer> = {
  Cycles: { data: { cycles } },
  UnitsAssessment: { data: { unitAssessment: assessment } },
  // No measured indicator applies (the card stays hidden).
  AssessmentUnitMeasures: { data: { unitMeasureValues: [] } },
  UnitsTasks: tasksPage([
    task('t-1', 12, '编制质量发展规划', 'VERIFIED'),
    task('t-2', 12, '建立质量工作协调机制', 'IN_PROGRESS', true),
    task('t-3', 4, '落实质量促进工作', 'SUBMITTED'),
  ]),
};

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPage(
  path = '/units/422801?cycleId=c-2026',
  overrides: Record<string, OperationAnswer> = {},
) {
  window.history.pushState(null, '', path);
  const stub = stubGraphQLOperations({ ...noUrgingAnswers, ...answers, ...overrides });
  restoreFetch = stub.restore;
  renderWithUser(<UnitPage />, currentUser({ role: 'PROVINCIAL_SUPERVISOR', unit: HUBEI }));
  return stub;
}

const anchor = (name: string): HTMLAnchorElement => {
  const found = [...document.querySelectorAll<HTMLAnchorElement>('a')].filter(
    (a) => (a.getAttribute('aria-label') ?? a.textContent) === name,
  );
  if (found.length !== 1) throw new Error(`${found.length} links named ${name}`);
  return found[0];
};
const here = () => `${window.location.pathname}${window.location.search}`;

describe('UnitPage', () => {
  it('shows the unit’s score, chapter breakdown, adjustments and tasks by article', async () => {
    const stub = renderPage();

    expect(await screen.findByRole('heading', { name: '恩施市考核详情' })).toBeTruthy();
    expect(screen.getByText('88.5')).toBeTruthy();
    expect(screen.getByText('良好')).toBeTruthy();
    expect(screen.getByText('县（市、区）排名')).toBeTruthy();
    expect(screen.getByText('第 2 名')).toBeTruthy();
    expect(screen.getByText('加分 2，扣分 1.5')).toBeTruthy();
    expect(stub.requestsOf('UnitsAssessment')[0].variables).toEqual({
      cycleId: 'c-2026',
      unitCode: '422801',
    });
    expect(stub.requestsOf('UnitsTasks')[0].variables).toEqual({
      filter: { cycleId: 'c-2026', unitCode: '422801' },
      first: 100,
    });

    // Chapters: the indicators summed, titles from the tasks.
    const chapter2 = (await screen.findByText('第二章 质量发展')).closest('tr') as HTMLElement;
    expect(within(chapter2).getByText('50')).toBeTruthy();
    expect(within(chapter2).getByText('37')).toBeTruthy();
    expect(within(chapter2).getByText('74.0%')).toBeTruthy();

    // Adjustments, a revoked one with who and why.
    expect(screen.getByText('质量强市创建成效突出')).toBeTruthy();
    expect(
      screen.getByText('已由 province 于 2026年5月3日 10:00 撤销：经核实已按时报送'),
    ).toBeTruthy();
    expect(screen.getByText(/任务逾期未提交/)).toBeTruthy();

    // Tasks by article: article 4 first; article 12 spans its two tasks.
    const rows = [...document.querySelectorAll('.ant-table-tbody tr')].filter((r) =>
      r.textContent?.includes('监督管理局'),
    );
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual([
      '第四条',
      '第十二条质量发展规划',
      '建立质量工作协调机制',
    ]);
    expect(anchor('编制质量发展规划').getAttribute('href')).toBe('/tasks/t-1');
    expect(within(rows[2] as HTMLElement).getByText('已逾期')).toBeTruthy();
    expect(screen.getByText('已显示 3 项，共 3 项')).toBeTruthy();

    // Printable report in a new tab, the XLSX breakdown as a download.
    const report = anchor('打印考核报告');
    expect(report.getAttribute('href')).toBe(
      '/api/assessment/report?cycleId=c-2026&unitCode=422801',
    );
    expect(report.getAttribute('target')).toBe('_blank');
    expect(anchor('导出评分明细').getAttribute('href')).toBe(
      '/api/assessment/unit.xlsx?cycleId=c-2026&unitCode=422801',
    );
  });

  it('links the status counts to the task list', async () => {
    renderPage();
    await screen.findByText('编制质量发展规划');

    expect(anchor('已逾期 1 项，查看任务').getAttribute('href')).toBe(
      '/tasks?cycleId=c-2026&unitCode=422801&overdue=true',
    );
    expect(anchor('未开始 0 项，查看任务').getAttribute('href')).toBe(
      '/tasks?cycleId=c-2026&unitCode=422801&status=NOT_STARTED',
    );
    expect(anchor('待核验 1 项，查看任务').getAttribute('href')).toBe(
      '/tasks?cycleId=c-2026&unitCode=422801&status=SUBMITTED',
    );
  });

  it('loads the next page of tasks after the last cursor', async () => {
    const stub = renderPage('/units/422801', {
      UnitsTasks: [
        tasksPage(
          [task('t-1', 12, '编制质量发展规划', 'VERIFIED')],
          { endCursor: 'cur-1', hasNextPage: true },
          2,
        ),
        tasksPage(
          [task('t-9', 30, '开展质量状况分析', 'NOT_STARTED')],
          { endCursor: 'cur-2', hasNextPage: false },
          2,
        ),
      ],
    });
    // No cycle in the URL: the newest open one.
    await screen.findByText('已显示 1 项，共 2 项');
    expect(stub.requestsOf('UnitsTasks')[0].variables).toEqual({
      filter: { cycleId: 'c-2026', unitCode: '422801' },
      first: 100,
    });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    });
    expect(await screen.findByText('开展质量状况分析')).toBeTruthy();
    expect(stub.requestsOf('UnitsTasks')[1].variables).toEqual({
      filter: { cycleId: 'c-2026', unitCode: '422801' },
      first: 100,
      after: 'cur-1',
    });
    expect(screen.getByText('已显示 2 项，共 2 项')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('says clearly when the unit is unknown or outside the jurisdiction', async () => {
    renderPage('/units/110101?cycleId=c-2026', {
      UnitsAssessment: graphQLError('NOT_FOUND', '未找到单位考核结果。'),
      UnitsTasks: tasksPage([]),
    });
    expect(await screen.findByText('未找到单位 110101 的考核信息')).toBeTruthy();
    expect(
      screen.getByText('该单位不存在、不在您的管辖范围内，或在本考核年度没有考核结果。'),
    ).toBeTruthy();
    expect(screen.queryByText('打印考核报告')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^返\s*回$/ }));
    expect(here()).toBe('/overview?cycleId=c-2026');
  });

  it('shows other errors with a retry', async () => {
    const stub = renderPage(undefined, {
      UnitsAssessment: [graphQLError('INTERNAL_ERROR'), { data: { unitAssessment: assessment } }],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('系统内部错误，请稍后重试或联系管理员。')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    await waitFor(() => expect(screen.getByText('88.5')).toBeTruthy());
    expect(stub.requestsOf('UnitsAssessment')).toHaveLength(2);
  });
});
