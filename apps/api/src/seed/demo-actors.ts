/**
 * Who the demo history is attributed to (issue 17: people by name and office, not
 * 系统（演示数据）). The demo story is a year of work by people: where the demo seed created an
 * account that would have done a step, the step is that account's; only where no such account
 * exists does it stay with the seed's own name (shown as 系统（演示数据）).
 *
 * Only demo accounts are used: a history made up by the seed is never put under the name of a
 * real person's account.
 */

/** A demo account as the seed reads it from app_user. */
export interface DemoActorAccount {
  username: string;
  role: string | null;
  unitCode: string | null;
  departmentId: string | null;
}

export interface DemoActors {
  /** Opening the cycle, generating its tasks, setting mid-cycle due dates: the province's work. */
  readonly cycle: string;
  /**
   * The operator of the unit's lead department (签收, 开始办理, 上传佐证, 提交核验, 申请延期): the
   * workflow lets only that department's operator do these.
   */
  operator(unitCode: string, leadDepartmentId: string): string;
  /**
   * The supervisor over the unit (核验, 退回, 延期审批): the prefecture's supervisor for a unit
   * under a prefecture that has one, else a provincial supervisor.
   */
  verifier(unit: { code: string; parentCode: string | null }): string;
}

/**
 * The actors for a set of demo accounts. Deterministic: where several accounts could have done
 * a step, the first by username did. `fallback` is the seed's own name.
 */
export function demoActors(accounts: readonly DemoActorAccount[], fallback: string): DemoActors {
  const sorted = [...accounts].sort((a, b) => (a.username < b.username ? -1 : 1));
  const operators = new Map<string, string>();
  const prefectureSupervisors = new Map<string, string>();
  let provincial: string | undefined;
  for (const a of sorted) {
    if (a.role === 'COUNTY_OPERATOR' && a.unitCode && a.departmentId) {
      const key = `${a.unitCode}:${a.departmentId}`;
      if (!operators.has(key)) operators.set(key, a.username);
    } else if (a.role === 'PREFECTURE_SUPERVISOR' && a.unitCode) {
      if (!prefectureSupervisors.has(a.unitCode)) prefectureSupervisors.set(a.unitCode, a.username);
    } else if (a.role === 'PROVINCIAL_SUPERVISOR') {
      provincial ??= a.username;
    }
  }
  const province = provincial ?? fallback;
  return {
    cycle: province,
    operator: (unitCode, leadDepartmentId) =>
      operators.get(`${unitCode}:${leadDepartmentId}`) ?? fallback,
    verifier: (unit) =>
      (unit.parentCode ? prefectureSupervisors.get(unit.parentCode) : undefined) ?? province,
  };
}
