import { trendRows } from './trend';

const point = (date: string, verified: number, tasks = 10) => ({
  __typename: 'TrendPoint' as const,
  date,
  verified,
  tasks,
  completionRate: verified / tasks,
});

describe('trendRows', () => {
  it('adds the on-schedule line: 70 % of the elapsed share of the cycle', () => {
    const rows = trendRows(
      [point('2026-01-01', 0), point('2026-01-06', 2), point('2026-01-11', 5)],
      {
        startDate: '2026-01-01',
        dueDate: '2026-01-11',
      },
    );
    expect(rows.map((r) => r.expected)).toEqual([0, 0.35, 0.7]);
    expect(rows.map((r) => r.completion)).toEqual([0, 0.2, 0.5]);
  });

  it('copes with a cycle that starts and ends on the same day', () => {
    const rows = trendRows([point('2026-03-01', 1)], {
      startDate: '2026-03-01',
      dueDate: '2026-03-01',
    });
    expect(rows[0].expected).toBe(0.7);
  });
});
