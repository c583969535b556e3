import { inPrefecture, overviewScope } from './scope';

describe('overviewScope', () => {
  it('keeps a prefecture supervisor in its own prefecture, whatever the URL says', () => {
    expect(overviewScope('PREFECTURE_SUPERVISOR', '422800', '420100')).toEqual({
      prefectureCode: '422800',
      drilled: false,
      canDrill: false,
    });
  });

  it.each(['PROVINCIAL_SUPERVISOR', 'AUDITOR'] as const)(
    'lets a %s see the province or drill into a prefecture',
    (role) => {
      expect(overviewScope(role, null, null)).toEqual({
        prefectureCode: null,
        drilled: false,
        canDrill: true,
      });
      expect(overviewScope(role, '420000', '422800')).toEqual({
        prefectureCode: '422800',
        drilled: true,
        canDrill: false,
      });
    },
  );
});

describe('inPrefecture', () => {
  it('keeps everything for the province, else the prefecture and the units under it', () => {
    expect(inPrefecture(undefined, '420102', '420100')).toBe(true);
    expect(inPrefecture('422800', '422800', '420000')).toBe(true);
    expect(inPrefecture('422800', '422801', '422800')).toBe(true);
    expect(inPrefecture('422800', '420102', '420100')).toBe(false);
  });
});
