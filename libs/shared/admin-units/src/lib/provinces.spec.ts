import { adminUnitsOfProvince, parseProvinceList, provinceCodesInPackage } from './provinces';

describe('the provinces a deployment holds', () => {
  it('knows the 31 provincial units of the mainland (and no more than 34 in all)', () => {
    const codes = provinceCodesInPackage();
    expect(codes).toContain('110000'); // 北京市
    expect(codes).toContain('420000'); // 湖北省
    expect(codes).toContain('650000'); // 新疆维吾尔自治区
    expect(codes.length).toBeGreaterThanOrEqual(31);
    expect(codes.length).toBeLessThanOrEqual(34);
    expect(codes.every((c) => /^[1-9]\d0000$/.test(c))).toBe(true);
  });

  it('reads short and long codes, commas (also full-width) and spaces; sorted, without repeats', () => {
    expect(parseProvinceList('42')).toEqual(['420000']);
    expect(parseProvinceList(' 430000, 42，42 ')).toEqual(['420000', '430000']);
    expect(parseProvinceList('ALL')).toEqual(provinceCodesInPackage());
  });

  it.each([
    ['', /at least one/],
    ['4', /not a province code/],
    ['420100', /not a province code/],
    ['99', /no province 990000/],
  ])('refuses %j', (value, message) => {
    expect(() => parseProvinceList(value)).toThrow(message);
  });

  it('builds every configured province with its units under it', () => {
    for (const code of ['430000', '110000']) {
      const units = adminUnitsOfProvince(code);
      expect(units[0]).toMatchObject({ code, level: 'province', parentCode: null });
      expect(units.every((u) => u.code.slice(0, 2) === code.slice(0, 2))).toBe(true);
      expect(units.length).toBeGreaterThan(10);
    }
  });
});
