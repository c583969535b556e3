/**
 * Pure transformation of a flat list of GB/T 2260-style division codes into administrative
 * unit records (province → prefecture → county). No I/O: the data comes from the caller.
 */

export type UnitLevel = 'province' | 'prefecture' | 'county';

export interface AdminUnitRecord {
  /** 6-digit GB/T 2260 code, e.g. '420102'. */
  code: string;
  /** Official name, e.g. '江岸区', '恩施土家族苗族自治州'. */
  name: string;
  level: UnitLevel;
  /** null for the province; the province for directly-administered county-level units. */
  parentCode: string | null;
  /** true only for county-level units administered directly by the province (省直辖县级行政区划). */
  directlyAdministered: boolean;
  /** 省 | 地级市 | 自治州 | 市辖区 | 县级市 | 县 | 自治县 | 林区 (others elsewhere, e.g. 地区, 旗). */
  kind: string;
  /** 1-based position in code order (the province first). */
  sortOrder: number;
}

/** One row of source data: a 6-digit code and its name, of any level. */
export interface RawDivision {
  code: string;
  name: string;
}

const CODE = /^\d{6}$/;

/** Names of prefecture-level grouping rows that are not units (直辖市 and 省直辖县 groupings). */
const GROUPING_NAMES = new Set(['市辖区', '县', '省直辖县']);

/**
 * A prefecture-level row that only groups county-level units: '市辖区'/'县' under a
 * municipality, or '省直辖县级行政区划' (GB/T 2260 reserves prefecture segment 90 for it).
 */
export function isGroupingEntry(code: string, name: string): boolean {
  return code.slice(2, 4) === '90' || GROUPING_NAMES.has(name) || name.endsWith('直辖县级行政区划');
}

/** The '市辖区' placeholder row a prefecture-level city has in GB/T 2260 (e.g. 420101). */
export function isPlaceholderEntry(name: string): boolean {
  return name === '市辖区';
}

/**
 * County segments 71–80 are used only by the statistical division codes (统计用区划代码) for
 * development zones and similar areas (e.g. 421071 荆州经济技术开发区): not administrative units.
 */
export function isStatisticalZone(code: string): boolean {
  const county = Number(code.slice(4, 6));
  return county >= 71 && county <= 80;
}

const KIND_SUFFIXES: Record<UnitLevel, ReadonlyArray<readonly [string, string]>> = {
  province: [
    ['特别行政区', '特别行政区'],
    ['自治区', '自治区'],
    ['省', '省'],
    ['市', '直辖市'],
  ],
  prefecture: [
    ['自治州', '自治州'],
    ['地区', '地区'],
    ['盟', '盟'],
    ['市', '地级市'],
  ],
  // Longest suffixes first: 林区 and 特区 before 区, 自治县 before 县.
  county: [
    ['林区', '林区'],
    ['特区', '特区'],
    ['自治县', '自治县'],
    ['自治旗', '自治旗'],
    ['县', '县'],
    ['旗', '旗'],
    ['市', '县级市'],
    ['区', '市辖区'],
  ],
};

/** The kind of unit (省, 地级市, 自治州, 市辖区, 县级市, 县, 自治县, 林区, …) from its name; '其他' if unknown. */
export function deriveKind(level: UnitLevel, name: string): string {
  const match = KIND_SUFFIXES[level].find(([suffix]) => name.endsWith(suffix));
  return match ? match[1] : '其他';
}

/** '42' or '420000' → '42'. */
export function provincePrefix(provinceCode: string): string {
  if (!/^\d{2}(0000)?$/.test(provinceCode)) {
    throw new Error(`Invalid province code '${provinceCode}': expected 'NN' or 'NN0000'`);
  }
  return provinceCode.slice(0, 2);
}

/**
 * The administrative units of one province, derived from the code structure (2-digit province,
 * 2-digit prefecture, 2-digit county segment). Grouping rows, '市辖区' placeholders and
 * statistical-only zones are dropped; county-level units under a grouping row (省直辖县级行政区划,
 * or a municipality's 市辖区/县) get the province as parent and `directlyAdministered: true`.
 * The result is sorted by code, so every parent precedes its children.
 */
export function buildProvinceUnits(
  provinceCode: string,
  divisions: readonly RawDivision[],
): AdminUnitRecord[] {
  const prefix = provincePrefix(provinceCode);
  const byCode = new Map<string, RawDivision>();
  for (const division of divisions) {
    if (!CODE.test(division.code)) {
      throw new Error(`Invalid division code '${division.code}' (${division.name})`);
    }
    if (!division.code.startsWith(prefix)) continue;
    const name = division.name.trim();
    if (!name) throw new Error(`Division ${division.code} has an empty name`);
    const seen = byCode.get(division.code);
    if (seen && seen.name !== name) {
      throw new Error(`Division ${division.code} has two names: '${seen.name}', '${name}'`);
    }
    // A repeated row with the same name (e.g. a prefecture-level city without counties that
    // the source also lists as its own county-level row) is the same unit.
    if (!seen) byCode.set(division.code, { code: division.code, name });
  }

  const provinceUnitCode = `${prefix}0000`;
  const province = byCode.get(provinceUnitCode);
  if (!province) throw new Error(`Province ${provinceUnitCode} is missing from the data`);

  const units: Omit<AdminUnitRecord, 'sortOrder'>[] = [
    {
      code: province.code,
      name: province.name,
      level: 'province',
      parentCode: null,
      directlyAdministered: false,
      kind: deriveKind('province', province.name),
    },
  ];

  for (const { code, name } of byCode.values()) {
    if (code === provinceUnitCode) continue;
    if (code.endsWith('00')) {
      if (isGroupingEntry(code, name)) continue;
      units.push({
        code,
        name,
        level: 'prefecture',
        parentCode: provinceUnitCode,
        directlyAdministered: false,
        kind: deriveKind('prefecture', name),
      });
      continue;
    }
    if (isPlaceholderEntry(name) || isStatisticalZone(code)) continue;
    const prefectureCode = `${code.slice(0, 4)}00`;
    const prefecture = byCode.get(prefectureCode);
    const grouped = prefecture
      ? isGroupingEntry(prefecture.code, prefecture.name)
      : isGroupingEntry(prefectureCode, '');
    if (!prefecture && !grouped) {
      throw new Error(`County-level unit ${code} (${name}) has no prefecture ${prefectureCode}`);
    }
    units.push({
      code,
      name,
      level: 'county',
      parentCode: grouped ? provinceUnitCode : prefectureCode,
      directlyAdministered: grouped,
      kind: deriveKind('county', name),
    });
  }

  return units
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((unit, index) => ({ ...unit, sortOrder: index + 1 }));
}
