import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { CyclesPage } from './CyclesPage';

const TITLE = '湖北省质量促进条例';
const cycle = (id: string, year: number, state: 'open' | 'closed') => ({
  __typename: 'AssessmentCycle',
  id,
  title: `${year}年度${TITLE}实施考核`,
  year,
  state,
  startDate: `${year}-01-01`,
  dueDate: `${year}-12-31`,
  closedAt: state === 'closed' ? `${year + 1}-01-05T02:00:00.000Z` : null,
  regulationVersionId: 'v1',
  regulationTitle: TITLE,
  regulationCode: 'hubei-quality-promotion',
  taskCount: 14_117,
});
const regulations = {
  data: {
    regulations: [
      {
        __typename: 'Regulation',
        id: 'r1',
        code: 'hubei-quality-promotion',
        title: TITLE,
        latestVersion: { __typename: 'RegulationVersion', id: 'v1' },
        versions: [
          { __typename: 'RegulationVersion', id: 'v1', versionNumber: 1, status: 'ENACTED' },
        ],
      },
    ],
  },
};
const changed = (id: string, state: 'open' | 'closed') => ({
  __typename: 'AssessmentCycle',
  id,
  state,
  closedAt: state === 'closed' ? '2027-01-05T02:00:00.000Z' : null,
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPage(answers: Record<string, unknown>) {
  const stub = stubGraphQLOperations({
    RegisterCycles: {
      data: { cycles: [cycle('c27', 2027, 'open'), cycle('c25', 2025, 'closed')] },
    },
    CycleAdminRegulations: regulations,
    AssessmentPlan: { data: { assessmentPlan: null } },
    ...answers,
  } as never);
  restoreFetch = stub.restore;
  renderWithUser(<CyclesPage />, currentUser({ role: 'PROVINCIAL_SUPERVISOR' }));
  return stub;
}

describe('CyclesPage: 考核年度管理', () => {
  it('lists every cycle with version, period, state and tasks, and the jobs its state allows', async () => {
    renderPage({});
    const open = (await screen.findByText('2027年度湖北省质量促进条例实施考核')).closest('tr')!;
    expect(open.textContent).toContain('第 1 版');
    expect(open.textContent).toContain('2027-01-01 至 2027-12-31');
    expect(open.textContent).toContain('进行中');
    expect(open.textContent).toContain('14,117');
    expect(within(open as HTMLElement).getByRole('button', { name: /重新生成任务/ })).toBeTruthy();
    expect(within(open as HTMLElement).queryByRole('button', { name: /重新打开/ })).toBeNull();
    const closed = screen.getByText('2025年度湖北省质量促进条例实施考核').closest('tr')!;
    expect(closed.textContent).toContain('已关闭');
    expect(
      within(closed as HTMLElement).queryByRole('button', { name: /重新生成任务/ }),
    ).toBeNull();
    expect(within(closed as HTMLElement).getByRole('button', { name: /重新打开/ })).toBeTruthy();
  });

  it('closes a cycle only after a confirmation that says what closing does', async () => {
    const stub = renderPage({
      AssessmentCloseCycle: { data: { closeCycle: changed('c27', 'closed') } },
    });
    fireEvent.click(
      await screen.findByRole('button', { name: '关闭 · 2027年度湖北省质量促进条例实施考核' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/本年度全部任务变为只读/)).toBeTruthy();
    expect(stub.requestsOf('AssessmentCloseCycle')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: /确认关闭并固化/ }));
    await waitFor(() => expect(stub.requestsOf('AssessmentCloseCycle')).toHaveLength(1));
    expect(stub.requestsOf('AssessmentCloseCycle')[0].variables).toEqual({ cycleId: 'c27' });
    expect(await screen.findByText(/已关闭，结果已固化/)).toBeTruthy();
  });

  it('reopens a closed cycle only with a reason', async () => {
    const stub = renderPage({
      AssessmentReopenCycle: { data: { reopenCycle: changed('c25', 'open') } },
    });
    fireEvent.click(
      await screen.findByRole('button', { name: '重新打开 · 2025年度湖北省质量促进条例实施考核' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /确认重新打开/ }));
    expect(await within(dialog).findByText('请填写重新打开的原因')).toBeTruthy();
    expect(stub.requestsOf('AssessmentReopenCycle')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('重新打开的原因'), {
      target: { value: '补录佐证材料' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认重新打开/ }));
    await waitFor(() => expect(stub.requestsOf('AssessmentReopenCycle')).toHaveLength(1));
    expect(stub.requestsOf('AssessmentReopenCycle')[0].variables).toEqual({
      cycleId: 'c25',
      reason: '补录佐证材料',
    });
    expect(await screen.findByText(/已重新打开/)).toBeTruthy();
  });
});
