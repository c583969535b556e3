import { screen, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser, HUBEI } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { UnitYearOverYearCard } from './UnitYearOverYearCard';

const period = (year: number, source: string, file: string | null = null) => ({
  __typename: 'AssessmentPeriod',
  year,
  source,
  cycleId: source === 'imported' ? null : `c-${year}`,
  resultSetVersion: source === 'frozen' ? 1 : null,
  importId: source === 'imported' ? 'i-1' : null,
  sourceFileName: file,
  importedBy: file ? 'province' : null,
  importedAt: file ? '2026-03-01T00:00:00Z' : null,
});
const point = (
  year: number,
  source: string,
  score: number,
  rank: number,
  completion: number | null,
) => ({
  __typename: 'UnitYearPoint',
  year,
  source,
  score,
  rank,
  level: 'county',
  grade: score >= 90 ? '优秀' : '良好',
  completion,
});
const ind = (id: string, name: string, scores: Array<[number, number]>, change: number | null) => ({
  __typename: 'IndicatorYearOverYear',
  indicatorId: id,
  name,
  scoreChange: change,
  completionChange: null,
  points: scores.map(([year, score]) => ({
    __typename: 'IndicatorYearPoint',
    year,
    score,
    marks: null,
    completion: null,
  })),
});

let restore: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restore());

function render(answer: unknown) {
  const stub = stubGraphQLOperations({ AssessmentUnitYearOverYear: answer });
  restore = stub.restore;
  renderWithUser(
    <UnitYearOverYearCard cycleId="c-2025" unitCode="420102" />,
    currentUser({ role: 'PROVINCIAL_SUPERVISOR' as never, unit: HUBEI }),
  );
  return stub;
}

describe('UnitYearOverYearCard', () => {
  it('shows each year with its source, the changes with arrows and each indicator', async () => {
    const stub = render({
      data: {
        unitYearOverYear: {
          __typename: 'UnitYearOverYear',
          unitCode: '420102',
          unitName: '江岸区',
          level: 'county',
          periods: [
            period(2025, 'frozen'),
            period(2024, 'frozen'),
            period(2023, 'imported', '2023年考核结果.xlsx'),
          ],
          points: [
            point(2023, 'imported', 85, 2, 0.9),
            point(2024, 'frozen', 80, 2, 0.5),
            point(2025, 'frozen', 100, 1, 1),
          ],
          scoreChange: 20,
          rankChange: 1,
          completionChange: 0.5,
          previousGrade: '良好',
          indicators: [
            ind(
              'I1',
              '质量发展规划',
              [
                [2023, 50],
                [2024, 60],
                [2025, 55],
              ],
              -5,
            ),
            ind(
              'I2',
              '标准化工作',
              [
                [2024, 20],
                [2025, 40],
              ],
              20,
            ),
          ],
        },
      },
    });
    expect(await screen.findByText('历年对比')).toBeTruthy();
    expect(stub.requestsOf('AssessmentUnitYearOverYear')[0].variables).toEqual({
      cycleId: 'c-2025',
      unitCode: '420102',
    });
    expect(screen.getByText('历史导入')).toBeTruthy();
    expect(screen.getByText('上升 1 位')).toBeTruthy();
    expect(screen.getAllByText('+20').length).toBeGreaterThan(0);
    // The indicators' table: the decline of 质量发展规划 points down, 标准化工作 up.
    const declined = screen.getByText('质量发展规划').closest('tr')!;
    expect(declined.querySelector('[data-trend="down"]')).toBeTruthy();
    expect(within(declined).getByText('-5')).toBeTruthy();
    const improved = screen.getByText('标准化工作').closest('tr')!;
    expect(improved.querySelector('[data-trend="up"]')).toBeTruthy();
    expect(within(improved).getByText('—')).toBeTruthy(); // no 2023 figure
    expect(stub.unexpected).toEqual([]);
  });

  it('says so when there is no earlier year, and shows errors', async () => {
    render({
      data: {
        unitYearOverYear: {
          __typename: 'UnitYearOverYear',
          unitCode: '420102',
          unitName: '江岸区',
          level: 'county',
          periods: [period(2025, 'live')],
          points: [point(2025, 'live', 80, 3, 0.5)],
          scoreChange: null,
          rankChange: null,
          completionChange: null,
          previousGrade: null,
          indicators: [],
        },
      },
    });
    expect(await screen.findByText('暂无往年考核结果可供对比。')).toBeTruthy();
  });

  it('shows a refusal as an error', async () => {
    render(graphQLError('NOT_FOUND'));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
