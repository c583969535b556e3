import { inPrefecture, isPrefectureIn, overviewScope } from './scope';

const HUBEI = '420000';
const HUNAN = '430000';

describe('overviewScope', () => {
  it('keeps a prefecture supervisor in its own prefecture, whatever the URL says', () => {
    expect(
      overviewScope({
        role: 'PREFECTURE_SUPERVISOR',
        ownUnitCode: '422800',
        cycleProvinceCode: HUBEI,
        requestedPrefecture: '420100',
      }),
    ).toEqual({ provinceCode: HUBEI, prefectureCode: '422800', drilled: false, canDrill: false });
  });

  it('keeps a prefecture-level auditor in its prefecture', () => {
    expect(
      overviewScope({
        role: 'AUDITOR',
        ownUnitCode: '430100',
        cycleProvinceCode: HUNAN,
        requestedPrefecture: '430200',
      }),
    ).toEqual({ provinceCode: HUNAN, prefectureCode: '430100', drilled: false, canDrill: false });
  });

  it.each(['PROVINCIAL_SUPERVISOR', 'AUDITOR', 'NATIONAL_SUPERVISOR'] as const)(
    'lets a %s see the cycle’s province or drill into one of its prefectures',
    (role) => {
      const ownUnitCode = role === 'NATIONAL_SUPERVISOR' ? null : HUNAN;
      const scope = (requestedPrefecture: string | null) =>
        overviewScope({ role, ownUnitCode, cycleProvinceCode: HUNAN, requestedPrefecture });
      expect(scope(null)).toEqual({
        provinceCode: HUNAN,
        prefectureCode: null,
        drilled: false,
        canDrill: true,
      });
      expect(scope('430100')).toEqual({
        provinceCode: HUNAN,
        prefectureCode: '430100',
        drilled: true,
        canDrill: false,
      });
      // A prefecture of another province is not part of the cycle: the province instead.
      expect(scope('422800')).toEqual(scope(null));
      // Nor is the province itself, or nonsense.
      expect(scope(HUNAN)).toEqual(scope(null));
      expect(scope('x')).toEqual(scope(null));
    },
  );
});

describe('isPrefectureIn / inPrefecture', () => {
  it('knows the units below a province', () => {
    expect(isPrefectureIn('430100', HUNAN)).toBe(true);
    expect(isPrefectureIn('430102', HUNAN)).toBe(true);
    expect(isPrefectureIn(HUNAN, HUNAN)).toBe(false);
    expect(isPrefectureIn('422800', HUNAN)).toBe(false);
  });

  it('keeps everything for the province, else the prefecture and the units under it', () => {
    expect(inPrefecture(undefined, '420102', '420100')).toBe(true);
    expect(inPrefecture('422800', '422800', '420000')).toBe(true);
    expect(inPrefecture('422800', '422801', '422800')).toBe(true);
    expect(inPrefecture('422800', '420102', '420100')).toBe(false);
  });
});
