import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, findDialog } from '../../../test/antd';
import { currentUser, cycle } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { DutyRegisterPage } from './DutyRegisterPage';

const LI = {
  __typename: 'Person',
  username: 'province',
  label: '李文华（省市场监管局质量处）',
  human: true,
};
const SEED = { __typename: 'Person', username: 'seed', label: '系统（初始数据）', human: false };
const market = { __typename: 'DepartmentKind', code: 'market', name: '市场监督管理' };
const finance = { __typename: 'DepartmentKind', code: 'finance', name: '财政' };

const duty = (overrides: Record<string, unknown>) => ({
  __typename: 'Duty',
  lineageId: `l-${String(overrides.id)}`,
  actorText: '县级以上人民政府',
  actorType: 'GOVERNMENT',
  levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
  modality: 'MANDATORY',
  kind: 'IMPLEMENTATION',
  needsReview: false,
  governmentDuty: true,
  tracked: true,
  reviewState: 'EXTRACTED',
  reviewedAt: null,
  reviewedBy: null,
  reviewer: null,
  rowVersion: 4,
  itemNumber: 0,
  sequence: 1,
  departments: [
    { __typename: 'DutyDepartment', role: 'LEAD', fromText: false, department: market },
  ],
  cues: [
    {
      __typename: 'ExtractionCue',
      field: 'MODALITY',
      rule: 'modal-verb',
      text: '应当',
      explanation: '“应当”表示义务',
    },
  ],
  extracted: { __typename: 'ExtractedDutyFields', actorSource: 'explicit' },
  ...overrides,
});

const mechanism = duty({
  id: 'd1',
  text: '县级以上人民政府应当加强对质量工作的领导。',
  subject: '加强对质量工作的领导',
});
const enterprise = duty({
  id: 'd2',
  text: '鼓励企业建立首席质量官制度。',
  subject: '建立首席质量官制度',
  actorText: '企业',
  actorType: 'ENTERPRISE',
  levels: [],
  modality: 'ENCOURAGED',
  governmentDuty: false,
  tracked: false,
  reviewState: 'REVIEWED',
  reviewedAt: '2025-02-01T02:00:00.000Z',
  reviewedBy: 'province',
  reviewer: LI,
  departments: [],
  cues: [],
  itemNumber: 1,
});

const version = {
  __typename: 'RegulationVersion',
  id: 'v1',
  title: '湖北省质量促进条例（草案）',
  versionNumber: 1,
  status: 'DRAFT',
  chapters: [
    {
      __typename: 'Chapter',
      id: 'ch1',
      number: 1,
      title: '总则',
      articles: [
        {
          __typename: 'Article',
          id: 'a3',
          number: 3,
          title: '政府职责',
          paragraphs: [
            {
              __typename: 'Paragraph',
              id: 'p1',
              number: 1,
              text: '县级以上人民政府应当加强对质量工作的领导。其他内容。',
              items: [
                {
                  __typename: 'Item',
                  id: 'it1',
                  number: 1,
                  marker: '（一）',
                  text: '（一）鼓励企业建立首席质量官制度。',
                },
              ],
              duties: [mechanism, enterprise],
            },
          ],
        },
      ],
    },
    { __typename: 'Chapter', id: 'ch2', number: 2, title: '质量发展', articles: [] },
  ],
};

const answers = (extra: Record<string, unknown> = {}) => ({
  RegisterRegulation: {
    data: {
      regulation: {
        __typename: 'Regulation',
        id: 'r1',
        code: 'hubei-quality-promotion',
        title: '湖北省质量促进条例',
        latestVersion: {
          __typename: 'RegulationVersion',
          id: 'v1',
          textKind: 'PROVINCIAL_REGULATION',
          textContextExplanation: '标题以“湖北省”开头：省级地方性法规，层级按省级文本理解',
        },
        versions: [
          {
            __typename: 'RegulationVersion',
            id: 'v1',
            versionNumber: 1,
            title: '湖北省质量促进条例（草案）',
            status: 'DRAFT',
            effectiveDate: null,
            importedAt: '2025-01-01T00:00:00.000Z',
            importedBy: 'province',
            importer: LI,
          },
        ],
      },
    },
  },
  RegisterVersion: { data: { regulationVersion: version } },
  RegisterDepartmentKinds: { data: { departmentKinds: [market, finance] } },
  RegisterCycles: { data: { cycles: [] } },
  RegisterDutyMappings: { data: { dutyMappingSuggestions: [] } },
  ...extra,
});

/** A cycle as RegisterCycles lists it. */
const registerCycle = (overrides: Parameters<typeof cycle>[0] & { taskCount: number }) => ({
  ...cycle({ regulationVersionId: 'v1', ...overrides }),
  provinceCode: '420000',
  province: { __typename: 'AdminUnit', code: '420000', name: '湖北省' },
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.replaceState(null, '', '/regulations/hubei-quality-promotion');
});
afterEach(() => restoreFetch());

function renderPage(
  role: 'PROVINCIAL_SUPERVISOR' | 'AUDITOR' | 'SYSTEM_ADMIN',
  extra: Record<string, unknown> = {},
) {
  const stub = stubGraphQLOperations(answers(extra));
  restoreFetch = stub.restore;
  renderWithUser(<DutyRegisterPage />, currentUser({ role }));
  return stub;
}

/** The card of the n-th duty of the article. */
const card = (n: number) => screen.getByLabelText(`职责 ${n}`);

function buttonIn(scope: Pick<typeof screen, 'getByText'>, name: RegExp): HTMLElement {
  const label = scope.getByText(name);
  return (label.closest('button, a') ?? label) as HTMLElement;
}

describe('DutyRegisterPage', () => {
  it('shows the article text with each duty highlighted and labelled', async () => {
    renderPage('AUDITOR');

    expect(await screen.findByText('第三条【政府职责】')).toBeTruthy();
    const mark = document.querySelector('mark[data-duty-id="d1"]');
    expect(mark?.textContent).toBe('县级以上人民政府应当加强对质量工作的领导。1');
    expect(screen.getByText('其他内容。')).toBeTruthy();
    expect(document.querySelector('mark[data-duty-id="d2"]')?.textContent).toContain('鼓励企业');

    const first = within(card(1));
    expect(first.getByText('加强对质量工作的领导')).toBeTruthy();
    expect(first.getByText('履职主体：人民政府')).toBeTruthy();
    expect(first.getByText('适用层级：省级、市州、县级')).toBeTruthy();
    expect(first.getByText('义务性')).toBeTruthy();
    expect(first.getByText('牵头：市场监督管理')).toBeTruthy();
    expect(first.getByText('政府职责')).toBeTruthy();
    expect(first.getByText('纳入跟踪')).toBeTruthy();
    expect(first.getByText('待审核')).toBeTruthy();
    fireEvent.click(first.getByText('提取依据'));
    expect(await first.findByText('“应当”表示义务')).toBeTruthy();

    const second = within(card(2));
    expect(second.getByText('履职主体：企业')).toBeTruthy();
    expect(second.getByText('倡导性')).toBeTruthy();
    expect(second.getByText('非政府主体')).toBeTruthy();
    expect(second.getByText('已审核')).toBeTruthy();
    // The reviewer and the importer by name and office, the username only on hover.
    const reviewed = second.getByText(/^李文华（省市场监管局质量处） 于 .+ 审核$/);
    expect(reviewed.getAttribute('title')).toBe('province');
    expect(second.queryByText(/province/)).toBeNull();
    expect(screen.getByText(/^第 1 版由 李文华（省市场监管局质量处） 于 .+ 导入$/)).toBeTruthy();

    // Auditors read; only provincial supervisors review.
    expect(screen.queryByText('审核', { selector: 'button span' })).toBeNull();
    expect(buttonIn(screen, /导出 CSV/).getAttribute('href')).toBe(
      '/api/exports/duties?format=csv&code=hubei-quality-promotion',
    );
  });

  it('filters the duties by modality', async () => {
    renderPage('AUDITOR');
    await screen.findByText('第三条【政府职责】');
    await chooseOption(screen.getByLabelText('规范性质'), '倡导性');
    await waitFor(() => expect(screen.queryByLabelText('职责 1')).toBeNull());
    expect(card(2)).toBeTruthy();
    expect(screen.getByText('符合条件的职责 1 项')).toBeTruthy();
  });

  it('sends a review with the row version read and the chosen values', async () => {
    const { requestsOf } = renderPage('PROVINCIAL_SUPERVISOR', {
      RegisterReviewDuty: {
        data: { reviewDuty: { ...mechanism, reviewState: 'REVIEWED', rowVersion: 5 } },
      },
    });
    await screen.findByText('第三条【政府职责】');
    fireEvent.click(buttonIn(within(card(1)), /^审\s*核$/));

    await screen.findByText('审核职责');
    await chooseOption(screen.getByLabelText('配合部门'), '财政');
    fireEvent.change(screen.getByLabelText('审核说明'), { target: { value: '财政部门配合' } });
    await act(async () => {
      fireEvent.click(buttonIn(screen, /确认审核/));
    });

    await waitFor(() => expect(requestsOf('RegisterReviewDuty')).toHaveLength(1));
    expect(requestsOf('RegisterReviewDuty')[0].variables).toEqual({
      input: {
        dutyId: 'd1',
        expectedRowVersion: 4,
        actorType: 'GOVERNMENT',
        modality: 'MANDATORY',
        levels: ['PROVINCE', 'PREFECTURE', 'COUNTY'],
        leadDepartmentCode: 'market',
        assistingDepartmentCodes: ['finance'],
        tracked: true,
        note: '财政部门配合',
      },
    });
    await waitFor(() => expect(within(card(1)).getByText('已审核')).toBeTruthy());
  });

  it('explains a conflicting review and offers to reload', async () => {
    renderPage('PROVINCIAL_SUPERVISOR', {
      RegisterReviewDuty: graphQLError('CONFLICT', '该职责已被他人修改，请刷新后重新审核。'),
    });
    await screen.findByText('第三条【政府职责】');
    fireEvent.click(buttonIn(within(card(1)), /^审\s*核$/));
    await screen.findByText('审核职责');
    await act(async () => {
      fireEvent.click(buttonIn(screen, /确认审核/));
    });
    expect(
      await screen.findByText('该职责已被他人修改，您的审核未保存。请重新加载后再审核。'),
    ).toBeTruthy();
    expect(buttonIn(screen, /^重新加载$/)).toBeTruthy();
  });

  it('shows the kind of each statement, flags an inferred duty holder, and filters by kind', async () => {
    const sanction = duty({
      id: 'd3',
      text: '由县级以上人民政府市场监督管理部门责令改正。',
      subject: '责令改正',
      kind: 'ENFORCEMENT',
      needsReview: true,
      tracked: false,
      actorType: 'DEPARTMENT',
    });
    const withSanction = {
      ...version,
      chapters: version.chapters.map((c, i) =>
        i === 0
          ? {
              ...c,
              articles: c.articles.map((a) => ({
                ...a,
                paragraphs: a.paragraphs.map((p) => ({
                  ...p,
                  text: `${p.text}由县级以上人民政府市场监督管理部门责令改正。`,
                  duties: [...p.duties, sanction],
                })),
              })),
            }
          : c,
      ),
    };
    renderPage('AUDITOR', { RegisterVersion: { data: { regulationVersion: withSanction } } });
    await screen.findByText('第三条【政府职责】');
    const cardOf = (subject: string) =>
      screen
        .getAllByLabelText(/^职责 \d+$/)
        .find((c) => within(c).queryByText(subject)) as HTMLElement;
    expect(within(cardOf('加强对质量工作的领导')).getByText('履职事项')).toBeTruthy();
    expect(within(cardOf('加强对质量工作的领导')).queryByText('待确认主体')).toBeNull();
    expect(within(cardOf('责令改正')).getByText('执法处罚')).toBeTruthy();
    expect(within(cardOf('责令改正')).getByText('待确认主体')).toBeTruthy();
    expect(screen.getByText(/省级地方性法规 · 标题以“湖北省”开头/)).toBeTruthy();

    await chooseOption(screen.getByLabelText('条文性质'), '执法处罚');
    await waitFor(() => expect(screen.getAllByLabelText(/^职责 \d+$/)).toHaveLength(1));
    expect(cardOf('责令改正')).toBeTruthy();
    expect(screen.getByText('符合条件的职责 1 项')).toBeTruthy();
  });

  it('shows the register of any regulation by the code in its address', async () => {
    window.history.replaceState(null, '', '/regulations/shanghai-quality-demo');
    const { requestsOf } = renderPage('AUDITOR', {
      RegisterRegulation: {
        data: {
          regulation: {
            __typename: 'Regulation',
            id: 'r2',
            code: 'shanghai-quality-demo',
            title: '上海市质量示范条例',
            latestVersion: {
              __typename: 'RegulationVersion',
              id: 'v1',
              textKind: 'MUNICIPAL_REGULATION',
              textContextExplanation: '标题以直辖市“上海市”开头',
            },
            versions: [
              {
                __typename: 'RegulationVersion',
                id: 'v1',
                versionNumber: 1,
                title: '上海市质量示范条例',
                status: 'ENACTED',
                effectiveDate: null,
                importedAt: '2025-01-01T00:00:00.000Z',
                importedBy: 'seed',
                importer: SEED,
              },
            ],
          },
        },
      },
    });
    expect(await screen.findByText('职责清单 · 上海市质量示范条例')).toBeTruthy();
    expect(requestsOf('RegisterRegulation')[0].variables).toEqual({
      code: 'shanghai-quality-demo',
    });
    expect(screen.getByText(/直辖市地方性法规 · 标题以直辖市“上海市”开头/)).toBeTruthy();
    // Imported by a seed: the system, with no username to hover.
    const imported = screen.getByText(/^第 1 版由 系统（初始数据） 于 .+ 导入$/);
    expect(imported.getAttribute('title')).toBeNull();
    expect(buttonIn(screen, /导出 Excel/).getAttribute('href')).toBe(
      '/api/exports/duties?format=xlsx&code=shanghai-quality-demo',
    );
    // Changing chapter keeps the regulation's address.
    fireEvent.click(await screen.findByText(/质量发展/));
    await waitFor(() =>
      expect(window.location.pathname).toBe('/regulations/shanghai-quality-demo'),
    );
  });

  it('shows merged articles with their sources and a word-level redline', async () => {
    window.history.replaceState(null, '', '/regulations/hubei-quality-promotion?tab=diff');
    const v2 = {
      __typename: 'RegulationVersion',
      id: 'v2',
      versionNumber: 2,
      title: '湖北省质量促进条例',
      status: 'ENACTED',
      effectiveDate: null,
      importedAt: '2025-06-01T00:00:00.000Z',
      importedBy: 'province',
      importer: LI,
    };
    const change = (c: Record<string, unknown>) => ({
      __typename: 'ArticleChange',
      title: null,
      ...c,
    });
    const { requestsOf } = renderPage('AUDITOR', {
      RegisterRegulation: {
        data: {
          regulation: {
            ...answers().RegisterRegulation.data.regulation,
            latestVersion: {
              ...answers().RegisterRegulation.data.regulation.latestVersion,
              id: 'v2',
            },
            versions: [...answers().RegisterRegulation.data.regulation.versions, v2],
          },
        },
      },
      RegisterVersionDiff: {
        data: {
          regulationVersionDiff: {
            __typename: 'VersionDiff',
            from: { __typename: 'RegulationVersion', id: 'v1', versionNumber: 1, title: 'x' },
            to: { __typename: 'RegulationVersion', id: 'v2', versionNumber: 2, title: 'x' },
            changes: [
              change({ kind: 'CHANGED', from: 4, to: 4, sources: [4], similarity: 0.78 }),
              change({ kind: 'MERGED', from: 6, to: 6, sources: [6, 7], similarity: 0.99 }),
              change({ kind: 'RENUMBERED', from: 8, to: 7, sources: [8], similarity: 1 }),
            ],
          },
        },
      },
      RegisterArticleRedline: {
        data: {
          articleRedline: {
            __typename: 'ArticleRedline',
            from: [6, 7],
            to: 6,
            segments: [
              { __typename: 'RedlineSegment', op: 'EQUAL', text: '责令改正' },
              { __typename: 'RedlineSegment', op: 'DELETE', text: '。' },
              { __typename: 'RedlineSegment', op: 'INSERT', text: '，并处罚款。' },
            ],
          },
        },
      },
    });
    expect(await screen.findByText('合并')).toBeTruthy();
    expect(
      screen.getByText('新增 0 条，删除 0 条，修改 1 条，合并 1 条，拆分 0 条，仅条号变化 1 条'),
    ).toBeTruthy();
    expect(screen.getByText('第六条、第七条')).toBeTruthy();
    const merged = screen.getByText('合并').closest('tr') as HTMLElement;
    fireEvent.click(within(merged).getByRole('button', { name: '逐字对照' }));
    const redline = await screen.findByRole('group', { name: '第6条的修改对照' });
    // The legend comes first, then the article's marked-up text.
    expect([...redline.querySelectorAll('del')].at(-1)?.textContent).toContain('。');
    expect([...redline.querySelectorAll('ins')].at(-1)?.textContent).toContain('，并处罚款。');
    // Read out by kind, not only shown in colour.
    expect(within(redline).getByText('［新增：，并处罚款。］')).toBeTruthy();
    expect(requestsOf('RegisterArticleRedline')[0].variables).toEqual({
      versionId: 'v2',
      from: [6, 7],
      to: 6,
    });
    // Renumbered articles have no wording change to show.
    const renumbered = screen.getByText('条号变化').closest('tr') as HTMLElement;
    expect(within(renumbered).queryByRole('button', { name: '逐字对照' })).toBeNull();
  });

  it('lists the cycles of this regulation with their tasks; a provincial supervisor opens one', async () => {
    const hubei2026 = registerCycle({
      id: 'c1',
      year: 2026,
      title: '2026年度考核',
      taskCount: 5148,
    });
    const other = registerCycle({
      id: 'c2',
      year: 2026,
      title: '2026年度甲乙条例考核',
      regulationCode: 'shanghai-jiayi',
      regulationTitle: '上海市甲乙条例',
      regulationVersionId: 'v9',
      taskCount: 10,
    });
    const opened = registerCycle({ id: 'c3', year: 2027, title: '2027年度考核', taskCount: 117 });
    const { requestsOf } = renderPage('PROVINCIAL_SUPERVISOR', {
      RegisterCycles: [
        { data: { cycles: [hubei2026, other] } },
        { data: { cycles: [opened, hubei2026, other] } },
      ],
      RegisterCreateCycle: {
        data: {
          createCycle: {
            __typename: 'CreatedCycle',
            cycle: {
              ...opened,
              tasksByLevel: [{ __typename: 'LevelTaskCount', level: 'COUNTY', count: 117 }],
            },
            generation: { __typename: 'TaskGeneration', created: 117, total: 117 },
          },
        },
      },
    });
    const link = (await screen.findByText('2026年度考核')).closest('a') as HTMLElement;
    expect(link.getAttribute('href')).toBe('/tasks?cycleId=c1');
    const row = link.closest('tr') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '2026年度考核',
      '2026',
      '第 1 版',
      '进行中',
      '2026年12月31日',
      '5,148',
      '重新生成任务',
    ]);
    // Another regulation's cycle is not this register's.
    expect(screen.queryByText('2026年度甲乙条例考核')).toBeNull();

    fireEvent.click(buttonIn(screen, /^开启考核年度$/));
    const dialog = await findDialog('开启考核年度 · 湖北省质量促进条例');
    fireEvent.change(within(dialog).getByLabelText('考核年度'), { target: { value: '2027' } });
    fireEvent.click(buttonIn(within(dialog), /开启并生成任务/));
    expect(await screen.findByText('已开启“2027年度考核”')).toBeTruthy();
    expect(requestsOf('RegisterCreateCycle')[0].variables.input).toMatchObject({
      regulationVersionId: 'v1',
      year: 2027,
    });
    // The list is fetched again and shows the new cycle.
    fireEvent.click(buttonIn(within(dialog), /^完\s*成$/));
    expect(await screen.findByText('2027年度考核')).toBeTruthy();
    expect(requestsOf('RegisterCycles')).toHaveLength(2);
  });

  it('shows cycles without the open button to other readers, and none to the system administrator', async () => {
    const { requestsOf } = renderPage('AUDITOR', {
      RegisterCycles: {
        data: {
          cycles: [registerCycle({ id: 'c1', year: 2026, title: '2026年度考核', taskCount: 3 })],
        },
      },
    });
    expect(await screen.findByText('2026年度考核')).toBeTruthy();
    expect(screen.queryByText('开启考核年度')).toBeNull();
    expect(requestsOf('RegisterCycles')).toHaveLength(1);

    restoreFetch();
    document.body.innerHTML = '';
    const admin = renderPage('SYSTEM_ADMIN');
    expect(await screen.findByText('职责清单 · 湖北省质量促进条例')).toBeTruthy();
    expect(screen.queryByText('考核年度')).toBeNull();
    expect(admin.requestsOf('RegisterCycles')).toHaveLength(0);
  });

  it('shows the error when the regulation cannot be loaded', async () => {
    renderPage('AUDITOR', { RegisterRegulation: graphQLError('INTERNAL_ERROR', 'x') });
    expect(await screen.findByText('系统内部错误，请稍后重试或联系管理员。')).toBeTruthy();
  });
});
