import type { MeasureSpec, MeasureTarget, UnitLevel } from '@duty/assessment/scoring';
import type { MeasureSpecModel, MeasureTargetModel } from './measure.models';

const LEVELS: UnitLevel[] = ['province', 'prefecture', 'county'];

function target(t: MeasureTargetModel): MeasureTarget {
  return t.floor === null || t.floor === undefined
    ? { target: t.target }
    : { target: t.target, floor: t.floor };
}

/** GraphQL input → the plan's stored form (no nulls; levels without a target left out). */
export function measureSpecFromInput(input: MeasureSpecModel): MeasureSpec {
  const levels: MeasureSpec['levels'] = {};
  for (const level of LEVELS) {
    const t = input.levels?.[level];
    if (t) levels[level] = target(t);
  }
  const spec: MeasureSpec = {
    unitOfMeasure: input.unitOfMeasure.normalize('NFC').trim(),
    direction: input.direction,
    scoring: input.scoring,
    levels,
  };
  if (input.overrides?.length) {
    spec.overrides = input.overrides.map((o) => ({ unitCode: o.unitCode.trim(), ...target(o) }));
  }
  if (input.scoring === 'banded') {
    spec.bands = (input.bands ?? []).map((b) => ({
      min: b.min ?? null,
      max: b.max ?? null,
      points: b.points,
    }));
  }
  return spec;
}

/** The plan's stored form → GraphQL. */
export function measureSpecToModel(spec: MeasureSpec): MeasureSpecModel {
  const out = (t: MeasureTarget | undefined) =>
    t ? { target: t.target, floor: t.floor ?? null } : null;
  return {
    unitOfMeasure: spec.unitOfMeasure,
    direction: spec.direction,
    scoring: spec.scoring,
    levels: {
      province: out(spec.levels.province),
      prefecture: out(spec.levels.prefecture),
      county: out(spec.levels.county),
    },
    overrides: (spec.overrides ?? []).map((o) => ({
      unitCode: o.unitCode,
      target: o.target,
      floor: o.floor ?? null,
    })),
    bands: spec.bands ?? [],
  };
}
