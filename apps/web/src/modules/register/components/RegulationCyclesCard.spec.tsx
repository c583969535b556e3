import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import type { RegulationVersionStatus } from '../../../graphql/generated/graphql';
import { RegulationCyclesCard } from './RegulationCyclesCard';

const TITLE = '上海市甲乙条例';
const versions = [1, 2].map((n) => ({
  __typename: 'RegulationVersion' as const,
  id: `v${n}`,
  versionNumber: n,
  title: TITLE,
  status: 'ENACTED' as RegulationVersionStatus,
  effectiveDate: null,
  importedAt: '2026-01-01T00:00:00.000Z',
  importedBy: 'seed',
  importer: {
    __typename: 'Person' as const,
    username: 'seed',
    label: '系统（初始数据）',
    human: false,
  },
}));
const cycle = (state: 'open' | 'closed', id = 'c1', versionId = 'v1') => ({
  __typename: 'AssessmentCycle',
  id,
  title: `2026年度${TITLE}实施考核${id}`,
  year: 2026,
  state,
  startDate: '2026-01-01',
  dueDate: '2026-12-31',
  closedAt: null,
  regulationVersionId: versionId,
  regulationTitle: TITLE,
  regulationCode: 'shanghai-jiayi',
  taskCount: 120,
  provinceCode: '420000',
  province: { __typename: 'AdminUnit', code: '420000', name: '湖北省' },
});
const cycles = (...list: unknown[]) => ({ data: { cycles: list } });
const generation = (created: number, retired: number) => ({
  __typename: 'TaskGeneration',
  created,
  retired,
  restored: 0,
  total: 120 + created - retired,
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderCard(answers: Record<string, unknown>, manage = true) {
  const stub = stubGraphQLOperations(answers as never);
  restoreFetch = stub.restore;
  renderWithUser(
    <RegulationCyclesCard code="shanghai-jiayi" versions={versions} manage={manage} />,
    currentUser({ role: 'PROVINCIAL_SUPERVISOR' }),
  );
  return stub;
}

const confirm = async () =>
  fireEvent.click(
    within(await screen.findByRole('tooltip')).getByRole('button', { name: /确\s*定|OK/ }),
  );

describe('RegulationCyclesCard: the jobs a provincial supervisor runs on a cycle', () => {
  it('regenerates an open cycle’s tasks after a preview of the duties whose tasks change', async () => {
    const change = (articleNumber: number, text: string, tasks: number, reason: string | null) => ({
      __typename: 'RegenerationDutyChange',
      dutyId: `d${articleNumber}`,
      lineageId: `l${articleNumber}`,
      articleNumber,
      text,
      tasks,
      reason,
    });
    const stub = renderCard({
      RegisterCycles: cycles(cycle('open', 'c1', 'v2')),
      CycleRegenerationPreview: {
        data: {
          cycleRegenerationPreview: {
            __typename: 'CycleRegenerationPreview',
            cycleId: 'c1',
            followed: 0,
            leadsFollowed: 117,
            created: 3,
            retired: 1,
            restored: 0,
            total: 122,
            added: [change(12, '县级以上人民政府应当建立质量奖励制度', 3, null)],
            retiring: [change(20, '市场监督管理部门应当公布抽查结果', 1, '职责已不再纳入跟踪')],
            restoring: [],
            leadChanges: [
              {
                __typename: 'RegenerationLeadChange',
                dutyId: 'd31',
                lineageId: 'l31',
                articleNumber: 31,
                text: '县级以上人民政府应当加强计量基础设施建设',
                fromDepartment: '市场监督管理',
                toDepartment: '发展改革',
                tasks: 117,
              },
            ],
          },
        },
      },
      RegisterRegenerateCycleTasks: {
        data: { regenerateCycleTasks: { ...generation(3, 1), leadsFollowed: 117 } },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '重新生成任务' }));
    // On the newest version already: nothing to move to.
    expect(screen.queryByRole('button', { name: /迁移到/ })).toBeNull();
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('将新增 3 项、退出 1 项、恢复 0 项任务，之后共 122 项。'),
    ).toBeTruthy();
    expect(within(dialog).getByText('县级以上人民政府应当建立质量奖励制度')).toBeTruthy();
    expect(within(dialog).getByText('第 20 条')).toBeTruthy();
    expect(within(dialog).getByText('职责已不再纳入跟踪')).toBeTruthy();
    // Lead departments that follow a reviewed duty's lead, by duty, from → to.
    expect(within(dialog).getByText(/117 项任务的牵头部门将随职责审核结果调整/)).toBeTruthy();
    expect(within(dialog).getByText('牵头部门调整的职责（1 项职责，117 项任务）')).toBeTruthy();
    const lead = within(dialog).getByText('市场监督管理 → 发展改革').closest('tr')!;
    expect(lead.textContent).toContain('县级以上人民政府应当加强计量基础设施建设');
    expect(lead.textContent).toContain('第 31 条');
    // Nothing is done before the confirmation.
    expect(stub.requests.some((r) => r.operationName === 'RegisterRegenerateCycleTasks')).toBe(
      false,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: /确认重新生成/ }));
    expect(
      await screen.findByText('新增 3 项、退出 1 项、恢复 0 项任务，现有任务 122 项。'),
    ).toBeTruthy();
    expect(screen.getByText('117 项任务的牵头部门已随职责审核结果调整。')).toBeTruthy();
    expect(screen.queryByText(/执行结果与预览不同/)).toBeNull();
    expect(
      stub.requests.find((r) => r.operationName === 'RegisterRegenerateCycleTasks')?.variables,
    ).toEqual({ cycleId: 'c1' });
  });

  it('moves a cycle on an older version to the newest one, or says which review blocks it', async () => {
    const stub = renderCard({
      RegisterCycles: cycles(cycle('open')),
      RegisterMoveCycleToVersion: [
        graphQLError('CONFLICT', '新版本还有 4 条职责映射建议待审核……', {
          details: { reason: 'DUTY_MAPPINGS_PENDING', pending: 4 },
        }),
        {
          data: {
            moveCycleToVersion: {
              __typename: 'CycleVersionMove',
              cycle: {
                __typename: 'AssessmentCycle',
                id: 'c1',
                regulationVersionId: 'v2',
                taskCount: 118,
              },
              followed: 110,
              generation: generation(2, 4),
            },
          },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: '迁移到第 2 版' }));
    expect(await screen.findByText(/任务随职责的延续关系迁移/)).toBeTruthy();
    await confirm();
    expect(
      await screen.findByText('该版本还有 4 条职责映射建议待审核，请先在“版本变化”页确认或驳回'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '迁移到第 2 版' }));
    await confirm();
    expect(
      await screen.findByText('已迁移到第 2 版：110 项任务随职责迁移，新增 2 项，退出 4 项'),
    ).toBeTruthy();
    const moves = stub.requests.filter((r) => r.operationName === 'RegisterMoveCycleToVersion');
    expect(moves.map((r) => r.variables)).toEqual([
      { cycleId: 'c1', versionId: 'v2' },
      { cycleId: 'c1', versionId: 'v2' },
    ]);
  });

  it('offers no jobs on a closed cycle, nor to readers who do not manage cycles', async () => {
    renderCard({ RegisterCycles: cycles(cycle('closed')) });
    expect(await screen.findByText(`2026年度${TITLE}实施考核c1`)).toBeTruthy();
    // Days in the long form, as on every page.
    expect(screen.getByText('2026年12月31日')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重新生成任务' })).toBeNull();
    restoreFetch();
    document.body.innerHTML = '';
    renderCard({ RegisterCycles: cycles(cycle('open')) }, false);
    expect(await screen.findByText(`2026年度${TITLE}实施考核c1`)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: '重新生成任务' })).toBeNull());
    expect(screen.queryByText('操作')).toBeNull();
  });
});
