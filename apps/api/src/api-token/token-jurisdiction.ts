import type { Jurisdiction } from '../access/jurisdiction';

/** The unit a token is bound to, as read from admin_unit. */
export interface BoundUnit {
  code: string;
  level: string;
  parentCode: string | null;
}

/**
 * The data a token bound to `unit` may read: the unit and every unit under it.
 * - a province (a root: several provinces may share a deployment) is that province's units;
 * - any other unit is that unit with the units directly under it, which for a prefecture is
 *   its whole subtree and for a county-level unit the unit alone. The `prefecture` kind of
 *   jurisdiction is exactly that condition (`code = X OR parent_code = X`), without the
 *   department restriction of a county operator's `unit` kind, which would not fit a machine
 *   reading a county's figures.
 */
export function tokenJurisdiction(unit: BoundUnit): Jurisdiction {
  if (unit.level === 'province' && unit.parentCode === null) {
    return { kind: 'provinces', provinceCodes: [unit.code] };
  }
  return { kind: 'prefecture', prefectureCode: unit.code };
}
