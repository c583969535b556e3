import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, findDialog } from '../../../test/antd';
import { adminUnit, currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { ObjectionsTab } from './ObjectionsTab';
import { UnitPublicationCard } from './UnitPublicationCard';

const JIANGAN = adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' });

const indicator = (id: string, name: string, marks: number, earned: number) => ({
  __typename: 'PublishedIndicator',
  indicatorId: id,
  name,
  kind: 'work',
  marks,
  earned,
});

const publication = (windowOpen: boolean) => ({
  data: {
    assessmentPublication: {
      __typename: 'AssessmentPublication',
      id: 'p1',
      cycleId: 'c-2026',
      version: 2,
      objectionClosesAt: '2026-07-10T15:59:59.000Z',
      windowOpen,
      units: 3,
      publishedBy: 'province',
      publishedAt: '2026-06-30T04:00:00.000Z',
      results: [
        {
          __typename: 'PublishedUnitResult',
          unitCode: '420102',
          unitName: '江岸区',
          level: 'county',
          score: 72.5,
          grade: '合格',
          rank: 2,
          indicators: [indicator('I1', '指标一', 30, 30), indicator('I4', '指标四', 20, 0)],
        },
      ],
    },
  },
});

const objection = (over: Record<string, unknown> = {}) => ({
  __typename: 'AssessmentObjection',
  id: 'o1',
  cycleId: 'c-2026',
  publicationVersion: 2,
  unitCode: '420102',
  unitName: '江岸区',
  indicatorId: 'I4',
  indicatorName: '指标四',
  reason: '该项工作已完成',
  evidenceIds: ['e1'],
  filedBy: 'jiangan-scjg',
  filedAt: '2026-07-01T02:00:00.000Z',
  decision: null,
  decisionReason: null,
  scoreChange: null,
  decidedBy: null,
  decidedAt: null,
  ...over,
});

const evidence = {
  data: {
    unitEvidenceChoices: [
      {
        __typename: 'AssessmentStageEvidence',
        id: 'e1',
        fileName: '台账.pdf',
        documentNumber: null,
        withdrawn: false,
      },
    ],
  },
};

const button = (scope: Pick<typeof screen, 'getByText'>, name: RegExp) => {
  const label = scope.getByText(name);
  return (label.closest('button') ?? label) as HTMLElement;
};

let restore: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restore());

describe('UnitPublicationCard', () => {
  it('shows the published result and lets the unit’s operator object to an indicator', async () => {
    const stub = stubGraphQLOperations({
      AssessmentPublication: publication(true),
      AssessmentObjections: [
        { data: { assessmentObjections: [] } },
        { data: { assessmentObjections: [objection()] } },
      ],
      UnitEvidenceChoices: evidence,
      FileAssessmentObjection: { data: { fileAssessmentObjection: objection() } },
      AssessmentScores: { data: { assessmentScores: [] } },
      UnitsAssessment: graphQLError('NOT_FOUND'),
    });
    restore = stub.restore;
    renderWithUser(
      <UnitPublicationCard cycleId="c-2026" unitCode="420102" />,
      currentUser({ role: 'COUNTY_OPERATOR', unit: JIANGAN }),
    );
    expect(await screen.findByText('公示结果 · 第 2 版公示')).toBeTruthy();
    expect(screen.getByText('72.5')).toBeTruthy();
    expect(screen.getByText('第 2 名')).toBeTruthy();
    expect(screen.getByText('异议期内')).toBeTruthy();

    fireEvent.click(button(screen, /^提出异议$/));
    const dialog = await findDialog('对公示结果提出异议');
    fireEvent.click(button(within(dialog), /^提交异议$/));
    expect(await within(dialog).findByText('请选择指标。')).toBeTruthy();
    expect(stub.requestsOf('FileAssessmentObjection')).toHaveLength(0);

    await chooseOption(within(dialog).getAllByRole('combobox')[0], '指标四（0 / 20）');
    fireEvent.change(within(dialog).getByLabelText('异议理由'), {
      target: { value: '该项工作已完成' },
    });
    await chooseOption(within(dialog).getAllByRole('combobox')[1], '台账.pdf');
    fireEvent.click(button(within(dialog), /^提交异议$/));
    await waitFor(() => expect(stub.requestsOf('FileAssessmentObjection')).toHaveLength(1));
    expect(stub.requestsOf('FileAssessmentObjection')[0].variables.input).toEqual({
      cycleId: 'c-2026',
      unitCode: '420102',
      indicatorId: 'I4',
      reason: '该项工作已完成',
      evidenceIds: ['e1'],
    });
    expect(await screen.findByText('待处理')).toBeTruthy();
  });

  it('offers no objection once the window has closed, nor to another role', async () => {
    const stub = stubGraphQLOperations({
      AssessmentPublication: publication(false),
      AssessmentObjections: { data: { assessmentObjections: [] } },
    });
    restore = stub.restore;
    renderWithUser(
      <UnitPublicationCard cycleId="c-2026" unitCode="420102" />,
      currentUser({ role: 'COUNTY_OPERATOR', unit: JIANGAN }),
    );
    expect(await screen.findByText('异议期已截止')).toBeTruthy();
    expect(screen.queryByText('提出异议')).toBeNull();
  });
});

describe('ObjectionsTab', () => {
  it('lets a provincial supervisor uphold an objection with a score change', async () => {
    const decided = objection({
      decision: 'UPHELD',
      decisionReason: '经复核',
      scoreChange: 3,
      decidedBy: 'province',
      decidedAt: '2026-07-11T02:00:00.000Z',
    });
    const stub = stubGraphQLOperations({
      AssessmentPublication: publication(false),
      AssessmentObjections: [
        { data: { assessmentObjections: [objection()] } },
        { data: { assessmentObjections: [decided] } },
      ],
      DecideAssessmentObjection: { data: { decideAssessmentObjection: decided } },
      AssessmentScores: { data: { assessmentScores: [] } },
      UnitsAssessment: graphQLError('NOT_FOUND'),
    });
    restore = stub.restore;
    renderWithUser(
      <ObjectionsTab cycleId="c-2026" canManage />,
      currentUser({ role: 'PROVINCIAL_SUPERVISOR' }),
    );
    expect(await screen.findByText('该项工作已完成')).toBeTruthy();
    expect(screen.getByText('待处理')).toBeTruthy();
    expect(screen.getByText('重新公示')).toBeTruthy();

    fireEvent.click(button(screen, /^处\s*理$/));
    const dialog = await findDialog('处理异议：江岸区 · 指标四');
    fireEvent.change(within(dialog).getByLabelText('处理理由'), { target: { value: '经复核' } });
    fireEvent.change(within(dialog).getByLabelText('分数调整（可选）'), {
      target: { value: '3' },
    });
    fireEvent.click(button(within(dialog), /^确\s*定$/));
    await waitFor(() => expect(stub.requestsOf('DecideAssessmentObjection')).toHaveLength(1));
    expect(stub.requestsOf('DecideAssessmentObjection')[0].variables.input).toEqual({
      objectionId: 'o1',
      decision: 'UPHELD',
      reason: '经复核',
      scoreChange: 3,
    });
    expect(await screen.findByText('成立（+3 分）')).toBeTruthy();
  });

  it('publishes with the objection stage’s last day from the schedule filled in', async () => {
    const stub = stubGraphQLOperations({
      AssessmentPublication: { data: { assessmentPublication: null } },
      AssessmentObjections: { data: { assessmentObjections: [] } },
      AssessmentStageSchedule: {
        data: {
          assessmentStageSchedule: [
            {
              __typename: 'AssessmentStageWindow',
              stage: 'OBJECTION',
              opensAt: '2026-08-10T16:00:00.000Z',
              // 2026-08-21 00:00 Beijing time, exclusive: the last day is 08-20.
              closesAt: '2026-08-20T16:00:00.000Z',
            },
          ],
        },
      },
      PublishAssessmentResults: graphQLError('VALIDATION_FAILED'),
    });
    restore = stub.restore;
    renderWithUser(
      <ObjectionsTab cycleId="c-2026" canManage />,
      currentUser({ role: 'PROVINCIAL_SUPERVISOR' }),
    );
    await screen.findByText('本年度考核结果尚未公示。');
    fireEvent.click(button(screen, /发布公示/));
    const dialog = await findDialog('发布考核结果公示');
    expect(
      await within(dialog).findByText(
        '已按考核阶段安排填入异议阶段的最后一天（2026-08-20），可修改。',
      ),
    ).toBeTruthy();
    fireEvent.click(button(within(dialog), /^发\s*布$/));
    await waitFor(() => expect(stub.requestsOf('PublishAssessmentResults')).toHaveLength(1));
    expect(stub.requestsOf('PublishAssessmentResults')[0].variables).toEqual({
      cycleId: 'c-2026',
      objectionClosesAt: '2026-08-20T23:59:59+08:00',
    });
    // A refusal stays in the dialog, which stays open.
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
  });

  it('is read-only for a prefecture supervisor', async () => {
    const stub = stubGraphQLOperations({
      AssessmentPublication: { data: { assessmentPublication: null } },
      AssessmentObjections: { data: { assessmentObjections: [] } },
    });
    restore = stub.restore;
    renderWithUser(
      <ObjectionsTab cycleId="c-2026" canManage={false} />,
      currentUser({ role: 'PREFECTURE_SUPERVISOR' }),
    );
    expect(await screen.findByText('本年度考核结果尚未公示。')).toBeTruthy();
    expect(screen.queryByText('发布公示')).toBeNull();
    expect(screen.queryByText(/^处\s*理$/)).toBeNull();
  });
});
