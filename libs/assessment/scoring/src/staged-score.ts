import { fromHundredths, toHundredths } from './hundredths';
import type { AssessmentPlan, ScoringStage, StagedIndicatorInput } from './types';

export type { ScoringStage, StagedIndicatorInput } from './types';

export interface StagedIndicatorScore {
  indicatorId: string;
  /** The indicator's marks in the plan (the most a stage may give it). */
  planMarks: number;
  /** The stage whose score counts: the latest one that scored the indicator (null: none did). */
  stage: ScoringStage | null;
  /** That stage's score, on the plan-marks scale (0 when no stage scored it). */
  stageScore: number;
  /** Its contribution to the unit's score out of 100 (rescaled), rounded to 2 decimals. */
  earned: number;
}

export interface StagedUnitScore {
  /** Out of 100, two decimals. */
  score: number;
  indicators: StagedIndicatorScore[];
}

/** Each indicator's marks in the plan: chapterWeight × weight / Σ weights of its chapter. */
export function indicatorPlanMarks(plan: AssessmentPlan): Map<string, number> {
  const chapterTotals = new Map<number, number>();
  for (const ind of plan.indicators) {
    chapterTotals.set(ind.chapter, (chapterTotals.get(ind.chapter) ?? 0) + ind.weight);
  }
  return new Map(
    plan.indicators.map((ind) => [
      ind.id,
      ((plan.chapterWeights[ind.chapter] ?? 0) * ind.weight) /
        (chapterTotals.get(ind.chapter) ?? 1),
    ]),
  );
}

const LATEST_FIRST: readonly ScoringStage[] = ['provincial', 'prefecture', 'self'];

/**
 * The stage score that counts for an indicator: the latest stage that scored it (provincial
 * review over the prefecture's preliminary review over the unit's self-assessment), or null
 * when no stage did. A later stage's 0 is a score and wins.
 */
export function countingStage(
  entry: StagedIndicatorInput | undefined,
): { stage: ScoringStage; score: number } | null {
  if (!entry) return null;
  for (const stage of LATEST_FIRST) {
    const score = entry[stage];
    if (score !== null && score !== undefined) return { stage, score };
  }
  return null;
}

/**
 * Checks staged scores against the plan and indexes them by indicator: every stage score of an
 * indicator of the plan must be finite and within 0..planMarks. The upper bound is compared in
 * hundredths, because stages store two decimals: 16.67 is full marks of an indicator worth
 * 16.666…. Entries of indicators the plan does not have are ignored (not indexed).
 *
 * @throws RangeError naming the indicator and stage.
 */
export function indexStagedScores(
  who: string,
  planMarks: ReadonlyMap<string, number>,
  entries: readonly StagedIndicatorInput[],
): Map<string, StagedIndicatorInput> {
  const byId = new Map<string, StagedIndicatorInput>();
  for (const e of entries) {
    const marks = planMarks.get(e.indicatorId);
    if (marks === undefined) continue;
    for (const stage of LATEST_FIRST) {
      const v = e[stage];
      if (v === null || v === undefined) continue;
      if (!Number.isFinite(v) || v < 0 || toHundredths(v) > toHundredths(marks)) {
        throw new RangeError(
          `${who}: ${e.indicatorId} ${stage} score ${v} is outside 0..${fromHundredths(toHundredths(marks))}`,
        );
      }
    }
    byId.set(e.indicatorId, e);
  }
  return byId;
}

/**
 * The part of an indicator's marks a stage score earns: `min(stageScore, planMarks) × scale`,
 * where `scale = 100 / Σ(plan marks of the unit's applicable indicators)` is the rescaling the
 * rule-computed scores get. The min only absorbs the two-decimal rounding of full marks.
 */
export function stageEarned(stageScore: number, planMarks: number, scale: number): number {
  return Math.min(stageScore, planMarks) * scale;
}

/**
 * A unit's base points from its staged review alone: the rule of `scoreUnit` with every
 * indicator's computed figure taken as 0 — per applicable indicator the latest stage's score
 * (see `countingStage`), rescaled to 100 over the indicators that apply to the unit; an
 * applicable indicator no stage scored earns nothing. The sum of the unrounded contributions is
 * rounded once to hundredths, as `scoreUnit` rounds its base points, so for a unit whose
 * indicators are all stage-scored this equals `scoreUnit`'s score before deductions and bonuses.
 * The live and frozen scores use `scoreUnit` (with `UnitInput.staged`); this is a view of its
 * staged part.
 *
 * @throws RangeError on a stage score outside 0..planMarks (see `indexStagedScores`).
 */
export function stagedUnitScore(
  plan: AssessmentPlan,
  applicableIds: readonly string[],
  entries: readonly StagedIndicatorInput[],
): StagedUnitScore {
  const marksOf = indicatorPlanMarks(plan);
  const byId = indexStagedScores('stagedUnitScore', marksOf, entries);
  const wanted = new Set(applicableIds);
  const applicable = plan.indicators.filter((i) => wanted.has(i.id));
  const available = applicable.reduce((acc, i) => acc + (marksOf.get(i.id) ?? 0), 0);
  const scale = available > 0 ? 100 / available : 0;
  let total = 0;
  const indicators: StagedIndicatorScore[] = applicable.map((ind) => {
    const planMarks = marksOf.get(ind.id) ?? 0;
    const counting = countingStage(byId.get(ind.id));
    const stageScore = counting?.score ?? 0;
    const earned = stageEarned(stageScore, planMarks, scale);
    total += earned;
    return {
      indicatorId: ind.id,
      planMarks,
      stage: counting?.stage ?? null,
      stageScore,
      earned: fromHundredths(toHundredths(earned)),
    };
  });
  return { score: fromHundredths(toHundredths(total)), indicators };
}
