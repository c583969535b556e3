import { ErrorCode } from '@duty/shared/errors';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { AppError } from '../graphql/app-error';

/**
 * The units whose data a principal may see (辖区). One deployment may hold several provinces
 * (DUTY_PROVINCES), so "province-wide" is never "everything":
 * - `all`: the whole country — a national supervisor or auditor not limited to a set of
 *   provinces, and the administrators (who see no business data, see task-scope);
 * - `provinces`: one province (a provincial supervisor, a province-level auditor) or a set of
 *   provinces (a national supervisor or auditor limited to them): every unit of each;
 * - `prefecture`: a prefecture supervisor or auditor: the prefecture and every unit under it;
 * - `unit`: a county operator: their own unit only (and only their department's work);
 * - `none`: no role bound yet, or a binding that lacks its unit.
 */
export type Jurisdiction =
  | { kind: 'all' }
  | { kind: 'provinces'; provinceCodes: readonly string[] }
  | { kind: 'prefecture'; prefectureCode: string }
  | { kind: 'unit'; unitCode: string; departmentId: string }
  | { kind: 'none' };

/**
 * The province a GB/T 2260 code belongs to: its first two digits, then 0000 (420102 → 420000).
 * Codes are hierarchical, so this holds for every unit the package ships.
 */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Whether a GB/T 2260 code names a province-level unit (XX0000). */
export function isProvinceCode(code: string): boolean {
  return /^[1-9]\d0000$/.test(code);
}

export function jurisdictionOf(principal: Principal | null): Jurisdiction {
  if (!principal?.role) return { kind: 'none' };
  switch (principal.role) {
    case Role.NATIONAL_SUPERVISOR:
      return principal.scopeProvinceCodes?.length
        ? { kind: 'provinces', provinceCodes: principal.scopeProvinceCodes }
        : { kind: 'all' };
    case Role.PROVINCIAL_SUPERVISOR:
      return principal.unitCode && isProvinceCode(principal.unitCode)
        ? { kind: 'provinces', provinceCodes: [principal.unitCode] }
        : { kind: 'none' };
    case Role.PREFECTURE_SUPERVISOR:
      return principal.unitCode
        ? { kind: 'prefecture', prefectureCode: principal.unitCode }
        : { kind: 'none' };
    case Role.AUDITOR:
      if (principal.unitCode) {
        return isProvinceCode(principal.unitCode)
          ? { kind: 'provinces', provinceCodes: [principal.unitCode] }
          : { kind: 'prefecture', prefectureCode: principal.unitCode };
      }
      return principal.scopeProvinceCodes?.length
        ? { kind: 'provinces', provinceCodes: principal.scopeProvinceCodes }
        : { kind: 'all' };
    case Role.COUNTY_OPERATOR:
      return principal.unitCode && principal.departmentId
        ? { kind: 'unit', unitCode: principal.unitCode, departmentId: principal.departmentId }
        : { kind: 'none' };
    default:
      return { kind: 'all' };
  }
}

/**
 * Whether the jurisdiction covers whole provinces (or the country): the province-level view
 * (rankings of prefectures, every unit's tasks) rather than one prefecture's or one unit's.
 */
export function isProvinceWide(
  j: Jurisdiction,
): j is { kind: 'all' } | { kind: 'provinces'; provinceCodes: readonly string[] } {
  return j.kind === 'all' || j.kind === 'provinces';
}

/**
 * Whether the jurisdiction reaches into the province (XX0000): a provincial cycle is visible to
 * its own province's readers and to national ones covering it, never to another province's.
 */
export function provinceInJurisdiction(j: Jurisdiction, province: string): boolean {
  switch (j.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'provinces':
      return j.provinceCodes.includes(province);
    case 'prefecture':
      return provinceOf(j.prefectureCode) === province;
    case 'unit':
      return provinceOf(j.unitCode) === province;
  }
}

/** Whether the unit with this code is inside the jurisdiction (its parent known). */
export function unitInJurisdiction(
  j: Jurisdiction,
  unit: { code: string; parentCode: string | null },
): boolean {
  switch (j.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'provinces':
      return j.provinceCodes.includes(provinceOf(unit.code));
    case 'prefecture':
      return unit.code === j.prefectureCode || unit.parentCode === j.prefectureCode;
    case 'unit':
      return unit.code === j.unitCode;
  }
}

/**
 * Binds a value as a query parameter and returns its placeholder. The jurisdiction conditions
 * below are written once and serve both TypeORM query builders (`:name`, see `namedParams`)
 * and hand-written statements with positional parameters (`$n`, analytics). Values are always
 * bound, never written into the SQL.
 */
export type BindParam = (name: string, value: unknown) => string;

/** A binder for query builders: `:name` placeholders, values collected in `params`. */
export function namedParams(): { bind: BindParam; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  return {
    params,
    bind: (name, value) => {
      params[name] = value;
      return `:${name}`;
    },
  };
}

/** SQL condition on the admin_unit alias `alias`: true for units inside the jurisdiction. */
export function unitJurisdictionSql(
  jurisdiction: Jurisdiction,
  alias: string,
  bind: BindParam,
): string {
  switch (jurisdiction.kind) {
    case 'all':
      return 'TRUE';
    case 'none':
      return 'FALSE';
    case 'provinces':
      return provincesSql(jurisdiction, `${alias}.code`, bind);
    case 'prefecture': {
      const prefecture = bind('scopePrefecture', jurisdiction.prefectureCode);
      return `(${alias}.code = ${prefecture} OR ${alias}.parent_code = ${prefecture})`;
    }
    case 'unit':
      return `${alias}.code = ${bind('scopeUnit', jurisdiction.unitCode)}`;
  }
}

/**
 * SQL condition on tasks (alias `t`, joined to its unit as `u`): true for tasks inside the
 * jurisdiction — everything, a prefecture and its units, or, for a county operator, the tasks
 * of their unit that their department leads or assists.
 */
export function taskJurisdictionSql(jurisdiction: Jurisdiction, bind: BindParam): string {
  switch (jurisdiction.kind) {
    case 'all':
    case 'none':
    case 'provinces':
    case 'prefecture':
      return unitJurisdictionSql(jurisdiction, 'u', bind);
    case 'unit': {
      const department = bind('scopeDept', jurisdiction.departmentId);
      const unit = bind('scopeUnit', jurisdiction.unitCode);
      return `(t.unit_code = ${unit} AND (t.lead_department_id = ${department}
        OR EXISTS (SELECT 1 FROM task_assist sa WHERE sa.task_id = t.id AND sa.department_id = ${department})))`;
    }
  }
}

/**
 * Units of the given provinces, by the code's first two digits (GB/T 2260 codes are
 * hierarchical). `column` is a unit code column.
 */
function provincesSql(
  j: { provinceCodes: readonly string[] },
  column: string,
  bind: BindParam,
): string {
  const prefixes = j.provinceCodes.map((code) => code.slice(0, 2));
  return prefixes.length === 1
    ? `left(${column}, 2) = ${bind('scopeProvince', prefixes[0])}`
    : `left(${column}, 2) = ANY(${bind('scopeProvinces', prefixes)}::text[])`;
}

/**
 * The unit condition for a query builder: `alias` is the admin_unit alias to test (the unit
 * itself, joined by the caller). Parameters are named so the condition can join any query.
 */
export function unitScopeSql(
  jurisdiction: Jurisdiction,
  alias: string,
): { sql: string; params: Record<string, unknown> } {
  const { bind, params } = namedParams();
  return { sql: unitJurisdictionSql(jurisdiction, alias, bind), params };
}

/** Outside the jurisdiction answers exactly like a missing row: no data, no confirmation it exists. */
export function notFound(what = '数据'): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `未找到该${what}，或不在您的辖区内。`);
}
