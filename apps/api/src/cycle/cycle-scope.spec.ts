import { Jurisdiction } from '../access/jurisdiction';
import {
  cycleInJurisdiction,
  cycleJurisdictionSql,
  provincesOfJurisdiction,
  regulationInJurisdiction,
  regulationJurisdictionSql,
} from './cycle-scope';

const positional = () => {
  const params: unknown[] = [];
  return {
    params,
    bind: (_name: string, value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
};

describe('cycles and regulations by province', () => {
  const all: Jurisdiction = { kind: 'all' };
  const hubei: Jurisdiction = { kind: 'provinces', provinceCodes: ['420000'] };
  const two: Jurisdiction = { kind: 'provinces', provinceCodes: ['420000', '430000'] };
  const enshi: Jurisdiction = { kind: 'prefecture', prefectureCode: '422800' };
  const furong: Jurisdiction = { kind: 'unit', unitCode: '430102', departmentId: 'd' };
  const none: Jurisdiction = { kind: 'none' };

  it('a jurisdiction sees the cycles of its provinces (a prefecture or unit: its own province)', () => {
    expect(provincesOfJurisdiction(all)).toBeNull();
    expect(provincesOfJurisdiction(two)).toEqual(['420000', '430000']);
    expect(provincesOfJurisdiction(enshi)).toEqual(['420000']);
    expect(provincesOfJurisdiction(furong)).toEqual(['430000']);
    expect(provincesOfJurisdiction(none)).toEqual([]);
    expect(cycleInJurisdiction(hubei, { provinceCode: '430000' })).toBe(false);
    expect(cycleInJurisdiction(furong, { provinceCode: '430000' })).toBe(true);
    expect(cycleInJurisdiction(all, { provinceCode: '430000' })).toBe(true);
    expect(cycleInJurisdiction(none, { provinceCode: '420000' })).toBe(false);
  });

  it('national regulations are everyone’s, a province’s only its own', () => {
    expect(regulationInJurisdiction(hubei, { ownerProvinceCode: null })).toBe(true);
    expect(regulationInJurisdiction(hubei, { ownerProvinceCode: '430000' })).toBe(false);
    expect(regulationInJurisdiction(furong, { ownerProvinceCode: '430000' })).toBe(true);
    expect(regulationInJurisdiction(all, { ownerProvinceCode: '430000' })).toBe(true);
    expect(regulationInJurisdiction(none, { ownerProvinceCode: null })).toBe(false);
  });

  it('writes the same rules as SQL, values bound', () => {
    const one = positional();
    expect(cycleJurisdictionSql(hubei, 'c', one.bind)).toBe('c.province_code = $1');
    expect(one.params).toEqual(['420000']);
    const many = positional();
    expect(regulationJurisdictionSql(two, 'r', many.bind)).toBe(
      '(r.owner_province_code IS NULL OR r.owner_province_code = ANY($1::text[]))',
    );
    expect(many.params).toEqual([['420000', '430000']]);
    expect(cycleJurisdictionSql(all, 'c', positional().bind)).toBe('TRUE');
    expect(cycleJurisdictionSql(none, 'c', positional().bind)).toBe('FALSE');
    expect(regulationJurisdictionSql(none, 'r', positional().bind)).toBe('FALSE');
  });
});
