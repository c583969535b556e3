import type { AssessmentUnit } from '../graphql/types';

interface UserLike {
  role: string | null;
  unit: { code: string } | null;
}

/** Who edits the plan and closes or reopens a cycle (the API enforces the same). */
export const isProvincialSupervisor = (user: UserLike) => user.role === 'PROVINCIAL_SUPERVISOR';

/**
 * Whether the user may add or revoke adjustments on `unit`: a provincial supervisor on any
 * unit, a prefecture supervisor on the units under their prefecture (not on the prefecture itself).
 */
export function mayAdjust(
  user: UserLike,
  unit: Pick<AssessmentUnit, 'code' | 'parentCode'>,
): boolean {
  if (user.role === 'PROVINCIAL_SUPERVISOR') return true;
  return user.role === 'PREFECTURE_SUPERVISOR' && !!user.unit && unit.parentCode === user.unit.code;
}
