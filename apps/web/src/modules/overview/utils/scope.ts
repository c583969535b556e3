import type { Role } from '../../auth/graphql/types';
import { isProvinceCode, provinceOf } from './units';

/** What part of the cycle's province the overview shows. */
export interface OverviewScope {
  /** The province in view: the cycle's (or, for a prefecture, the prefecture's province). */
  provinceCode: string;
  /** The prefecture in view (drilled into, or the reader's own); null: the whole province. */
  prefectureCode: string | null;
  /** A province-wide user looking at one prefecture (and able to go back). */
  drilled: boolean;
  /** Whether clicking a prefecture drills down into its counties. */
  canDrill: boolean;
}

export interface OverviewScopeInput {
  role: Role | null;
  /** The code of the unit the user is bound to (a province, prefecture or county), if any. */
  ownUnitCode: string | null;
  /** The cycle's province: every cycle belongs to exactly one. */
  cycleProvinceCode: string;
  /** The prefecture the URL asks for, if any. */
  requestedPrefecture: string | null;
}

/**
 * A prefecture-bound reader (prefecture supervisor, prefecture-level auditor) always sees
 * their own prefecture. Everyone else (provincial and national supervisors, provincial
 * auditors, …) sees the cycle's province, or one of its prefectures they drilled into.
 */
export function overviewScope({
  role,
  ownUnitCode,
  cycleProvinceCode,
  requestedPrefecture,
}: OverviewScopeInput): OverviewScope {
  const prefectureBound =
    role === 'PREFECTURE_SUPERVISOR' ||
    (role === 'AUDITOR' && ownUnitCode !== null && !isProvinceCode(ownUnitCode));
  if (prefectureBound && ownUnitCode) {
    return {
      provinceCode: provinceOf(ownUnitCode),
      prefectureCode: ownUnitCode,
      drilled: false,
      canDrill: false,
    };
  }
  if (requestedPrefecture && isPrefectureIn(requestedPrefecture, cycleProvinceCode)) {
    return {
      provinceCode: cycleProvinceCode,
      prefectureCode: requestedPrefecture,
      drilled: true,
      canDrill: false,
    };
  }
  return { provinceCode: cycleProvinceCode, prefectureCode: null, drilled: false, canDrill: true };
}

/** Whether a code names a unit below the province level of that province. */
export function isPrefectureIn(code: string, province: string): boolean {
  return /^\d{6}$/.test(code) && !isProvinceCode(code) && provinceOf(code) === province;
}

/** Whether a unit belongs to the prefecture in view (the prefecture itself or a unit under it). */
export function inPrefecture(
  prefectureCode: string | undefined,
  code: string,
  parentCode: string | null,
): boolean {
  return !prefectureCode || code === prefectureCode || parentCode === prefectureCode;
}
