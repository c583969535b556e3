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
 * SQL condition on a unit code column: true for units inside the jurisdiction. `alias` is the
 * admin_unit alias to test (the unit itself, joined by the caller). Parameters are named so
 * the condition can join any query builder.
 */
export function unitScopeSql(
  jurisdiction: Jurisdiction,
  alias: string,
): { sql: string; params: Record<string, string> } {
  switch (jurisdiction.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'none':
      return { sql: 'FALSE', params: {} };
    case 'prefecture':
      return {
        sql: `(${alias}.code = :scopePrefecture OR ${alias}.parent_code = :scopePrefecture)`,
        params: { scopePrefecture: jurisdiction.prefectureCode },
      };
    case 'unit':
      return { sql: `${alias}.code = :scopeUnit`, params: { scopeUnit: jurisdiction.unitCode } };
  }
}

/** Outside the jurisdiction answers exactly like a missing row: no data, no confirmation it exists. */
export function notFound(what = '数据'): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `未找到该${what}，或不在您的辖区内。`);
}
