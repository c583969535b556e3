import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption } from '../../../test/antd';
import { adminUnit, currentUser, cycle, HUBEI } from '../../../test/fixtures';
import {
  graphQLError,
  stubGraphQLOperations,
  type GraphQLRequest,
  type OperationAnswer,
} from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { OverviewPage } from './OverviewPage';
import { noUrgingAnswers } from '../../urging/testing/urgingFixtures';

const cycles = [
  cycle({ id: 'c-2027', year: 2027, state: 'closed', closedAt: '2028-01-05T02:00:00.000Z' }),
  cycle({ id: 'c-2026', year: 2026 }),
];

const summary = {
  __typename: 'AnalyticsSummary',
  tasks: 300,
  verified: 256,
  submitted: 12,
  inProgress: 20,
  notStarted: 8,
  returned: 4,
  overdue: 23,
  completionRate: 0.8533,
  submissionRate: 0.8933,
  evidenceCount: 1234,
  unitsBehindSchedule: 3,
  daysLeft: 45,
  elapsedFraction: 0.8767,
};

const figures = (tasks: number, verified: number, overdue = 0) => ({
  tasks,
  verified,
  overdue,
  evidenceCount: verified * 2,
  completionRate: tasks ? Math.round((verified / tasks) * 10_000) / 10_000 : 0,
});

const unitRow = (
  unit: ReturnType<typeof adminUnit>,
  own: ReturnType<typeof figures>,
  withChildren: ReturnType<typeof figures> | null = null,
) => ({
  __typename: 'UnitAnalytics',
  unit,
  ...own,
  withChildren: withChildren && { __typename: 'AnalyticsFigures', ...withChildren },
});

const WUHAN = adminUnit({ code: '420100', name: '武汉市', level: 'PREFECTURE' });
const ENSHI = adminUnit({ code: '422800', name: '恩施土家族苗族自治州', level: 'PREFECTURE' });
const XIANTAO = adminUnit({ code: '429004', name: '仙桃市', directlyAdministered: true });
const ENSHI_CITY = adminUnit({ code: '422801', name: '恩施市', parentCode: '422800' });
const LICHUAN = adminUnit({ code: '422802', name: '利川市', parentCode: '422800' });
const JIANGAN = adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' });

function unitAnalytics(request: GraphQLRequest) {
  const rows =
    request.variables.parentCode === '422800'
      ? [unitRow(ENSHI_CITY, figures(20, 10, 2)), unitRow(LICHUAN, figures(20, 16))]
      : [
          unitRow(WUHAN, figures(10, 9), figures(120, 110, 1)),
          unitRow(ENSHI, figures(10, 5), figures(90, 60, 9)),
          unitRow(XIANTAO, figures(30, 12, 4)),
        ];
  return { data: { unitAnalytics: rows } };
}

const cell = (
  unitCode: string,
  unitName: string,
  chapter: number,
  verified: number,
  tasks: number,
) => ({
  __typename: 'MatrixCell',
  chapter,
  chapterTitle: chapter === 1 ? '总则' : '质量发展',
  unitCode,
  unitName,
  tasks,
  verified,
  completionRate: tasks ? verified / tasks : 0,
});

const score = (unit: ReturnType<typeof adminUnit>, rank: number, value: number, grade: string) => ({
  __typename: 'UnitScore',
  unitCode: unit.code,
  unitName: unit.name,
  level: 'county',
  parentCode: unit.parentCode,
  score: value,
  grade,
  rank,
  frozen: false,
});

const answers: Record<string, OperationAnswer> = {
  Cycles: { data: { cycles } },
  OverviewSummary: { data: { analyticsSummary: summary } },
  OverviewUnitAnalytics: unitAnalytics,
  OverviewMatrix: {
    data: {
      chapterUnitMatrix: [
        cell('420100', '武汉市', 1, 10, 10),
        cell('429004', '仙桃市', 1, 0, 0),
        cell('420100', '武汉市', 2, 3, 20),
        cell('429004', '仙桃市', 2, 5, 10),
      ],
    },
  },
  OverviewTrend: {
    data: {
      completionTrend: [
        {
          __typename: 'TrendPoint',
          date: '2026-01-01',
          tasks: 300,
          verified: 0,
          completionRate: 0,
        },
        {
          __typename: 'TrendPoint',
          date: '2026-06-01',
          tasks: 300,
          verified: 150,
          completionRate: 0.5,
        },
      ],
    },
  },
  OverviewScores: {
    data: {
      assessmentScores: [
        score(JIANGAN, 1, 97.5, '优秀'),
        score(ENSHI_CITY, 2, 88, '良好'),
        score(LICHUAN, 3, 61, '合格'),
      ],
    },
  },
  OverviewBehindSchedule: {
    data: {
      behindSchedule: [
        {
          __typename: 'BehindScheduleRow',
          unit: ENSHI_CITY,
          tasks: 20,
          verified: 10,
          completionRate: 0.5,
          expected: 0.6137,
          gap: 0.1137,
        },
        {
          __typename: 'BehindScheduleRow',
          unit: XIANTAO,
          tasks: 30,
          verified: 12,
          completionRate: 0.4,
          expected: 0.6137,
          gap: 0.2137,
        },
      ],
    },
  },
  OverviewOverdueTasks: {
    data: {
      tasks: {
        __typename: 'TaskConnection',
        totalCount: 23,
        nodes: [
          {
            __typename: 'Task',
            id: 't-1',
            status: 'IN_PROGRESS',
            dueDate: '2026-06-30',
            unit: { __typename: 'AdminUnit', code: '422801', name: '恩施市' },
            article: { __typename: 'Article', id: 'a-12', number: 12, title: '质量发展规划' },
            duty: { __typename: 'Duty', id: 'd-1', subject: '编制质量发展规划' },
            leadDepartment: { __typename: 'Department', id: 'dep-1', name: '恩施市市场监督管理局' },
          },
        ],
      },
    },
  },
  OverviewPrefectures: { data: { adminUnits: [WUHAN, ENSHI] } },
  // The map (modules/map): every unit of the jurisdiction in one answer.
  MapUnitAnalytics: {
    data: {
      unitAnalytics: [
        unitRow(WUHAN, figures(10, 9), figures(120, 110, 1)),
        unitRow(JIANGAN, figures(20, 18)),
        unitRow(ENSHI, figures(10, 5), figures(90, 60, 9)),
        unitRow(ENSHI_CITY, figures(20, 10, 2)),
        unitRow(LICHUAN, figures(20, 16)),
        unitRow(XIANTAO, figures(30, 12, 4)),
      ],
    },
  },
};

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.pushState(null, '', '/overview');
});
afterEach(() => restoreFetch());

const PROVINCIAL = currentUser({ role: 'PROVINCIAL_SUPERVISOR', unit: HUBEI });

function renderPage(overrides: Record<string, OperationAnswer> = {}, user = PROVINCIAL) {
  const stub = stubGraphQLOperations({ ...noUrgingAnswers, ...answers, ...overrides });
  restoreFetch = stub.restore;
  renderWithUser(<OverviewPage />, user);
  return stub;
}

/** The boundary files the map asked for (plain GET requests, not GraphQL). */
const boundaryRequests = (stub: ReturnType<typeof renderPage>) =>
  stub.fetchMock.mock.calls
    .map(([input]) => String(input))
    .filter((u) => u.startsWith('/api/map/'));

const lastVariables = (stub: ReturnType<typeof renderPage>, operation: string) =>
  stub.requestsOf(operation).at(-1)?.variables;

/** A link by its accessible name (aria-label or text); cheaper than role queries on a whole page. */
function link(name: string | RegExp, container: ParentNode = document): HTMLAnchorElement {
  const matches = [...container.querySelectorAll<HTMLAnchorElement>('a')].filter((a) => {
    const label = a.getAttribute('aria-label') ?? a.textContent ?? '';
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (matches.length !== 1) throw new Error(`${matches.length} links named ${String(name)}`);
  return matches[0];
}
const queryLink = (name: string | RegExp) => {
  try {
    return link(name);
  } catch {
    return null;
  }
};
const findLink = (name: string | RegExp, container?: ParentNode) =>
  waitFor(() => link(name, container));
const here = () => `${window.location.pathname}${window.location.search}`;

/** Switches the units block to its table and returns the table. */
async function showUnitTable(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByText('明细表'));
  return waitFor(() => {
    const table = [...document.querySelectorAll<HTMLElement>('.ant-table-wrapper')].find((t) =>
      t.querySelector('thead')?.textContent?.includes('任务数'),
    );
    if (!table) throw new Error('no unit table yet');
    return table;
  });
}

describe('OverviewPage', () => {
  it('shows the newest open cycle of the cycle’s province: figures, units, chapters, ranking, lists', async () => {
    const stub = renderPage();

    expect(await screen.findByRole('heading', { name: '湖北省履职总览' })).toBeTruthy();
    expect(await screen.findByText('85.3%')).toBeTruthy();
    expect(screen.getByText('已核验 256 项 / 共 300 项')).toBeTruthy();
    expect(screen.getByText('1,234')).toBeTruthy();
    expect(screen.getByText('45 天')).toBeTruthy();
    expect(screen.getByText('考核期 2026年1月1日 至 2026年12月31日')).toBeTruthy();

    expect(lastVariables(stub, 'OverviewSummary')).toEqual({ cycleId: 'c-2026' });
    expect(lastVariables(stub, 'OverviewUnitAnalytics')).toEqual({
      cycleId: 'c-2026',
      parentCode: '420000',
    });
    expect(lastVariables(stub, 'OverviewScores')).toEqual({ cycleId: 'c-2026', level: 'county' });
    expect(lastVariables(stub, 'OverviewOverdueTasks')).toEqual({
      filter: { cycleId: 'c-2026', overdue: true },
      first: 10,
    });

    // The heatmap: coloured cells with their figures as text, empty chapters marked.
    const matrix = await screen.findByRole('table', { name: '各章节完成情况' });
    expect(within(matrix).getByText('第一章')).toBeTruthy();
    expect(link('武汉市，第二章：已核验 3 项 / 共 20 项，完成率 15.0%', matrix).textContent).toBe(
      '15.0%',
    );
    expect(within(matrix).getByLabelText('仙桃市，第一章：无任务')).toBeTruthy();

    // Ranking and lists.
    expect((await findLink('江岸区')).getAttribute('href')).toBe('/units/420102?cycleId=c-2026');
    expect(screen.getByText('优秀')).toBeTruthy();
    expect(screen.getByText('97.5')).toBeTruthy();
    expect(link('查看仙桃市未完成的 18 项任务')).toBeTruthy();
    expect(link(/编制质量发展规划/).getAttribute('href')).toBe('/tasks/t-1');
    expect(screen.getByText('第十二条')).toBeTruthy();
    expect(link('查看全部 23 项').getAttribute('href')).toBe('/tasks?cycleId=c-2026&overdue=true');
    expect(screen.getByText('显示最早到期的 1 项，共 23 项')).toBeTruthy();

    // The units as a table: prefectures with the units under them.
    const units = await showUnitTable();
    const wuhan = (
      await screen.findByRole('button', { name: '查看武汉市所辖县（市、区）' })
    ).closest('tr') as HTMLElement;
    expect(within(wuhan).getByText('91.7%')).toBeTruthy();
    expect(link('120', wuhan).getAttribute('href')).toBe(
      '/tasks?cycleId=c-2026&prefectureCode=420100',
    );
    // A directly-administered unit has no counties: it opens its unit page.
    expect(link('仙桃市', units).getAttribute('href')).toBe('/units/429004?cycleId=c-2026');
    expect(stub.unexpected).toEqual([]);
  });

  it('drills down into the counties of a prefecture and back', async () => {
    const stub = renderPage();
    await showUnitTable();
    fireEvent.click(
      await screen.findByRole('button', { name: '查看恩施土家族苗族自治州所辖县（市、区）' }),
    );

    expect(here()).toBe('/overview?cycleId=c-2026&prefectureCode=422800');
    expect(
      await screen.findByRole('heading', { name: '恩施土家族苗族自治州履职总览' }),
    ).toBeTruthy();
    await waitFor(() =>
      expect(lastVariables(stub, 'OverviewUnitAnalytics')).toEqual({
        cycleId: 'c-2026',
        parentCode: '422800',
      }),
    );
    expect(lastVariables(stub, 'OverviewSummary')).toEqual({
      cycleId: 'c-2026',
      unitCode: '422800',
    });
    expect(lastVariables(stub, 'OverviewMatrix')).toEqual({
      cycleId: 'c-2026',
      parentCode: '422800',
    });
    expect(lastVariables(stub, 'OverviewOverdueTasks')).toEqual({
      filter: { cycleId: 'c-2026', overdue: true, prefectureCode: '422800' },
      first: 10,
    });
    await screen.findByText('恩施土家族苗族自治州各县（市、区）完成情况');
    const counties = await showUnitTable();
    expect((await findLink('利川市', counties)).getAttribute('href')).toBe(
      '/units/422802?cycleId=c-2026',
    );
    // Only the prefecture's units stay in the ranking and the behind-schedule list.
    expect(queryLink('江岸区')).toBeNull();
    expect(queryLink('查看仙桃市未完成的 18 项任务')).toBeNull();
    expect(link('查看全部 23 项').getAttribute('href')).toBe(
      '/tasks?cycleId=c-2026&prefectureCode=422800&overdue=true',
    );

    fireEvent.click(screen.getByRole('button', { name: /返回湖北省/ }));
    expect(here()).toBe('/overview?cycleId=c-2026');
    await screen.findByRole('heading', { name: '湖北省履职总览' });
    // The province's figures come from the cache: no request, the prefectures are back.
    expect(await screen.findByText('湖北省各市州完成情况')).toBeTruthy();
  });

  it('leads from every number to the tasks behind it', async () => {
    renderPage();
    await screen.findByText('85.3%');

    fireEvent.click(link('逾期任务 23 项，查看'));
    expect(here()).toBe('/tasks?cycleId=c-2026&overdue=true');

    fireEvent.click(link('总体完成率 85.3%，查看已核验任务'));
    expect(here()).toBe('/tasks?cycleId=c-2026&status=VERIFIED');

    fireEvent.click(link('武汉市，第二章：已核验 3 项 / 共 20 项，完成率 15.0%'));
    expect(here()).toBe('/tasks?cycleId=c-2026&prefectureCode=420100&chapterNumber=2');

    fireEvent.click(link('仙桃市，第二章：已核验 5 项 / 共 10 项，完成率 50.0%'));
    expect(here()).toBe('/tasks?cycleId=c-2026&unitCode=429004&chapterNumber=2');

    fireEvent.click(await findLink('查看仙桃市未完成的 18 项任务'));
    expect(here()).toBe(
      '/tasks?cycleId=c-2026&unitCode=429004&status=NOT_STARTED%2CIN_PROGRESS%2CRETURNED%2CSUBMITTED',
    );

    await showUnitTable();
    const enshi = (await screen.findByRole('button', { name: /查看恩施土家族苗族自治州/ })).closest(
      'tr',
    ) as HTMLElement;
    fireEvent.click(link('9', enshi));
    expect(here()).toBe('/tasks?cycleId=c-2026&prefectureCode=422800&overdue=true');
  });

  it('switches the cycle and the ranking level, keeping the cycle in the URL', async () => {
    const stub = renderPage();
    await screen.findByText('85.3%');

    await chooseOption(
      screen.getByLabelText('考核年度'),
      '2027年度 · 湖北省质量促进条例（已关闭）',
    );
    expect(here()).toBe('/overview?cycleId=c-2027');
    await waitFor(() =>
      expect(lastVariables(stub, 'OverviewSummary')).toEqual({ cycleId: 'c-2027' }),
    );

    await act(async () => {
      fireEvent.click(screen.getByText('市州'));
    });
    await waitFor(() =>
      expect(lastVariables(stub, 'OverviewScores')).toEqual({
        cycleId: 'c-2027',
        level: 'prefecture',
      }),
    );
    expect(link(/导出排名/).getAttribute('href')).toBe(
      '/api/assessment/ranking.xlsx?cycleId=c-2027&level=prefecture',
    );
  });

  it('shows a failed block with its error and retry while the rest renders', async () => {
    const stub = renderPage({
      OverviewSummary: [
        graphQLError('INTERNAL_ERROR', 'boom'),
        { data: { analyticsSummary: summary } },
      ],
    });

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('系统内部错误，请稍后重试或联系管理员。')).toBeTruthy();
    expect(await findLink('江岸区')).toBeTruthy();

    fireEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByText('85.3%')).toBeTruthy();
    expect(stub.requestsOf('OverviewSummary')).toHaveLength(2);
  });

  it('says so when no cycle exists yet', async () => {
    renderPage({ Cycles: { data: { cycles: [] } } });
    expect(await screen.findByText(/尚未设立考核年度/)).toBeTruthy();
  });

  it('shows a prefecture supervisor the counties of its own prefecture', async () => {
    const stub = renderPage(
      {},
      currentUser({
        role: 'PREFECTURE_SUPERVISOR',
        unit: { ...ENSHI, name: '恩施州' },
      }),
    );
    expect(await screen.findByRole('heading', { name: '恩施州履职总览' })).toBeTruthy();
    await waitFor(() =>
      expect(lastVariables(stub, 'OverviewUnitAnalytics')).toEqual({
        cycleId: 'c-2026',
        parentCode: '422800',
      }),
    );
    expect(screen.queryByRole('button', { name: /返回湖北省/ })).toBeNull();
    expect(screen.queryByText('市州')).toBeNull();
    const counties = await showUnitTable();
    expect((await findLink('恩施市', counties)).getAttribute('href')).toBe(
      '/units/422801?cycleId=c-2026',
    );
    expect(stub.requestsOf('OverviewPrefectures')).toHaveLength(0);
  });

  it('takes the root from a Hunan cycle: its prefectures, its name, never Hubei’s map', async () => {
    const HUNAN = adminUnit({
      code: '430000',
      name: '湖南省',
      level: 'PROVINCE',
      parentCode: null,
    });
    const CHANGSHA = adminUnit({
      code: '430100',
      name: '长沙市',
      level: 'PREFECTURE',
      parentCode: '430000',
    });
    const hunanCycle = cycle({
      id: 'c-hn',
      year: 2026,
      regulationTitle: '湖南省质量促进条例',
      provinceCode: '430000',
      province: { __typename: 'AdminUnit', code: '430000', name: '湖南省' },
    });
    const stub = renderPage(
      {
        Cycles: { data: { cycles: [hunanCycle] } },
        OverviewUnitAnalytics: {
          data: { unitAnalytics: [unitRow(CHANGSHA, figures(10, 5), figures(80, 40, 2))] },
        },
      },
      currentUser({ role: 'PROVINCIAL_SUPERVISOR', unit: HUNAN }),
    );
    expect(await screen.findByRole('heading', { name: '湖南省履职总览' })).toBeTruthy();
    await waitFor(() =>
      expect(lastVariables(stub, 'OverviewUnitAnalytics')).toEqual({
        cycleId: 'c-hn',
        parentCode: '430000',
      }),
    );
    expect(lastVariables(stub, 'OverviewSummary')).toEqual({ cycleId: 'c-hn' });
    expect(await screen.findByText('湖南省各市州完成情况')).toBeTruthy();
    // The map card says there is no map; Hubei's boundaries or tiles are never asked for.
    expect(await screen.findByText('该省份暂无地图')).toBeTruthy();
    expect(boundaryRequests(stub)).toEqual(['/api/map/boundaries/430000.json']);
    expect(stub.requestsOf('MapUnitAnalytics')).toHaveLength(0);
    expect(document.querySelector('[data-map-tile]')).toBeNull();
    expect(stub.unexpected).toEqual([]);
  });

  it('keeps the prefecture drilled into when switching to a cycle of the same province only', async () => {
    const hunanCycle = cycle({
      id: 'c-hn',
      year: 2025,
      state: 'closed',
      closedAt: '2026-01-05T02:00:00.000Z',
      regulationTitle: '湖南省质量促进条例',
      provinceCode: '430000',
      province: { __typename: 'AdminUnit', code: '430000', name: '湖南省' },
    });
    window.history.pushState(null, '', '/overview?cycleId=c-2026&prefectureCode=422800');
    renderPage({ Cycles: { data: { cycles: [...cycles, hunanCycle] } } });
    expect(
      await screen.findByRole('heading', { name: '恩施土家族苗族自治州履职总览' }),
    ).toBeTruthy();

    await chooseOption(
      screen.getByLabelText('考核年度'),
      '2027年度 · 湖北省质量促进条例（已关闭）',
    );
    expect(here()).toBe('/overview?cycleId=c-2027&prefectureCode=422800');

    await chooseOption(
      screen.getByLabelText('考核年度'),
      '2025年度 · 湖南省质量促进条例（已关闭）',
    );
    expect(here()).toBe('/overview?cycleId=c-hn');
    expect(await screen.findByRole('heading', { name: '湖南省履职总览' })).toBeTruthy();
  });
});
