import { AdminUnitRecord, buildProvinceUnits } from './admin-units';
import { loadChinaDivision } from './china-division';

/** Hubei Province (湖北省). */
export const HUBEI_PROVINCE_CODE = '420000';

/**
 * The administrative units of a province ('42' or '420000') from the pinned data package:
 * the province first, then by code. Each call returns fresh objects.
 */
export function adminUnitsOfProvince(provinceCode: string): AdminUnitRecord[] {
  return buildProvinceUnits(provinceCode, loadChinaDivision());
}

/** Hubei's province, 13 prefecture-level units and its county-level units (incl. 4 省直辖). */
export function hubeiAdminUnits(): AdminUnitRecord[] {
  return adminUnitsOfProvince(HUBEI_PROVINCE_CODE);
}

/** Every province-level unit the pinned data package ships ('110000' … '650000'), by code. */
export function provinceCodesInPackage(): string[] {
  return loadChinaDivision()
    .filter((d) => /^[1-9]\d0000$/.test(d.code))
    .map((d) => d.code)
    .sort();
}

/**
 * The provinces a deployment holds, from configuration: `all`, or codes separated by commas
 * ('42', '420000' or '42,43'). Returns XX0000 codes in order, or throws naming what is wrong
 * (a malformed code, or one the data package does not know).
 */
export function parseProvinceList(value: string): string[] {
  const known = provinceCodesInPackage();
  const text = value.trim();
  if (text.toLowerCase() === 'all') return known;
  const codes = text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((part) => {
      if (!/^[1-9]\d(0000)?$/.test(part)) {
        throw new Error(`'${part}' is not a province code (expected NN or NN0000, e.g. 42)`);
      }
      const code = `${part.slice(0, 2)}0000`;
      if (!known.includes(code)) throw new Error(`no province ${code} in the division data`);
      return code;
    });
  if (codes.length === 0) throw new Error('name at least one province, or all');
  return [...new Set(codes)].sort();
}
