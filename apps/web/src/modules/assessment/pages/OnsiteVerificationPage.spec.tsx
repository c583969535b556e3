import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { currentUser, cycle } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { OnsiteVerificationPage } from './OnsiteVerificationPage';

const cycle2026 = cycle({ id: 'c2026', year: 2026, title: '2026年度质量工作考核' });

const sample = {
  __typename: 'OnsiteSample',
  id: 's2',
  cycleId: 'c2026',
  version: 2,
  status: 'open',
  scope: 'PER_PREFECTURE',
  unitCount: 1,
  unitShare: null,
  tasksPerUnit: 2,
  taskStatuses: ['VERIFIED'],
  unitLevels: ['county'],
  deductionPoints: 2.5,
  seed: '3f9a0c1d2e4b5a69',
  seedGenerated: true,
  populationUnits: 3,
  populationTasks: 42,
  reason: '按市州抽取',
  drawnBy: 'province',
  drawnAt: '2026-10-15T02:00:00.000Z',
  supersededBy: null,
  supersededAt: null,
  closedBy: null,
  closedAt: null,
};

const item = (overrides: Record<string, unknown>) => ({
  __typename: 'OnsiteSampleItem',
  id: 'i1',
  unitCode: '422801',
  unitName: '恩施市',
  groupCode: '422800',
  unitRank: 1,
  taskRank: 1,
  taskId: 't1',
  taskStatus: 'VERIFIED',
  article: 12,
  dutySubject: '建立质量工作协调机制',
  outcome: null,
  note: null,
  evidenceIds: [],
  recordedBy: null,
  recordedAt: null,
  adjustmentId: null,
  deductedPoints: null,
  ...overrides,
});

const items = [
  item({}),
  item({
    id: 'i2',
    taskId: 't2',
    taskRank: 2,
    dutySubject: '推进计量体系建设',
    outcome: 'CONFIRMED',
    recordedBy: 'enshi-zhou',
    recordedAt: '2026-10-16T02:00:00.000Z',
  }),
];

const answers = (extra: Record<string, unknown> = {}) => ({
  Cycles: { data: { cycles: [cycle2026] } },
  OnsiteSamples: {
    data: {
      onsiteSamples: [
        sample,
        { ...sample, id: 's1', version: 1, status: 'superseded', reason: null },
      ],
    },
  },
  OnsiteSample: { data: { onsiteSample: { ...sample, items } } },
  UnitEvidenceChoices: {
    data: {
      unitEvidenceChoices: [
        {
          __typename: 'AssessmentStageEvidence',
          id: 'e1',
          fileName: '现场照片.jpg',
          documentNumber: null,
          withdrawn: false,
        },
      ],
    },
  },
  ...extra,
});

const provincial = currentUser({ id: 'u-p', username: 'province', role: 'PROVINCIAL_SUPERVISOR' });
const prefecture = currentUser({
  id: 'u-e',
  username: 'enshi-zhou',
  role: 'PREFECTURE_SUPERVISOR',
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => {
  restoreFetch();
  window.history.replaceState(null, '', '/');
});

function renderPage(user = provincial, extra: Record<string, unknown> = {}) {
  window.history.replaceState(null, '', '/onsite-verification');
  const stub = stubGraphQLOperations(answers(extra));
  restoreFetch = stub.restore;
  renderWithUser(<OnsiteVerificationPage />, user);
  return stub;
}

const button = (name: RegExp) => screen.getByText(name).closest('button') as HTMLElement;

describe('OnsiteVerificationPage', () => {
  it('shows the newest sample: seed, population, progress and the sampled tasks', async () => {
    renderPage();
    expect(await screen.findByText('3f9a0c1d2e4b5a69')).toBeTruthy();
    expect(screen.getByText('3 个单位、42 项任务')).toBeTruthy();
    expect(screen.getByText('已记录 1 / 2 项，不符 0 项')).toBeTruthy();
    expect(screen.getByText('按市州抽取')).toBeTruthy();
    expect(screen.getByText('第12条 推进计量体系建设')).toBeTruthy();
    expect(screen.getByText('属实')).toBeTruthy();
    expect(screen.getByText('未记录')).toBeTruthy();
    // The provincial supervisor redraws and closes.
    expect(button(/^重新抽样$/)).toBeTruthy();
    expect(button(/^结束核查$/)).toBeTruthy();
  });

  it('records a discrepancy: a note is required, then the finding is sent', async () => {
    const stub = renderPage(prefecture, {
      RecordOnsiteFinding: {
        data: {
          recordOnsiteFinding: item({
            outcome: 'DISCREPANCY',
            note: '现场未见台账',
            evidenceIds: ['e1'],
          }),
        },
      },
    });
    await screen.findByText('3f9a0c1d2e4b5a69');
    // A prefecture supervisor records findings but neither draws nor closes.
    expect(screen.queryByText(/^重新抽样$/)).toBeNull();
    expect(screen.queryByText(/^结束核查$/)).toBeNull();
    fireEvent.click(button(/^记录结论$/));
    const dialog = await findDialog('记录核查结论：恩施市 · 第12条 建立质量工作协调机制');
    fireEvent.click(within(dialog).getByText('与报告不符'));
    await act(async () => {
      fireEvent.click(within(dialog.closest('.ant-modal') as HTMLElement).getByText(/^保\s*存$/));
    });
    expect(await within(dialog).findByText('与报告不符的，须说明不符情况。')).toBeTruthy();
    expect(stub.requestsOf('RecordOnsiteFinding')).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '现场未见台账' } });
    await act(async () => {
      fireEvent.click(within(dialog.closest('.ant-modal') as HTMLElement).getByText(/^保\s*存$/));
    });
    await waitFor(() => expect(stub.requestsOf('RecordOnsiteFinding')).toHaveLength(1));
    expect(stub.requestsOf('RecordOnsiteFinding')[0].variables).toEqual({
      input: { itemId: 'i1', outcome: 'DISCREPANCY', note: '现场未见台账', evidenceIds: [] },
    });
  });

  it('draws a first sample with the parameters given', async () => {
    const stub = renderPage(provincial, {
      OnsiteSamples: { data: { onsiteSamples: [] } },
      DrawOnsiteSample: { data: { drawOnsiteSample: { ...sample, version: 1, id: 's1' } } },
    });
    expect(await screen.findByText('本年度尚未抽样。')).toBeTruthy();
    fireEvent.click(button(/^抽取样本$/));
    const dialog = await findDialog('抽取实地核查样本');
    fireEvent.change(within(dialog).getByLabelText(/随机种子/), { target: { value: 'seed-2026' } });
    await act(async () => {
      fireEvent.click(
        within(dialog.closest('.ant-modal') as HTMLElement)
          .getAllByText('抽取样本')
          .map((e) => e.closest('button'))
          .find((b) => b)!,
      );
    });
    await waitFor(() => expect(stub.requestsOf('DrawOnsiteSample')).toHaveLength(1));
    expect(stub.requestsOf('DrawOnsiteSample')[0].variables).toEqual({
      input: {
        cycleId: 'c2026',
        scope: 'PER_PREFECTURE',
        unitCount: 2,
        unitShare: null,
        tasksPerUnit: 3,
        taskStatuses: ['VERIFIED'],
        unitLevels: ['county'],
        deductionPoints: 1,
        seed: 'seed-2026',
        reason: null,
      },
    });
  });
});
