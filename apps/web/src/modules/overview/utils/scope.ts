import type { Role } from '../../auth/graphql/types';

/** What part of the province the overview shows. */
export interface OverviewScope {
  /** The prefecture in view (drilled into, or the supervisor's own); null: the whole province. */
  prefectureCode: string | null;
  /** A province-wide user looking at one prefecture (and able to go back). */
  drilled: boolean;
  /** Whether clicking a prefecture drills down into its counties. */
  canDrill: boolean;
}

/**
 * A prefecture supervisor always sees its own prefecture; province-wide users (provincial
 * supervisors, auditors) see the province or the prefecture they drilled into.
 */
export function overviewScope(
  role: Role | null,
  ownUnitCode: string | null,
  requestedPrefecture: string | null,
): OverviewScope {
  if (role === 'PREFECTURE_SUPERVISOR') {
    return { prefectureCode: ownUnitCode, drilled: false, canDrill: false };
  }
  if (requestedPrefecture) {
    return { prefectureCode: requestedPrefecture, drilled: true, canDrill: false };
  }
  return { prefectureCode: null, drilled: false, canDrill: true };
}

/** Whether a unit belongs to the prefecture in view (the prefecture itself or a unit under it). */
export function inPrefecture(
  prefectureCode: string | undefined,
  code: string,
  parentCode: string | null,
): boolean {
  return !prefectureCode || code === prefectureCode || parentCode === prefectureCode;
}
