import type { MeasureSpecInput } from '../../../graphql/generated/graphql';
import type { PlanIndicatorDraft } from './planDraft';

export const MEASURE_LEVELS = ['province', 'prefecture', 'county'] as const;
export type MeasureLevel = (typeof MEASURE_LEVELS)[number];
export const MEASURE_DIRECTIONS = ['higher', 'lower'] as const;
export const MEASURE_SCORINGS = ['threshold', 'linear', 'banded'] as const;
export type MeasureScoring = (typeof MEASURE_SCORINGS)[number];

/** The measured-indicator dialog's fields: empty inputs are null. */
export interface MeasureFormValues {
  name: string;
  chapter: number | null;
  weight: number | null;
  unitOfMeasure: string;
  direction: 'higher' | 'lower';
  scoring: MeasureScoring;
  levels: Record<MeasureLevel, { target: number | null; floor: number | null }>;
  overrides: { unitCode: string; target: number | null; floor: number | null }[];
  bands: { min: number | null; max: number | null; points: number | null }[];
}

export function emptyMeasureForm(chapter: number | null): MeasureFormValues {
  return {
    name: '',
    chapter,
    weight: 1,
    unitOfMeasure: '%',
    direction: 'higher',
    scoring: 'linear',
    levels: {
      province: { target: null, floor: null },
      prefecture: { target: null, floor: null },
      county: { target: null, floor: null },
    },
    overrides: [],
    bands: [],
  };
}

/** The dialog's fields for an indicator of the draft. */
export function measureFormOf(ind: PlanIndicatorDraft): MeasureFormValues {
  const m = ind.measure;
  const base = emptyMeasureForm(ind.chapter);
  if (!m) return { ...base, name: ind.name, weight: ind.weight };
  const level = (l: MeasureLevel) => ({
    target: m.levels[l]?.target ?? null,
    floor: m.levels[l]?.floor ?? null,
  });
  return {
    name: ind.name,
    chapter: ind.chapter,
    weight: ind.weight,
    unitOfMeasure: m.unitOfMeasure,
    direction: m.direction === 'lower' ? 'lower' : 'higher',
    scoring: (MEASURE_SCORINGS as readonly string[]).includes(m.scoring)
      ? (m.scoring as MeasureScoring)
      : 'linear',
    levels: {
      province: level('province'),
      prefecture: level('prefecture'),
      county: level('county'),
    },
    overrides: (m.overrides ?? []).map((o) => ({
      unitCode: o.unitCode,
      target: o.target,
      floor: o.floor ?? null,
    })),
    bands: (m.bands ?? []).map((b) => ({
      min: b.min ?? null,
      max: b.max ?? null,
      points: b.points,
    })),
  };
}

/**
 * The measurement settings of the dialog's fields: a level without a target is left out (not
 * assessed), floors only for linear scoring, the table only for banded scoring. The API checks
 * the rest (floor below target, overlapping rows…) and answers with problem codes.
 */
export function measureSpecOf(v: MeasureFormValues): MeasureSpecInput {
  const linear = v.scoring === 'linear';
  const target = (t: { target: number | null; floor: number | null }) =>
    t.target === null ? null : { target: t.target, floor: linear ? t.floor : null };
  return {
    unitOfMeasure: v.unitOfMeasure.trim(),
    direction: v.direction,
    scoring: v.scoring,
    levels: {
      province: target(v.levels.province),
      prefecture: target(v.levels.prefecture),
      county: target(v.levels.county),
    },
    overrides: v.overrides
      .filter((o) => o.unitCode.trim() !== '' && o.target !== null)
      .map((o) => ({
        unitCode: o.unitCode.trim(),
        target: o.target as number,
        floor: linear ? o.floor : null,
      })),
    bands:
      v.scoring === 'banded'
        ? v.bands.map((b) => ({ min: b.min, max: b.max, points: b.points ?? 0 }))
        : [],
  };
}

/** Whether the fields name a target for at least one level or unit. */
export function hasAnyTarget(v: MeasureFormValues): boolean {
  return (
    MEASURE_LEVELS.some((l) => v.levels[l].target !== null) ||
    v.overrides.some((o) => o.unitCode.trim() !== '' && o.target !== null)
  );
}
