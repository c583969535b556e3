import type { TaskLogUnit } from '../graphql/types';

export interface UnitChoice {
  value: string;
  label: string;
}

export interface UnitChoiceGroup {
  label: string;
  options: UnitChoice[];
}

/**
 * The unit filter's choices: one group per prefecture (the prefecture with its counties,
 * then each county), then the county-level units directly under the province; by code.
 * The province itself is left out: the API reads a province code as the province and the
 * units directly under it, not as the province's own tasks, and no choice already means the
 * whole jurisdiction.
 */
export function unitChoiceGroups(
  units: readonly TaskLogUnit[],
  labels: {
    /** A prefecture with its counties, e.g. `恩施土家族苗族自治州（含所辖县市区）`. */
    whole: (unit: TaskLogUnit) => string;
    /** One county-level unit, e.g. `恩施市（422801）`. */
    one: (unit: TaskLogUnit) => string;
    directGroup: string;
  },
): UnitChoiceGroup[] {
  const byCode = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const one = (u: TaskLogUnit): UnitChoice => ({ value: u.code, label: labels.one(u) });
  const prefectures = byCode.filter((u) => u.level === 'PREFECTURE');
  const prefectureCodes = new Set(prefectures.map((p) => p.code));
  const groups: UnitChoiceGroup[] = prefectures.map((prefecture) => ({
    label: prefecture.name,
    options: [
      { value: prefecture.code, label: labels.whole(prefecture) },
      ...byCode.filter((u) => u.level === 'COUNTY' && u.parentCode === prefecture.code).map(one),
    ],
  }));
  const direct = byCode.filter(
    (u) => u.level === 'COUNTY' && !(u.parentCode && prefectureCodes.has(u.parentCode)),
  );
  if (direct.length) groups.push({ label: labels.directGroup, options: direct.map(one) });
  return groups;
}
