import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption } from '../../../test/antd';
import { adminUnit, currentUser, cycle, HUBEI } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { ProvincialReviewPage } from './ProvincialReviewPage';

const cycle2026 = cycle({ id: 'c2026', year: 2026, title: '2026年度质量工作考核' });

const unitRow = (overrides: Record<string, unknown>) => ({
  __typename: 'StageUnitSummary',
  level: 'county',
  status: 'submitted',
  submittedAt: '2026-07-05T02:00:00.000Z',
  late: false,
  returnCount: 0,
  finalScore: 80,
  ...overrides,
});

const units = [
  unitRow({ unitCode: '422801', unitName: '恩施市', parentCode: '422800', finalScore: 85 }),
  unitRow({
    unitCode: '420102',
    unitName: '江岸区',
    parentCode: '420100',
    late: true,
    submittedAt: '2026-07-12T02:00:00.000Z',
  }),
  unitRow({
    unitCode: '429004',
    unitName: '仙桃市',
    parentCode: '420000',
    status: 'draft',
    submittedAt: null,
  }),
];

const indicator = {
  __typename: 'AssessmentStageIndicator',
  indicatorId: 'W1',
  name: '质量工作机制',
  chapter: 2,
  kind: 'work',
  planMarks: 60,
  selfScore: 50,
  narrative: '已建立质量工作联席会议制度',
  evidenceIds: ['e1'],
  late: false,
  prefectureScore: 45,
  prefectureComment: '会议纪要未附',
  provincialScore: null,
  provincialComment: null,
  finalStage: 'prefecture',
  earned: 45,
};

const view = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'UnitStageAssessment',
  unitCode: '422801',
  unitName: '恩施市',
  status: 'submitted',
  submittedAt: '2026-07-05T02:00:00.000Z',
  submittedBy: 'enshi-scjg',
  late: false,
  submitCount: 1,
  dueAt: '2026-07-10T00:00:00.000Z',
  returnReason: null,
  returnedBy: null,
  returnedAt: null,
  returnCount: 0,
  finalScore: 85,
  canEditSelf: false,
  canPreliminaryReview: false,
  canProvincialReview: true,
  indicators: [indicator],
  changes: [],
  evidenceFiles: [
    {
      __typename: 'AssessmentStageEvidence',
      id: 'e1',
      fileName: '联席会议制度.pdf',
      documentNumber: '恩施政办〔2026〕3号',
      withdrawn: false,
      contentUrl: '/api/evidence/e1/content',
    },
  ],
  ...overrides,
});

const answers = (extra: Record<string, unknown> = {}) => ({
  Cycles: { data: { cycles: [cycle2026] } },
  StageAssessmentUnits: { data: { stageAssessmentUnits: units } },
  AssessmentStageSchedule: { data: { assessmentStageSchedule: [] } },
  EvidenceUnits: {
    data: {
      adminUnits: [
        HUBEI,
        adminUnit({ code: '420100', name: '武汉市', level: 'PREFECTURE' }),
        adminUnit({ code: '422800', name: '恩施州', level: 'PREFECTURE' }),
      ],
    },
  },
  UnitStageAssessment: { data: { unitStageAssessment: view() } },
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

function renderPage(url = '/provincial-review', extra: Record<string, unknown> = {}) {
  window.history.replaceState(null, '', url);
  const stub = stubGraphQLOperations(answers(extra));
  restoreFetch = stub.restore;
  renderWithUser(<ProvincialReviewPage />, provincial);
  return stub;
}

const unitNames = () =>
  [...document.querySelectorAll('.ant-table-tbody tr.ant-table-row td:first-child')].map(
    (td) => td.textContent,
  );

describe('ProvincialReviewPage', () => {
  it('lists the province’s units by prefecture, state and search', async () => {
    renderPage();
    expect(await screen.findByText('江岸区')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('恩施州')).toBeTruthy());
    expect(unitNames()).toEqual(['恩施市', '江岸区', '仙桃市']);
    const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    expect(within(row('江岸区')).getByText('逾期提交')).toBeTruthy();
    expect(within(row('江岸区')).getByText('武汉市')).toBeTruthy();
    expect(within(row('仙桃市')).getByText('省直管')).toBeTruthy();
    expect(within(row('仙桃市')).getByText('填报中')).toBeTruthy();

    await chooseOption(screen.getByLabelText('所属市州'), '恩施州');
    await waitFor(() => expect(unitNames()).toEqual(['恩施市']));
    fireEvent.click(
      screen.getByLabelText('所属市州').closest('.ant-select')!.querySelector('.ant-select-clear')!,
    );
    await waitFor(() => expect(unitNames()).toHaveLength(3));

    await chooseOption(screen.getByLabelText('自评状态'), '逾期提交');
    await waitFor(() => expect(unitNames()).toEqual(['江岸区']));
    fireEvent.click(
      screen.getByLabelText('自评状态').closest('.ant-select')!.querySelector('.ant-select-clear')!,
    );
    fireEvent.change(screen.getByLabelText('搜索单位名称或代码'), { target: { value: '4290' } });
    await waitFor(() => expect(unitNames()).toEqual(['仙桃市']));
  });

  it('shows the self-assessment, evidence and prefecture review, and scores the provincial review', async () => {
    const stub = renderPage('/provincial-review?cycleId=c2026&unitCode=422801', {
      ProvincialReviewScore: {
        data: {
          provincialReviewScore: view({
            indicators: [{ ...indicator, provincialScore: 40, provincialComment: '纪要仍缺' }],
          }),
        },
      },
    });
    const card = await screen.findByTestId('review-W1');
    expect(within(card).getByText('已建立质量工作联席会议制度')).toBeTruthy();
    expect(within(card).getByText('会议纪要未附')).toBeTruthy();
    expect(within(card).getByText('45')).toBeTruthy();
    const link = within(card)
      .getByText(/联席会议制度\.pdf（恩施政办〔2026〕3号）/)
      .closest('a');
    expect(link?.getAttribute('href')).toBe('/api/evidence/e1/content');
    // The prefecture's review is read here; the provincial supervisor scores and comments.
    expect(screen.queryByText('退回修改')).toBeNull();

    const submit = within(card)
      .getByText(/^复\s*核$/)
      .closest('button') as HTMLElement;
    fireEvent.change(within(card).getByLabelText('复核分'), { target: { value: '40' } });
    await act(async () => {
      fireEvent.click(submit);
    });
    expect(await within(card).findByText('请填写复核意见')).toBeTruthy();
    expect(stub.requestsOf('ProvincialReviewScore')).toHaveLength(0);

    fireEvent.change(within(card).getByLabelText('复核意见'), { target: { value: ' 纪要仍缺 ' } });
    await act(async () => {
      fireEvent.click(submit);
    });
    await waitFor(() => expect(stub.requestsOf('ProvincialReviewScore')).toHaveLength(1));
    expect(stub.requestsOf('ProvincialReviewScore')[0].variables).toEqual({
      input: {
        cycleId: 'c2026',
        unitCode: '422801',
        indicatorId: 'W1',
        score: 40,
        comment: '纪要仍缺',
      },
    });
    expect(await screen.findByText('复核分已保存')).toBeTruthy();
  });

  it('outside the provincial review window the scores are read only', async () => {
    renderPage('/provincial-review?cycleId=c2026&unitCode=422801', {
      UnitStageAssessment: { data: { unitStageAssessment: view({ canProvincialReview: false }) } },
    });
    const card = await screen.findByTestId('review-W1');
    expect(screen.getByText('当前不在省级复核时间内，不能复核。')).toBeTruthy();
    expect(within(card).queryByText(/^复\s*核$/)).toBeNull();
    expect((within(card).getByLabelText('复核分') as HTMLInputElement).disabled).toBe(true);
  });
});
