import type { UnitAnalyticsRow } from '../graphql/types';

/** Hubei (GB/T 2260): the root of the province-wide views. */
export const PROVINCE_CODE = '420000';

/**
 * Whether a GB/T 2260 code names a prefecture-level unit (…00 but not the province …0000).
 * For the chapter matrix, whose cells carry no level.
 */
export function isPrefectureCode(code: string): boolean {
  return /^\d{4}00$/.test(code) && !code.endsWith('0000');
}

export interface UnitFigures {
  tasks: number;
  verified: number;
  overdue: number;
  evidenceCount: number;
  completionRate: number;
}

/** A prefecture's figures with the units under it; any other unit's own figures. */
export function unitFigures(row: UnitAnalyticsRow): UnitFigures {
  const source = row.withChildren ?? row;
  return {
    tasks: source.tasks,
    verified: source.verified,
    overdue: source.overdue,
    evidenceCount: source.evidenceCount,
    completionRate: source.completionRate,
  };
}
