import { breakdownSql, matrixSql, shanghaiDate, summarySql, unitRowsSql } from '../analytics-sql';

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

  it('reads the area rollup for whole areas and the per-unit rollup for a prefecture’s counties', () => {
    const hubei = { kind: 'provinces' as const, provinceCodes: ['420000'] };
    const base = { cycleId: 'c', today: '2026-03-02', jurisdiction: hubei };
    const tables = (sql: string) =>
      [...new Set(sql.match(/analytics_(area_|unit_)?rollup\b/g))].sort();
    expect(tables(breakdownSql({ ...base, by: 'DEPARTMENT_KIND' }).sql)).toEqual([
      'analytics_area_rollup',
    ]);
    // A requested unit: the area rollup when it is a whole area, else the per-unit one.
    const unit = breakdownSql({ ...base, by: 'CHAPTER', unitCode: '422801' }).sql;
    expect(tables(unit)).toEqual(['analytics_area_rollup', 'analytics_rollup']);
    expect(unit).toMatch(/target_is_area/);
    expect(tables(matrixSql(base).sql)).toEqual(['analytics_area_rollup']);
    expect(tables(matrixSql({ ...base, parentCode: '422800' }).sql)).toEqual(['analytics_rollup']);
    const prefecture = { kind: 'prefecture' as const, prefectureCode: '422800' };
    expect(tables(matrixSql({ ...base, jurisdiction: prefecture }).sql)).toEqual([
      'analytics_rollup',
    ]);
    // The base tables when asked (verification, the naive benchmark).
    expect(tables(breakdownSql({ ...base, by: 'ARTICLE', base: true }).sql)).toEqual([]);
  });
});
