import type { EvidenceUnitsQuery } from '../../../graphql/generated/graphql';

export type UnitRow = EvidenceUnitsQuery['adminUnits'][number];

export interface UnitOption {
  value: string;
  label: string;
}

export interface UnitOptionGroup {
  label: string;
  options: UnitOption[];
}

/**
 * The units of a jurisdiction for a select: the province (if visible) first, then one group
 * per prefecture (the prefecture as a whole, then its counties), then the units directly
 * administered by the province; by code within each. `wholeLabel` names a prefecture's
 * whole area (e.g. `武汉市（含所辖县市区）`), `ownLabel` the province's own tasks.
 */
export function unitOptionGroups(
  units: readonly UnitRow[],
  labels: {
    wholeLabel: (name: string) => string;
    ownLabel: (name: string) => string;
    provinceGroup: string;
    directGroup: string;
  },
): UnitOptionGroup[] {
  const byCode = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const option = (u: UnitRow): UnitOption => ({ value: u.code, label: `${u.name}（${u.code}）` });
  const groups: UnitOptionGroup[] = [];
  const province = byCode.filter((u) => u.level === 'PROVINCE');
  if (province.length) {
    groups.push({
      label: labels.provinceGroup,
      options: province.map((u) => ({ value: u.code, label: labels.ownLabel(u.name) })),
    });
  }
  const prefectures = byCode.filter((u) => u.level === 'PREFECTURE');
  const prefectureCodes = new Set(prefectures.map((p) => p.code));
  for (const prefecture of prefectures) {
    groups.push({
      label: prefecture.name,
      options: [
        { value: prefecture.code, label: labels.wholeLabel(prefecture.name) },
        ...byCode
          .filter((u) => u.level === 'COUNTY' && u.parentCode === prefecture.code)
          .map(option),
      ],
    });
  }
  const others = byCode.filter(
    (u) => u.level === 'COUNTY' && !(u.parentCode && prefectureCodes.has(u.parentCode)),
  );
  if (others.length) groups.push({ label: labels.directGroup, options: others.map(option) });
  return groups;
}
