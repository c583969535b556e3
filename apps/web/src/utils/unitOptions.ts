import type { AdminLevel } from '../graphql/generated/graphql';

export interface UnitRow {
  code: string;
  name: string;
  level: AdminLevel;
  parentCode?: string | null;
}

export interface UnitOption {
  value: string;
  label: string;
}

export interface UnitOptionGroup {
  label: string;
  options: UnitOption[];
}

/**
 * The units of a jurisdiction for a select: the province (if visible and `labels.province`
 * is given) first, then one group per prefecture (the prefecture as a whole, then its
 * counties), then the units directly administered by the province; by code within each.
 * `wholeLabel` names a prefecture's whole area (e.g. `武汉市（含所辖县市区）`),
 * `province.ownLabel` the province's own tasks. Leave `province` out where a province code
 * would not mean “its own tasks” (the task log's unit filter).
 */
export function unitOptionGroups(
  units: readonly UnitRow[],
  labels: {
    wholeLabel: (name: string) => string;
    directGroup: string;
    province?: { group: string; ownLabel: (name: string) => string };
  },
): UnitOptionGroup[] {
  const byCode = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const option = (u: UnitRow): UnitOption => ({ value: u.code, label: `${u.name}（${u.code}）` });
  const groups: UnitOptionGroup[] = [];
  const province = byCode.filter((u) => u.level === 'PROVINCE');
  const provinceLabels = labels.province;
  if (province.length && provinceLabels) {
    groups.push({
      label: provinceLabels.group,
      options: province.map((u) => ({ value: u.code, label: provinceLabels.ownLabel(u.name) })),
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
