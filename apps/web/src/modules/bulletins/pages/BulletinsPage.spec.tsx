import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { currentUser, cycle } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { chinaToday, defaultPeriod, periodKeyOf } from '../utils/periods';
import { BulletinsPage } from './BulletinsPage';

const cycle2026 = cycle({ id: 'c2026', year: 2026, title: '2026年度质量工作考核' });

/** People as the API names them (name and office, issue 17). */
const PEOPLE: Record<string, string> = {
  province: '李文华（湖北省市场监督管理局质量发展局）',
  'enshi-zhou': '张明辉（恩施州市场监督管理局质量发展科）',
};
const person = (username: unknown) =>
  typeof username === 'string'
    ? { __typename: 'Person', username, label: PEOPLE[username] ?? username }
    : null;

const listItem = (overrides: Record<string, unknown>) => ({
  __typename: 'Bulletin',
  id: 'b1',
  scopeUnitCode: '420000',
  scopeUnitName: '湖北省',
  cycleId: 'c2026',
  periodKind: 'MONTH',
  period: '2026-10',
  periodLabel: '2026年10月份',
  asOf: '2026-10-31',
  title: '关于2026年10月份《湖北省质量促进条例》履职工作推进情况的通报',
  status: 'PUBLISHED',
  number: '2026年第1期',
  sha256: 'c'.repeat(64),
  size: 15000,
  generatedBy: 'province',
  generatedAt: '2026-11-02T02:00:00.000Z',
  publishedBy: 'province',
  publishedAt: '2026-11-02T03:00:00.000Z',
  rowVersion: 2,
  downloadPath: '/api/bulletins/b1.docx',
  ...overrides,
  generator: person(overrides.generatedBy ?? 'province'),
  publisher: person(overrides.publishedBy === undefined ? 'province' : overrides.publishedBy),
});

let restore: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
  window.history.replaceState(null, '', '/bulletins');
});
afterEach(() => {
  restore();
  window.history.replaceState(null, '', '/');
});

function render(
  role: 'PROVINCIAL_SUPERVISOR' | 'COUNTY_OPERATOR',
  extra: Record<string, unknown> = {},
) {
  const stub = stubGraphQLOperations({
    Cycles: { data: { cycles: [cycle2026] } },
    Bulletins: { data: { bulletins: [listItem({})] } },
    BulletinGoodPracticeCandidates: { data: { bulletinGoodPracticeCandidates: [] } },
    BulletinPrefectures: { data: { adminUnits: [] } },
    ...extra,
  });
  restore = stub.restore;
  renderWithUser(<BulletinsPage />, currentUser({ role }));
  return stub;
}

describe('BulletinsPage', () => {
  it('lists the cycle’s bulletins with their number and hash', async () => {
    const stub = render('COUNTY_OPERATOR');
    const row = (await screen.findByText('2026年10月份')).closest('tr')!;
    expect(within(row).getByText('2026年第1期')).toBeTruthy();
    expect(within(row).getByText('已发布')).toBeTruthy();
    expect(within(row).getByText(`${'c'.repeat(12)}…`)).toBeTruthy();
    // The publisher by name and office, not by username.
    expect(within(row).getByText(/李文华（湖北省市场监督管理局质量发展局）/)).toBeTruthy();
    expect(within(row).queryByText(/province/)).toBeNull();
    // Asked for once the cycle is known, for that cycle only.
    expect(stub.requestsOf('Bulletins').map((r) => r.variables)).toEqual([
      { filter: { cycleId: 'c2026' } },
    ]);
    // Readers do not generate.
    expect(screen.queryByText('生成通报')).toBeNull();
  });

  it('generates the month just ended for a supervisor and opens the draft', async () => {
    const stub = render('PROVINCIAL_SUPERVISOR', {
      GenerateBulletin: { data: { generateBulletin: listItem({ id: 'b2', status: 'DRAFT' }) } },
    });
    fireEvent.click((await screen.findByText('生成通报')).closest('button')!);
    const dialog = within(await findDialog('生成情况通报'));
    fireEvent.click(dialog.getByText('生成草稿').closest('button')!);
    await waitFor(() => expect(stub.requestsOf('GenerateBulletin')).toHaveLength(1));
    const { year, monthIndex } = defaultPeriod('MONTH', chinaToday());
    expect(stub.requestsOf('GenerateBulletin')[0].variables).toEqual({
      input: {
        cycleId: 'c2026',
        periodKind: 'MONTH',
        period: periodKeyOf('MONTH', year, monthIndex),
        goodPractices: [],
      },
    });
  });
});
