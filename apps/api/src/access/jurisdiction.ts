import { ErrorCode } from '@duty/shared/errors';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { AppError } from '../graphql/app-error';

/**
 * The units whose data a principal may see (辖区):
 * - `all`: provincial supervisors, province-wide auditors and the administrators;
 * - `prefecture`: a prefecture supervisor or auditor: the prefecture and every unit under it;
 * - `unit`: a county operator: their own unit only (and only their department's work);
 * - `none`: no role bound yet.
 */
export type Jurisdiction =
  | { kind: 'all' }
  | { kind: 'prefecture'; prefectureCode: string }
  | { kind: 'unit'; unitCode: string; departmentId: string }
  | { kind: 'none' };

export function jurisdictionOf(principal: Principal | null): Jurisdiction {
  if (!principal?.role) return { kind: 'none' };
  switch (principal.role) {
    case Role.PREFECTURE_SUPERVISOR:
      return { kind: 'prefecture', prefectureCode: principal.unitCode! };
    case Role.AUDITOR:
      return principal.unitCode
        ? { kind: 'prefecture', prefectureCode: principal.unitCode }
        : { kind: 'all' };
    case Role.COUNTY_OPERATOR:
      return { kind: 'unit', unitCode: principal.unitCode!, departmentId: principal.departmentId! };
    default:
      return { kind: 'all' };
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
