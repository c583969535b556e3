import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, findDialog, openOptions } from '../../../test/antd';
import { adminUnit, currentUser, cycle } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { AssessmentPage } from './AssessmentPage';

const cycle2025 = cycle({ id: 'c2025', year: 2025, title: '2025年度质量工作考核' });

const score = (overrides: Record<string, unknown>) => ({
  __typename: 'UnitScore',
  level: 'county',
  parentCode: '422800',
  bonusApplied: 0,
  bonusRequested: 0,
  frozen: false,
  resultSetVersion: null,
  deductions: [],
  ...overrides,
});

const scores = [
  score({
    unitCode: '422801',
    unitName: '恩施市',
    rank: 1,
    score: 92.5,
    grade: '优秀',
    bonusApplied: 2,
    bonusRequested: 3,
  }),
  score({
    unitCode: '420102',
    unitName: '江岸区',
    parentCode: '420100',
    rank: 2,
    score: 55,
    grade: '不合格',
    deductions: [
      { __typename: 'ScoreDeduction', points: 1.5, reason: '任务被退回 3 次', taskId: 't1' },
    ],
  }),
];

/** The provincial supervisor as the API names people (name and office, issue 17). */
const LI = {
  __typename: 'Person',
  username: 'province',
  label: '李文华（湖北省市场监督管理局质量发展局）',
};

const plan = {
  __typename: 'AssessmentPlan',
  cycleId: 'c2025',
  version: 3,
  isDefault: false,
  note: '',
  createdAt: '2025-03-01T02:00:00.000Z',
  createdBy: 'province',
  creator: LI,
  bonusCap: 5,
  chapterWeights: [
    { __typename: 'ChapterWeight', chapter: 1, weight: 40 },
    { __typename: 'ChapterWeight', chapter: 2, weight: 60 },
  ],
  rules: {
    __typename: 'ScoringRules',
    verified: 1,
    submitted: 0.5,
    returnedOrInProgress: 0.25,
    notStarted: 0,
    overdueAtCycleEnd: 0,
  },
  deductions: { __typename: 'DeductionRules', perReturn: 0.5, perExtensionBeyondFirst: 0.5 },
  bands: [
    { __typename: 'GradeBand', grade: '优秀', min: 90 },
    { __typename: 'GradeBand', grade: '良好', min: 80 },
    { __typename: 'GradeBand', grade: '合格', min: 60 },
    { __typename: 'GradeBand', grade: '不合格', min: 0 },
  ],
  indicators: [
    {
      __typename: 'AssessmentIndicator',
      id: 'i1',
      name: '建立质量工作机制',
      chapter: 1,
      weight: 1,
      dutyIds: ['d1', 'd2'],
      kind: 'work',
      measure: null,
    },
    {
      __typename: 'AssessmentIndicator',
      id: 'i2',
      name: '质量基础设施建设',
      chapter: 2,
      weight: 2,
      dutyIds: ['d3'],
      kind: 'work',
      measure: null,
    },
  ],
};

/** The tracked duties of the cycle's regulation version, as AssessmentPlanDuties lists them. */
const planDuty = (
  lineageId: string,
  subject: string,
  article: { number: number; title: string | null },
  chapter: number,
) => ({
  __typename: 'Duty',
  id: `v1-${lineageId}`,
  lineageId,
  subject,
  article: {
    __typename: 'Article',
    id: `a${article.number}`,
    number: article.number,
    title: article.title,
    chapter: {
      __typename: 'Chapter',
      id: `ch${chapter}`,
      number: chapter,
      title: `第${chapter}章`,
    },
  },
});
const planDuties = [
  planDuty('d1', '建立质量工作协调机制', { number: 3, title: '工作机制' }, 1),
  planDuty('d2', '将质量工作纳入考核', { number: 3, title: '工作机制' }, 1),
  planDuty('d3', '建设质量基础设施', { number: 12, title: '基础设施' }, 2),
  planDuty('d4', '推进计量体系建设', { number: 12, title: '基础设施' }, 2),
  planDuty('d6', '组织质量奖评审', { number: 14, title: '质量奖励' }, 2),
];

const answers = (extra: Record<string, unknown> = {}) => ({
  Cycles: { data: { cycles: [cycle2025] } },
  AssessmentScores: { data: { assessmentScores: scores } },
  AssessmentPlan: { data: { assessmentPlan: plan } },
  AssessmentResultSets: { data: { assessmentResultSets: [] } },
  AssessmentPlanDuties: {
    data: { duties: { __typename: 'DutyPage', totalCount: 5, nodes: planDuties } },
  },
  ...extra,
});

const provincial = currentUser({ id: 'u-p', username: 'province', role: 'PROVINCIAL_SUPERVISOR' });

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => {
  restoreFetch();
  window.history.replaceState(null, '', '/');
});

function renderPage(path: string, extra: Record<string, unknown> = {}, user = provincial) {
  window.history.replaceState(null, '', path);
  const stub = stubGraphQLOperations(answers(extra));
  restoreFetch = stub.restore;
  renderWithUser(<AssessmentPage />, user);
  return stub;
}

/** A button (or link button) by its text: role queries over a page of antd components are slow in jsdom. */
function buttonIn(scope: Pick<typeof screen, 'getByText'>, name: RegExp): HTMLElement {
  const label = scope.getByText(name);
  return (label.closest('button, a') ?? label) as HTMLElement;
}

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;
/** The row of an indicator while the plan is edited (its name is in an input). */
function indicatorRow(name: string): HTMLElement {
  const row = screen
    .getAllByDisplayValue(name)
    .map((input) => input.closest('tr'))
    .find((tr) => tr !== null);
  if (!row) throw new Error(`no indicator row named "${name}"`);
  return row;
}

/** The plan tab, in edit mode. */
async function editPlan(extra: Record<string, unknown> = {}) {
  const stub = renderPage('/assessment?tab=plan', extra);
  await screen.findByText('第 3 版');
  fireEvent.click(buttonIn(screen, /编辑方案/));
  return stub;
}

async function savePlan() {
  await act(async () => {
    fireEvent.click(buttonIn(screen, /保存为新版本/));
  });
}

/** AssessmentSavePlan's answer: the plan as saved, version 4. */
const savedPlan = { data: { saveAssessmentPlan: { ...plan, version: 4 } } };

describe('AssessmentPage', () => {
  it('ranks the units of the newest open cycle with grades, bonuses, deductions and the live badge', async () => {
    const { requestsOf } = renderPage('/assessment');

    expect(await screen.findByText('恩施市')).toBeTruthy();
    const first = within(rowOf('恩施市'));
    expect(first.getByText('92.5')).toBeTruthy();
    const excellent = first.getByText('优秀');
    expect(excellent.className).toMatch(/green/);
    expect(first.getByText('2 / 3')).toBeTruthy();
    expect(first.getByText('实时')).toBeTruthy();
    expect(first.getByText('恩施市').closest('a')?.getAttribute('href')).toBe(
      '/units/422801?cycleId=c2025',
    );
    const last = within(rowOf('江岸区'));
    await waitFor(() => expect(last.getByText('不合格').className).toMatch(/red/));
    expect(last.getByText('−1.5')).toBeTruthy();
    expect(requestsOf('AssessmentScores')[0].variables).toEqual({
      cycleId: 'c2025',
      level: 'county',
    });
    expect(buttonIn(screen, /导出排名/).getAttribute('href')).toBe(
      '/api/assessment/ranking.xlsx?cycleId=c2025&level=county',
    );
  });

  it('shows the frozen version once the scores are frozen', async () => {
    renderPage('/assessment', {
      AssessmentScores: {
        data: { assessmentScores: [{ ...scores[0], frozen: true, resultSetVersion: 2 }] },
      },
    });
    expect(await screen.findByText('已固化 第2版')).toBeTruthy();
  });

  it('shows the error of a failed cycle list and retries', async () => {
    renderPage('/assessment', {
      Cycles: [
        graphQLError('FORBIDDEN', '您无权查看考核年度。'),
        { data: { cycles: [cycle2025] } },
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('您无权查看考核年度。')).toBeTruthy();
    fireEvent.click(buttonIn(within(alert), /重\s*试/));
    expect(await screen.findByText('恩施市')).toBeTruthy();
  });

  it('blocks a plan whose chapter weights do not sum to 100, then shows the server’s problems', async () => {
    const { requestsOf } = renderPage('/assessment?cycleId=c2025&tab=plan', {
      AssessmentSavePlan: graphQLError('VALIDATION_FAILED', '考核方案未保存', {
        details: {
          problems: [
            {
              code: 'INDICATOR_EMPTY',
              path: 'indicators.1',
              message: '指标“质量基础设施建设”未关联任何职责',
            },
          ],
        },
      }),
    });

    expect(await screen.findByText('第 3 版')).toBeTruthy();
    expect(screen.getByText('建立质量工作机制')).toBeTruthy();
    fireEvent.click(buttonIn(screen, /编辑方案/));

    const chapter2 = screen.getByLabelText('第二章');
    fireEvent.change(chapter2, { target: { value: '55' } });
    expect(await screen.findByText('合计 95 / 100')).toBeTruthy();
    fireEvent.click(buttonIn(screen, /保存为新版本/));
    expect(await screen.findByText('各章分值之和必须为 100，当前为 95。')).toBeTruthy();
    expect(requestsOf('AssessmentSavePlan')).toHaveLength(0);

    fireEvent.change(chapter2, { target: { value: '60' } });
    await screen.findByText('各章分值合计为 100');
    await waitFor(() => expect(screen.queryByText(/各章分值之和必须为 100/)).toBeNull());
    await act(async () => {
      fireEvent.click(buttonIn(screen, /保存为新版本/));
    });
    // In the list above the plan, and next to the indicator's duties.
    const problem = '指标“质量基础设施建设”未关联任何职责。';
    const alert = (await screen.findByText('服务器拒绝保存该方案：')).closest('[role="alert"]');
    expect(within(alert as HTMLElement).getByText(problem)).toBeTruthy();
    expect(within(indicatorRow('质量基础设施建设')).getByText(problem)).toBeTruthy();
    expect(within(indicatorRow('建立质量工作机制')).queryByText(problem)).toBeNull();
    // Texts by the problem's code, in the language of the UI.
    await act(async () => {
      await i18n.changeLanguage('en-US');
    });
    expect(
      within(indicatorRow('质量基础设施建设')).getByText(
        'The indicator “质量基础设施建设” covers no duty.',
      ),
    ).toBeTruthy();
    const [request] = requestsOf('AssessmentSavePlan');
    expect(request.variables.input).toMatchObject({
      cycleId: 'c2025',
      expectedVersion: 3,
      chapterWeights: [
        { chapter: 1, weight: 40 },
        { chapter: 2, weight: 60 },
      ],
      bands: [
        { grade: '优秀', min: 90 },
        { grade: '良好', min: 80 },
        { grade: '合格', min: 60 },
        { grade: '不合格', min: 0 },
      ],
    });
  });

  it('offers to reload a plan someone else saved meanwhile', async () => {
    renderPage('/assessment?tab=plan', {
      AssessmentSavePlan: graphQLError('CONFLICT', '考核方案已被他人修改'),
    });
    await screen.findByText('第 3 版');
    fireEvent.click(buttonIn(screen, /编辑方案/));
    await act(async () => {
      fireEvent.click(buttonIn(screen, /保存为新版本/));
    });
    expect(
      await screen.findByText('考核方案已被他人修改并保存为新版本，您的修改未保存。'),
    ).toBeTruthy();
    expect(buttonIn(screen, /重新加载最新方案/)).toBeTruthy();
  });

  it('adds an indicator of chosen duties and saves it with the others', async () => {
    const { requestsOf } = await editPlan({ AssessmentSavePlan: savedPlan });
    fireEvent.click(buttonIn(screen, /添加指标/));
    const dialog = await findDialog('添加考核指标');

    // Duties of other indicators cannot be chosen again.
    const duties = within(dialog).getByLabelText('职责');
    expect(await openOptions(duties)).toEqual([
      '建立质量工作协调机制（已属于指标“建立质量工作机制”）',
      '将质量工作纳入考核（已属于指标“建立质量工作机制”）',
      '建设质量基础设施（已属于指标“质量基础设施建设”）',
      '推进计量体系建设',
      '组织质量奖评审',
    ]);
    await chooseOption(duties, '推进计量体系建设');
    expect(await within(dialog).findByText('第二章')).toBeTruthy();
    // A name is offered, as the default plan names indicators; the supervisor may change it.
    const name = within(dialog).getByLabelText('指标名称') as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('第12条 推进计量体系建设'));
    fireEvent.change(name, { target: { value: '计量体系建设' } });
    fireEvent.change(within(dialog).getByLabelText('章内权重'), { target: { value: '3' } });
    fireEvent.click(buttonIn(within(dialog), /^添\s*加$/));

    const row = within(await waitFor(() => indicatorRow('计量体系建设')));
    expect(row.getByText('第二章')).toBeTruthy();
    expect((row.getByLabelText('计量体系建设 章内权重') as HTMLInputElement).value).toBe('3');
    await savePlan();
    await waitFor(() => expect(requestsOf('AssessmentSavePlan')).toHaveLength(1));
    expect(requestsOf('AssessmentSavePlan')[0].variables.input).toMatchObject({
      indicators: [
        { id: 'i1', name: '建立质量工作机制', chapter: 1, weight: 1, dutyIds: ['d1', 'd2'] },
        { id: 'i2', name: '质量基础设施建设', chapter: 2, weight: 2, dutyIds: ['d3'] },
        { id: 'indicator-1', name: '计量体系建设', chapter: 2, weight: 3, dutyIds: ['d4'] },
      ],
    });
    expect(await screen.findByText('考核方案已保存为第 4 版。')).toBeTruthy();
  });

  it('adds an indicator of a whole article whose duties no other indicator has', async () => {
    const { requestsOf } = await editPlan({ AssessmentSavePlan: savedPlan });
    fireEvent.click(buttonIn(screen, /添加指标/));
    const dialog = await findDialog('添加考核指标');
    fireEvent.click(within(dialog).getByText('整条条款'));
    const article = await within(dialog).findByLabelText('条款');

    await chooseOption(article, '第十二条 基础设施（2 项职责）');
    fireEvent.click(buttonIn(within(dialog), /^添\s*加$/));
    expect(
      await within(dialog).findByText(
        '该条有 1 项职责已属于其他指标（如“质量基础设施建设”）。请先删除这些指标，或改为选择职责。',
      ),
    ).toBeTruthy();

    await chooseOption(article, '第十四条 质量奖励（1 项职责）');
    await waitFor(() =>
      expect((within(dialog).getByLabelText('指标名称') as HTMLInputElement).value).toBe(
        '第14条 质量奖励',
      ),
    );
    fireEvent.click(buttonIn(within(dialog), /^添\s*加$/));
    const row = within(await waitFor(() => indicatorRow('第14条 质量奖励')));
    expect(row.getByText('第十四条全部职责')).toBeTruthy();

    await savePlan();
    await waitFor(() => expect(requestsOf('AssessmentSavePlan')).toHaveLength(1));
    expect(requestsOf('AssessmentSavePlan')[0].variables.input).toMatchObject({
      indicators: [
        { id: 'i1' },
        { id: 'i2' },
        {
          id: 'indicator-1',
          name: '第14条 质量奖励',
          chapter: 2,
          weight: 1,
          dutyIds: [],
          articles: [14],
        },
      ],
    });
  });

  it('removes an indicator and saves the plan without it', async () => {
    const { requestsOf } = await editPlan({ AssessmentSavePlan: savedPlan });
    expect(indicatorRow('建立质量工作机制')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('删除指标“建立质量工作机制”'));
    await waitFor(() => expect(screen.queryByDisplayValue('建立质量工作机制')).toBeNull());
    await savePlan();
    await waitFor(() => expect(requestsOf('AssessmentSavePlan')).toHaveLength(1));
    const { indicators } = requestsOf('AssessmentSavePlan')[0].variables.input as {
      indicators: { id: string }[];
    };
    expect(indicators.map((i) => i.id)).toEqual(['i2']);
  });

  it('does not save an indicator without a name, and says so next to it', async () => {
    const { requestsOf } = await editPlan();
    fireEvent.change(screen.getByDisplayValue('质量基础设施建设'), { target: { value: ' ' } });
    await savePlan();
    const row = within(screen.getByLabelText('第 2 项指标的名称').closest('tr') as HTMLElement);
    expect(row.getByText('第 2 项指标的名称不能为空。')).toBeTruthy();
    expect(requestsOf('AssessmentSavePlan')).toHaveLength(0);
  });

  it('does not let an auditor edit the plan', async () => {
    renderPage('/assessment?tab=plan', {}, currentUser({ role: 'AUDITOR' }));
    await screen.findByText('第 3 版');
    expect(screen.queryByRole('button', { name: /编辑方案/ })).toBeNull();
  });

  it('asks for confirmation before closing the cycle, then closes it', async () => {
    const { requestsOf } = renderPage('/assessment?tab=results', {
      AssessmentCloseCycle: {
        data: {
          closeCycle: {
            __typename: 'AssessmentCycle',
            id: 'c2025',
            state: 'closed',
            closedAt: '2026-01-05T02:00:00.000Z',
          },
        },
      },
    });
    expect(await screen.findByText('该考核年度尚未固化过结果。')).toBeTruthy();
    fireEvent.click(buttonIn(screen, /关闭考核年度并固化结果/));

    const dialog = await findDialog('关闭考核年度并固化结果？');
    expect(within(dialog).getByText(/全部任务变为只读/)).toBeTruthy();
    expect(within(dialog).getByText(/第 3 版/)).toBeTruthy();
    expect(requestsOf('AssessmentCloseCycle')).toHaveLength(0);

    await act(async () => {
      fireEvent.click(buttonIn(within(dialog), /确认关闭并固化/));
    });
    await waitFor(() => expect(requestsOf('AssessmentCloseCycle')).toHaveLength(1));
    expect(requestsOf('AssessmentCloseCycle')[0].variables).toEqual({ cycleId: 'c2025' });
  });

  it('lists frozen result sets with their integrity', async () => {
    renderPage('/assessment?tab=results', {
      AssessmentResultSets: {
        data: {
          assessmentResultSets: [
            {
              __typename: 'AssessmentResultSet',
              id: 'r1',
              version: 1,
              planVersion: 3,
              asOf: '2025-12-31',
              closedAt: '2026-01-05T02:00:00.000Z',
              closedBy: 'province',
              closer: LI,
              units: 117,
              rowsSha256: 'abcdef0123456789abcdef',
              integrityOk: false,
              reopenedAt: '2026-01-06T02:00:00.000Z',
              reopenedBy: 'province',
              reopener: LI,
              reopenReason: '补录佐证材料',
            },
          ],
        },
      },
    });
    expect(await screen.findByText('abcdef012345…')).toBeTruthy();
    expect(screen.getByText('✗ 数据与校验值不符')).toBeTruthy();
    expect(screen.getByText(/补录佐证材料/)).toBeTruthy();
    // Who froze and who reopened, by name and office, not by username.
    expect(screen.getAllByText(/李文华（湖北省市场监督管理局质量发展局）/).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByText(/province/)).toBeNull();
    // A set that no longer matches its checksum is not offered for signed download.
    expect(screen.queryByRole('link', { name: /下载/ })).toBeNull();
  });

  it('offers each intact result set as a signed download, with the public keys', async () => {
    renderPage('/assessment?tab=results', {
      AssessmentResultSets: {
        data: {
          assessmentResultSets: [
            {
              __typename: 'AssessmentResultSet',
              id: 'r2',
              version: 2,
              planVersion: 3,
              asOf: '2025-12-31',
              closedAt: '2026-01-07T02:00:00.000Z',
              closedBy: 'province',
              closer: LI,
              units: 117,
              rowsSha256: '0123456789abcdef0123',
              integrityOk: true,
              reopenedAt: null,
              reopenedBy: null,
              reopener: null,
              reopenReason: null,
            },
          ],
        },
      },
    });
    const download = await screen.findByRole('link', { name: /下载/ });
    expect(download.getAttribute('href')).toBe(
      '/api/assessment/result-set.json?cycleId=c2025&version=2',
    );
    expect(screen.getByText(/下载的考核结果带有系统签名/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看公钥' }).getAttribute('href')).toBe(
      '/.well-known/duty-signing-keys.json',
    );
  });

  it('records a bonus for a unit with its reason', async () => {
    const adjustment = {
      __typename: 'AssessmentAdjustment',
      id: 'a1',
      cycleId: 'c2025',
      unitCode: '422801',
      kind: 'bonus',
      points: 2,
      reason: '获评国家级示范',
      createdAt: '2025-05-01T02:00:00.000Z',
      createdBy: 'province',
      creator: LI,
      revokedAt: null,
      revokedBy: null,
      revoker: null,
      revokeReason: null,
    };
    const unit = (adjustments: unknown[]) => ({
      data: {
        unitAssessment: {
          __typename: 'UnitAssessment',
          unitCode: '422801',
          unitName: '恩施市',
          score: 92.5,
          grade: '优秀',
          rank: 1,
          bonusApplied: 2,
          bonusRequested: 2,
          frozen: false,
          adjustments,
        },
      },
    });
    const { requestsOf } = renderPage('/assessment?tab=adjustments', {
      AssessmentUnits: {
        data: {
          adminUnits: [
            {
              ...adminUnit({ code: '422801', name: '恩施市', parentCode: '422800' }),
              kind: '县级市',
            },
          ],
        },
      },
      AssessmentUnitAdjustments: [unit([]), unit([adjustment])],
      AssessmentAddAdjustment: { data: { addAssessmentAdjustment: adjustment } },
    });
    const { chooseOption } = await import('../../../test/antd');
    await chooseOption(await screen.findByLabelText('单位'), '恩施市（422801）');
    expect(await screen.findByText('该单位暂无加减分记录。')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('分值'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('事由'), { target: { value: ' 获评国家级示范 ' } });
    await act(async () => {
      fireEvent.click(buttonIn(screen, /^登 记$/));
    });
    await waitFor(() => expect(requestsOf('AssessmentAddAdjustment')).toHaveLength(1));
    expect(requestsOf('AssessmentAddAdjustment')[0].variables).toEqual({
      input: {
        cycleId: 'c2025',
        unitCode: '422801',
        kind: 'bonus',
        points: 2,
        reason: '获评国家级示范',
      },
    });
    expect(await screen.findByText('获评国家级示范')).toBeTruthy();
    expect(screen.getByText(/^李文华（湖北省市场监督管理局质量发展局），/)).toBeTruthy();
  });
});
