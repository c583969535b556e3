import { emptyMeasureForm, hasAnyTarget, measureFormOf, measureSpecOf } from './measureForm';

describe('measureForm', () => {
  it('turns the fields into settings: levels without a target left out, floors only when linear', () => {
    const v = emptyMeasureForm(3);
    v.levels.county = { target: 95, floor: 90 };
    v.overrides = [
      { unitCode: ' 422801 ', target: 94, floor: 90 },
      { unitCode: '', target: 1, floor: null },
    ];
    expect(measureSpecOf(v)).toEqual({
      unitOfMeasure: '%',
      direction: 'higher',
      scoring: 'linear',
      levels: { province: null, prefecture: null, county: { target: 95, floor: 90 } },
      overrides: [{ unitCode: '422801', target: 94, floor: 90 }],
      bands: [],
    });
    v.scoring = 'threshold';
    expect(measureSpecOf(v).levels.county).toEqual({ target: 95, floor: null });
  });

  it('keeps the banded table only for banded scoring, and reads settings back', () => {
    const v = emptyMeasureForm(2);
    v.direction = 'lower';
    v.scoring = 'banded';
    v.unitOfMeasure = '天';
    v.levels.county = { target: 5, floor: null };
    v.bands = [
      { min: null, max: 5, points: 10 },
      { min: 5, max: null, points: null },
    ];
    const spec = measureSpecOf(v);
    expect(spec.bands).toEqual([
      { min: null, max: 5, points: 10 },
      { min: 5, max: null, points: 0 },
    ]);
    const back = measureFormOf({
      id: 'm',
      name: '投诉办结时长',
      chapter: 2,
      weight: 10,
      dutyIds: [],
      articles: [],
      kind: 'measure',
      measure: spec,
    });
    expect(back).toMatchObject({ direction: 'lower', scoring: 'banded', unitOfMeasure: '天' });
    expect(back.bands[1]).toEqual({ min: 5, max: null, points: 0 });
    expect(hasAnyTarget(back)).toBe(true);
    expect(hasAnyTarget(emptyMeasureForm(1))).toBe(false);
  });
});
