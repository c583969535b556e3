import { SelectQueryBuilder } from 'typeorm';
import {
  BindParam,
  jurisdictionOf,
  namedParams,
  provinceOf,
  taskJurisdictionSql,
} from '../access/jurisdiction';
import { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import { TaskCapacities } from './task-workflow';

/**
 * Restricts a query on tasks (alias `t`, joined to its unit as `u`) to the principal's
 * jurisdiction: everything for province-wide roles, a prefecture and its units, or — for a
 * department operator — the tasks of their unit that their department leads or assists.
 */
export function scopeTasks<T extends object>(
  q: SelectQueryBuilder<T>,
  principal: Principal,
): SelectQueryBuilder<T> {
  const { bind, params } = namedParams();
  const condition = taskScopeSql(principal, bind);
  return condition === 'TRUE' ? q : q.andWhere(condition, params);
}

/**
 * The condition of {@link scopeTasks} for a hand-written statement (task `t`, its unit `u`),
 * its values bound by `bind`.
 */
export function taskScopeSql(principal: Principal, bind: BindParam): string {
  const j = jurisdictionOf(principal);
  if (j.kind === 'all') {
    // The administrators see the whole country too, but no business data.
    return principal.role && TASK_READERS.includes(principal.role) ? 'TRUE' : 'FALSE';
  }
  return taskJurisdictionSql(j, bind);
}

/**
 * Restricts a query on tasks (alias `t`, unit `u`) to those the principal may verify or return —
 * the review queue (待核验): the provincial supervisors every unit's, a prefecture's supervisor
 * the units under the prefecture (the prefecture's own tasks go to the province, as in
 * {@link capacitiesOn}); nobody else's.
 */
export function reviewableTasks<T extends object>(
  q: SelectQueryBuilder<T>,
  principal: Principal,
): SelectQueryBuilder<T> {
  if (principal.role === Role.PROVINCIAL_SUPERVISOR && principal.unitCode) {
    return q.andWhere('left(u.code, 2) = left(:reviewerProvince, 2)', {
      reviewerProvince: principal.unitCode,
    });
  }
  if (principal.role === Role.PREFECTURE_SUPERVISOR && principal.unitCode) {
    return q.andWhere('u.parent_code = :reviewerUnit', { reviewerUnit: principal.unitCode });
  }
  return q.andWhere('FALSE');
}

/** Roles that see tasks at all (the administrators do not: no business data). */
export const TASK_READERS: readonly Role[] = [
  Role.PROVINCIAL_SUPERVISOR,
  Role.PREFECTURE_SUPERVISOR,
  Role.COUNTY_OPERATOR,
  Role.AUDITOR,
  Role.NATIONAL_SUPERVISOR,
];

/** What a principal may do on one task they can see. */
export function capacitiesOn(
  principal: Principal,
  task: {
    unitCode: string;
    leadDepartmentId: string;
    unitParentCode: string | null;
    unitLevel: string;
  },
): TaskCapacities {
  const operator =
    principal.role === Role.COUNTY_OPERATOR &&
    principal.unitCode === task.unitCode &&
    principal.departmentId === task.leadDepartmentId;
  // The supervisor of the unit's jurisdiction: the prefecture's supervisor for the units under
  // it, the provincial supervisors of the unit's province for every unit of it (incl.
  // prefectures and directly-administered units) — never another province's.
  const provincial =
    principal.role === Role.PROVINCIAL_SUPERVISOR &&
    !!principal.unitCode &&
    provinceOf(task.unitCode) === principal.unitCode;
  const verifier =
    provincial ||
    (principal.role === Role.PREFECTURE_SUPERVISOR && task.unitParentCode === principal.unitCode);
  return { operator, verifier, provincial };
}
