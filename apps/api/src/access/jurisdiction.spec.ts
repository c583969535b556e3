import {
  BindParam,
  Jurisdiction,
  namedParams,
  taskJurisdictionSql,
  unitJurisdictionSql,
  unitScopeSql,
} from './jurisdiction';

const UNIT: Jurisdiction = { kind: 'unit', unitCode: '420102', departmentId: 'dept-1' };
const PREFECTURE: Jurisdiction = { kind: 'prefecture', prefectureCode: '420100' };

/** Positional parameters as hand-written statements number them. */
function positionalParams(): { bind: BindParam; values: unknown[] } {
  const values: unknown[] = [];
  return { values, bind: (_name, value) => `$${values.push(value)}` };
}

describe('jurisdiction conditions', () => {
  it.each([
    ['all', { kind: 'all' } as Jurisdiction, 'TRUE'],
    ['none', { kind: 'none' } as Jurisdiction, 'FALSE'],
  ])('%s: a constant condition, no parameter', (_kind, j, sql) => {
    const named = namedParams();
    expect(taskJurisdictionSql(j, named.bind)).toBe(sql);
    expect(unitJurisdictionSql(j, 'a', named.bind)).toBe(sql);
    expect(named.params).toEqual({});
  });

  it('gives query builders named parameters, under the names they have always had', () => {
    expect(unitScopeSql(PREFECTURE, 'u')).toEqual({
      sql: '(u.code = :scopePrefecture OR u.parent_code = :scopePrefecture)',
      params: { scopePrefecture: '420100' },
    });
    expect(unitScopeSql(UNIT, 'u')).toEqual({
      sql: 'u.code = :scopeUnit',
      params: { scopeUnit: '420102' },
    });
    const operator = namedParams();
    const sql = taskJurisdictionSql(UNIT, operator.bind);
    expect(operator.params).toEqual({ scopeUnit: '420102', scopeDept: 'dept-1' });
    expect(sql).toMatch(/t\.unit_code = :scopeUnit AND \(t\.lead_department_id = :scopeDept/);
    expect(sql).toMatch(
      /task_assist sa WHERE sa\.task_id = t\.id AND sa\.department_id = :scopeDept/,
    );
  });

  it('gives statements the same conditions with positional parameters, values never inlined', () => {
    const p = positionalParams();
    const units = unitJurisdictionSql(PREFECTURE, 'a', p.bind);
    const tasks = taskJurisdictionSql(UNIT, p.bind);
    expect(units).toBe('(a.code = $1 OR a.parent_code = $1)');
    expect(tasks).toMatch(/t\.unit_code = \$3 AND \(t\.lead_department_id = \$2/);
    expect(tasks).toMatch(/sa\.department_id = \$2/);
    expect(p.values).toEqual(['420100', 'dept-1', '420102']);
    expect(`${units} ${tasks}`).not.toMatch(/4201|dept-1/);
  });
});
