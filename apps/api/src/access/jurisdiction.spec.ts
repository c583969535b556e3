import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import {
  BindParam,
  isProvinceCode,
  isProvinceWide,
  Jurisdiction,
  jurisdictionOf,
  namedParams,
  provinceInJurisdiction,
  provinceOf,
  taskJurisdictionSql,
  unitInJurisdiction,
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

describe('jurisdictions across provinces', () => {
  const principal = (role: Role, unitCode: string | null, scope?: string[]) =>
    ({
      role,
      unitCode,
      departmentId: role === Role.COUNTY_OPERATOR ? 'd' : null,
      scopeProvinceCodes: scope ?? null,
    }) as unknown as Principal;

  it('binds each role to what it oversees', () => {
    expect(jurisdictionOf(principal(Role.PROVINCIAL_SUPERVISOR, '430000'))).toEqual({
      kind: 'provinces',
      provinceCodes: ['430000'],
    });
    // A provincial supervisor without its province sees nothing (never everything).
    expect(jurisdictionOf(principal(Role.PROVINCIAL_SUPERVISOR, null))).toEqual({ kind: 'none' });
    expect(jurisdictionOf(principal(Role.PROVINCIAL_SUPERVISOR, '420100'))).toEqual({
      kind: 'none',
    });
    expect(jurisdictionOf(principal(Role.NATIONAL_SUPERVISOR, null))).toEqual({ kind: 'all' });
    expect(jurisdictionOf(principal(Role.NATIONAL_SUPERVISOR, null, ['420000', '430000']))).toEqual(
      {
        kind: 'provinces',
        provinceCodes: ['420000', '430000'],
      },
    );
    expect(jurisdictionOf(principal(Role.AUDITOR, '420000'))).toEqual({
      kind: 'provinces',
      provinceCodes: ['420000'],
    });
    expect(jurisdictionOf(principal(Role.AUDITOR, '422800'))).toEqual(PREFECTURE_OF('422800'));
    expect(jurisdictionOf(principal(Role.AUDITOR, null))).toEqual({ kind: 'all' });
  });

  it('narrows units and tasks by the province part of the code, values bound', () => {
    const one = namedParams();
    expect(
      unitJurisdictionSql({ kind: 'provinces', provinceCodes: ['430000'] }, 'a', one.bind),
    ).toBe('left(a.code, 2) = :scopeProvince');
    expect(one.params).toEqual({ scopeProvince: '43' });
    const several = namedParams();
    expect(
      taskJurisdictionSql({ kind: 'provinces', provinceCodes: ['420000', '430000'] }, several.bind),
    ).toBe('left(u.code, 2) = ANY(:scopeProvinces::text[])');
    expect(several.params).toEqual({ scopeProvinces: ['42', '43'] });
  });

  it('answers membership in code for units and provinces', () => {
    const hunan: Jurisdiction = { kind: 'provinces', provinceCodes: ['430000'] };
    expect(unitInJurisdiction(hunan, { code: '430102', parentCode: '430100' })).toBe(true);
    expect(unitInJurisdiction(hunan, { code: '420102', parentCode: '420100' })).toBe(false);
    expect(provinceInJurisdiction(hunan, '430000')).toBe(true);
    expect(provinceInJurisdiction(hunan, '420000')).toBe(false);
    expect(provinceInJurisdiction(PREFECTURE, '420000')).toBe(true);
    expect(provinceInJurisdiction(UNIT, '430000')).toBe(false);
    expect(provinceInJurisdiction({ kind: 'all' }, '650000')).toBe(true);
    expect(isProvinceWide(hunan)).toBe(true);
    expect(isProvinceWide(PREFECTURE)).toBe(false);
    expect(provinceOf('422801')).toBe('420000');
    expect(isProvinceCode('420000')).toBe(true);
    expect(isProvinceCode('420100')).toBe(false);
  });
});

function PREFECTURE_OF(code: string): Jurisdiction {
  return { kind: 'prefecture', prefectureCode: code };
}
