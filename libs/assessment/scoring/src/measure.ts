import { toHundredths } from './hundredths';
import type { MeasureBand, MeasureRule, MeasureSpec, MeasureTarget, UnitLevel } from './types';

/** Measurement values are kept to 4 decimals (e.g. 96.125 %), compared as integers. */
const VALUE_SCALE = 10_000;

/**
 * A measurement value as integer ten-thousandths (half away from zero, after normalising float
 * noise to 12 significant digits like {@link toHundredths}), so comparisons with a target are
 * exact: 0.1 + 0.2 reported against a target of 0.3 meets it.
 */
export function toValueUnits(x: number): number {
  const scaled = Number((x * VALUE_SCALE).toPrecision(12));
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return rounded === 0 ? 0 : rounded;
}

/** A value rounded to the 4 decimals a measurement keeps. */
export function roundValue(x: number): number {
  return toValueUnits(x) / VALUE_SCALE;
}

export interface ResolvedTarget {
  target: number;
  floor: number | null;
  from: 'override' | 'level';
}

/**
 * The target that applies to a unit: its own override if the plan has one, else its level's;
 * null when neither exists (the indicator does not apply to the unit).
 */
export function measureTargetFor(
  spec: MeasureSpec,
  unitCode: string,
  level: UnitLevel | undefined,
): ResolvedTarget | null {
  const override = spec.overrides?.find((o) => o.unitCode === unitCode);
  if (override) return resolved(override, 'override');
  const byLevel: MeasureTarget | undefined = level ? spec.levels[level] : undefined;
  return byLevel ? resolved(byLevel, 'level') : null;
}

function resolved(t: MeasureTarget, from: 'override' | 'level'): ResolvedTarget {
  return { target: t.target, floor: t.floor ?? null, from };
}

/** The row of a banded table a value falls in: min ≤ value < max (null bounds are open). */
export function bandIndexOf(bands: ReadonlyArray<MeasureBand>, value: number): number | null {
  const v = toValueUnits(value);
  const i = bands.findIndex(
    (b) =>
      (b.min === null || v >= toValueUnits(b.min)) && (b.max === null || v < toValueUnits(b.max)),
  );
  return i < 0 ? null : i;
}

/**
 * The share (0..1) of a measured indicator's marks that a value earns.
 *
 * - threshold: 1 when the value is at or better than the target (≥ for `higher`, ≤ for `lower`),
 *   else 0;
 * - linear: 1 at or better than the target, 0 at or worse than the floor, in between
 *   `(value − floor) / (target − floor)` — for `lower` the same formula, floor above target;
 * - banded: `points / weight` of the row the value falls in (0 when it falls in none).
 *
 * Values, targets and floors are compared and subtracted as integer ten-thousandths and band
 * points divided as integer hundredths, so the share is an exact ratio of integers.
 */
export function measureShare(
  spec: MeasureSpec,
  weight: number,
  target: ResolvedTarget,
  value: number,
): { rule: Exclude<MeasureRule, 'missing'>; band: number | null; fraction: number } {
  const v = toValueUnits(value);
  const t = toValueUnits(target.target);
  const better = (a: number, b: number) => (spec.direction === 'higher' ? a >= b : a <= b);
  switch (spec.scoring) {
    case 'threshold':
      return { rule: 'threshold', band: null, fraction: better(v, t) ? 1 : 0 };
    case 'linear': {
      if (target.floor === null) throw new RangeError('measureShare: linear scoring needs a floor');
      const f = toValueUnits(target.floor);
      if (better(v, t)) return { rule: 'linear', band: null, fraction: 1 };
      if (better(f, v)) return { rule: 'linear', band: null, fraction: 0 };
      // v lies strictly between floor and target; the sign of both differences is the same.
      return { rule: 'linear', band: null, fraction: (v - f) / (t - f) };
    }
    case 'banded': {
      const bands = spec.bands ?? [];
      const band = bandIndexOf(bands, value);
      const weightH = toHundredths(weight);
      const fraction =
        band === null || weightH <= 0 ? 0 : toHundredths(bands[band].points) / weightH;
      return { rule: 'banded', band, fraction };
    }
  }
}
