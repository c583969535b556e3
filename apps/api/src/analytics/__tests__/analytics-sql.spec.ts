import { shanghaiDate, summarySql, unitRowsSql } from '../analytics-sql';

describe('analytics SQL helpers', () => {
  it('dates days in Asia/Shanghai (UTC+8)', () => {
    expect(shanghaiDate(new Date('2026-02-01T15:59:59Z'))).toBe('2026-02-01');
    expect(shanghaiDate(new Date('2026-02-01T16:00:00Z'))).toBe('2026-02-02');
    expect(shanghaiDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });

  it('numbers parameters in order and filters by jurisdiction', () => {
    const all = summarySql({ cycleId: 'c', today: '2026-03-02', jurisdiction: { kind: 'all' } });
    expect(all.params).toEqual(['c', '2026-03-02', '0.7']);
    expect(all.sql).not.toMatch(/\$4/);
    const county = unitRowsSql({
      cycleId: 'c',
      today: '2026-03-02',
      jurisdiction: { kind: 'unit', unitCode: '420102', departmentId: 'd' },
    });
    expect(county.params).toEqual(['c', '2026-03-02', '420102', 'd', '420102']);
    expect(county.sql).toMatch(/task_assist/);
  });
});
