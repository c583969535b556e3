import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { findDialog } from '../../../test/antd';
import { currentUser, HUBEI } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { UnitMeasuresCard } from './UnitMeasuresCard';

const spec = {
  __typename: 'MeasureSpec',
  unitOfMeasure: '%',
  direction: 'higher',
  scoring: 'linear',
  levels: {
    __typename: 'MeasureLevelTargets',
    province: null,
    prefecture: null,
    county: { __typename: 'MeasureTarget', target: 95, floor: 90 },
  },
  overrides: [],
  bands: [],
};

const measure = (over: Record<string, unknown> = {}) => ({
  __typename: 'UnitMeasureValue',
  indicatorId: 'M1',
  name: '制造业产品质量合格率',
  chapter: 3,
  weight: 1,
  measure: spec,
  target: 95,
  floor: 90,
  targetFrom: 'level',
  reportedValue: null,
  evidenceId: null,
  evidenceName: null,
  sourceRef: null,
  reportedBy: null,
  reportedAt: null,
  adjustedValue: null,
  adjustReason: null,
  adjustedBy: null,
  adjustedAt: null,
  canReport: true,
  canAdjust: false,
  events: [],
  ...over,
});

const button = (scope: Pick<typeof screen, 'getByText'>, name: RegExp) => {
  const label = scope.getByText(name);
  return (label.closest('button') ?? label) as HTMLElement;
};

let restore: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restore());

function render(role: string, rows: unknown[], extra: Record<string, unknown> = {}) {
  const stub = stubGraphQLOperations({
    AssessmentUnitMeasures: { data: { unitMeasureValues: rows } },
    UnitEvidenceChoices: {
      data: {
        unitEvidenceChoices: [],
      },
    },
    UnitsAssessment: graphQLError('NOT_FOUND'),
    AssessmentScores: { data: { assessmentScores: [] } },
    ...extra,
  });
  restore = stub.restore;
  renderWithUser(
    <UnitMeasuresCard cycleId="c-2026" unitCode="422801" />,
    currentUser({ role: role as never, unit: HUBEI }),
  );
  return stub;
}

describe('UnitMeasuresCard', () => {
  it('lets the unit report a value with its source; the source is required', async () => {
    const stub = render('COUNTY_OPERATOR', [measure()], {
      AssessmentReportMeasure: {
        data: {
          reportAssessmentMeasure: measure({ reportedValue: 96.5, sourceRef: '恩施统〔2026〕5号' }),
        },
      },
    });
    expect(await screen.findByText('制造业产品质量合格率')).toBeTruthy();
    expect(screen.getByText('未上报')).toBeTruthy();
    expect(screen.queryByText(/^核\s*定$/)).toBeNull();

    fireEvent.click(button(screen, /^上\s*报$/));
    const dialog = await findDialog('上报“制造业产品质量合格率”');
    fireEvent.change(within(dialog).getByLabelText('数值（%）'), { target: { value: '96.5' } });
    fireEvent.click(button(within(dialog), /^确\s*定$/));
    expect(await within(dialog).findByText('请选择佐证材料或填写来源文件')).toBeTruthy();
    expect(stub.requestsOf('AssessmentReportMeasure')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('来源文件'), {
      target: { value: '恩施统〔2026〕5号' },
    });
    fireEvent.click(button(within(dialog), /^确\s*定$/));
    await waitFor(() => expect(stub.requestsOf('AssessmentReportMeasure')).toHaveLength(1));
    expect(stub.requestsOf('AssessmentReportMeasure')[0].variables.input).toEqual({
      cycleId: 'c-2026',
      unitCode: '422801',
      indicatorId: 'M1',
      value: 96.5,
      evidenceId: null,
      sourceRef: '恩施统〔2026〕5号',
    });
  });

  it('lets a reviewer adjust with a reason and shows the record of changes', async () => {
    const reported = measure({
      reportedValue: 96,
      sourceRef: '恩施统〔2026〕5号',
      canReport: true,
      canAdjust: true,
      events: [
        {
          __typename: 'MeasureEvent',
          id: '1',
          action: 'report',
          beforeValue: null,
          afterValue: 96,
          evidenceId: null,
          sourceRef: '恩施统〔2026〕5号',
          reason: null,
          actor: 'enshi-scjg',
          actorRole: 'COUNTY_OPERATOR',
          createdAt: '2026-06-30T04:00:00.000Z',
        },
      ],
    });
    const stub = render('PREFECTURE_SUPERVISOR', [reported], {
      AssessmentAdjustMeasure: {
        data: {
          adjustAssessmentMeasure: measure({ adjustedValue: 92, adjustReason: '口径有误' }),
        },
      },
    });
    expect(await screen.findByText('制造业产品质量合格率')).toBeTruthy();
    fireEvent.click(document.querySelector('.ant-table-row-expand-icon') as HTMLElement);
    expect(await screen.findByText(/enshi-scjg 上报：— → 96（恩施统〔2026〕5号）/)).toBeTruthy();
    fireEvent.click(button(screen, /^核\s*定$/));
    const dialog = await findDialog('核定“制造业产品质量合格率”');
    fireEvent.change(within(dialog).getByLabelText('数值（%）'), { target: { value: '92' } });
    fireEvent.click(button(within(dialog), /^确\s*定$/));
    expect(await within(dialog).findByText('请填写原因')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '口径有误' } });
    fireEvent.click(button(within(dialog), /^确\s*定$/));
    await waitFor(() => expect(stub.requestsOf('AssessmentAdjustMeasure')).toHaveLength(1));
    expect(stub.requestsOf('AssessmentAdjustMeasure')[0].variables.input).toEqual({
      cycleId: 'c-2026',
      unitCode: '422801',
      indicatorId: 'M1',
      value: 92,
      reason: '口径有误',
    });
  });

  it('shows nothing for a unit no measured indicator applies to', async () => {
    const stub = render('COUNTY_OPERATOR', []);
    await waitFor(() => expect(stub.requestsOf('AssessmentUnitMeasures')).toHaveLength(1));
    expect(screen.queryByText('定量指标')).toBeNull();
  });
});
