import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
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
  provinceCode: '420000',
  province: { __typename: 'AdminUnit', code: '420000', name: '湖北省' },
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
  it('names each cycle’s province only when the list spans several provinces', async () => {
    const hunan = {
      ...cycle('h27', 2027, 'open'),
      title: '2027年度湖南省考核',
      provinceCode: '430000',
      province: { __typename: 'AdminUnit', code: '430000', name: '湖南省' },
    };
    renderPage({ RegisterCycles: { data: { cycles: [cycle('c27', 2027, 'open'), hunan] } } });
    const row = (await screen.findByText('2027年度湖南省考核')).closest('tr')!;
    expect(screen.getByRole('columnheader', { name: '省份' })).toBeTruthy();
    expect(row.textContent).toContain('湖南省');
    restoreFetch();
  });

  it('shows no province column for the cycles of one province', async () => {
    renderPage({});
    await screen.findByText('2027年度湖北省质量促进条例实施考核');
    expect(screen.queryByRole('columnheader', { name: '省份' })).toBeNull();
  });

  it('lists every cycle with version, period, state and tasks, and the jobs its state allows', async () => {
    renderPage({});
    const open = (await screen.findByText('2027年度湖北省质量促进条例实施考核')).closest('tr')!;
    expect(open.textContent).toContain('第 1 版');
    expect(open.textContent).toContain('2027年1月1日 至 2027年12月31日');
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

  it('shows an open cycle’s per-duty due dates and changes, adds and restores them', async () => {
    const row = (lineage: string, articleNumber: number, dueDate: string, extended = 0) => ({
      __typename: 'CycleDutyDueDate',
      dutyLineageId: lineage,
      dueDate,
      dutyId: `d-${lineage}`,
      articleNumber,
      text: `第${articleNumber}条的职责`,
      tasks: 117,
      extended,
    });
    const duty = (lineage: string, articleNumber: number) => ({
      __typename: 'Duty',
      id: `d-${lineage}`,
      lineageId: lineage,
      text: `第${articleNumber}条的职责`,
      article: { __typename: 'RegulationArticle', id: `a${articleNumber}`, number: articleNumber },
    });
    const stub = renderPage({
      CycleDutyDueDates: [
        { data: { cycleDutyDueDates: [row('l7', 7, '2027-06-30', 2)] } },
        { data: { cycleDutyDueDates: [row('l7', 7, '2027-09-30', 2)] } },
        { data: { cycleDutyDueDates: [] } },
      ],
      CycleVersionDuties: {
        data: {
          duties: {
            __typename: 'DutyConnection',
            totalCount: 2,
            nodes: [duty('l7', 7), duty('l9', 9)],
          },
        },
      },
      SetCycleDutyDueDate: [
        graphQLError('CONFLICT', '该考核年度已关闭，截止日期不能再调整。'),
        { data: { setCycleDutyDueDate: 115 } },
      ],
      RemoveCycleDutyDueDate: { data: { removeCycleDutyDueDate: 115 } },
    });
    fireEvent.click(
      await screen.findByRole('button', {
        name: '职责截止日期 · 2027年度湖北省质量促进条例实施考核',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const listed = (await within(dialog).findByText('第7条的职责')).closest('tr')!;
    expect(listed.textContent).toContain('第 7 条');
    expect(listed.textContent).toContain('2027年6月30日');
    expect(listed.textContent).toContain('其中 2 项已批准延期');
    expect(within(dialog).getByText(/考核年度 2027年1月1日 至 2027年12月31日/)).toBeTruthy();

    // Change it: a date after the cycle's due date is refused on the field, nothing sent.
    fireEvent.click(within(dialog).getByRole('button', { name: '修改 · 第 7 条' }));
    const date = within(dialog).getByLabelText('截止日期');
    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2028-01-15' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(within(dialog).getByRole('button', { name: /保存截止日期/ }));
    expect(await within(dialog).findByText('不得晚于考核年度的截止日期')).toBeTruthy();
    expect(stub.requestsOf('SetCycleDutyDueDate')).toHaveLength(0);

    fireEvent.mouseDown(date);
    fireEvent.change(date, { target: { value: '2027-09-30' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    // The server's refusal (the cycle was closed meanwhile) in Chinese; then it goes through.
    fireEvent.click(within(dialog).getByRole('button', { name: /保存截止日期/ }));
    expect(
      await within(dialog).findByText('未能保存：该考核年度已关闭，截止日期不能再调整。'),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /保存截止日期/ }));
    expect(
      await screen.findByText('已保存：115 项任务的截止日期改为 2027年9月30日。'),
    ).toBeTruthy();
    expect(stub.requestsOf('SetCycleDutyDueDate').map((r) => r.variables)).toEqual([
      { cycleId: 'c27', dutyLineageId: 'l7', dueDate: '2027-09-30' },
      { cycleId: 'c27', dutyLineageId: 'l7', dueDate: '2027-09-30' },
    ]);
    expect(await within(dialog).findByText('2027年9月30日')).toBeTruthy();

    // Restore the cycle's date, after a confirmation.
    fireEvent.click(within(dialog).getByRole('button', { name: '恢复年度截止日期 · 第 7 条' }));
    fireEvent.click(
      within(await screen.findByRole('tooltip')).getByRole('button', { name: /确\s*定|OK/ }),
    );
    expect(
      await screen.findByText('已恢复：115 项任务的截止日期改回 2027年12月31日。'),
    ).toBeTruthy();
    expect(stub.requestsOf('RemoveCycleDutyDueDate')[0].variables).toEqual({
      cycleId: 'c27',
      dutyLineageId: 'l7',
    });
    expect(
      await within(dialog).findByText('尚未为任何职责单独设置截止日期，全部任务使用年度截止日期。'),
    ).toBeTruthy();
    // A long journey through antd's date picker: jsdom on a loaded machine needs the time.
  }, 240_000);

  it('shows a closed cycle’s per-duty due dates read-only', async () => {
    renderPage({ CycleDutyDueDates: { data: { cycleDutyDueDates: [] } } });
    fireEvent.click(
      await screen.findByRole('button', {
        name: '职责截止日期 · 2025年度湖北省质量促进条例实施考核',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('该考核年度已关闭，截止日期只能查看。')).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: /保存截止日期/ })).toBeNull();
  });
});
