import { fromHundredths, toHundredths } from './hundredths';
import type { AssessmentPlan } from './types';

/** The review stages that score an indicator, earliest first (自评, 市州初审, 省级复核). */
export type ScoringStage = 'self' | 'prefecture' | 'provincial';

/** One indicator's scores at each stage for a unit (null: not scored at that stage). */
export interface StagedIndicatorInput {
  indicatorId: string;
  self: number | null;
  prefecture: number | null;
  provincial: number | null;
}

export interface StagedIndicatorScore {
  indicatorId: string;
  /** The indicator's marks in the plan (the most a stage may give it). */
  planMarks: number;
  /** The stage whose score counts: the latest one that scored the indicator (null: none did). */
  stage: ScoringStage | null;
  /** That stage's score, on the plan-marks scale (0 when no stage scored it). */
  stageScore: number;
  /** Its contribution to the unit's score out of 100 (rescaled over applicable indicators). */
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

const LATEST_FIRST: ScoringStage[] = ['provincial', 'prefecture', 'self'];

/**
 * A unit's score from its staged review: per applicable indicator the latest stage's score
 * (provincial review over the prefecture's preliminary review over the unit's self-assessment),
 * summed and rescaled to 100 over the indicators that apply to the unit — the same rescaling as
 * the task-based score, so that a unit to which every indicator applies gets the plain sum.
 * An applicable indicator no stage scored earns nothing. Sums run in integer hundredths.
 */
export function stagedUnitScore(
  plan: AssessmentPlan,
  applicableIds: readonly string[],
  entries: readonly StagedIndicatorInput[],
): StagedUnitScore {
  const marksOf = indicatorPlanMarks(plan);
  const byId = new Map(entries.map((e) => [e.indicatorId, e]));
  const applicable = plan.indicators.filter((i) => applicableIds.includes(i.id));
  const available = applicable.reduce((acc, i) => acc + (marksOf.get(i.id) ?? 0), 0);
  const scale = available > 0 ? 100 / available : 0;
  let total = 0;
  const indicators: StagedIndicatorScore[] = applicable.map((ind) => {
    const planMarks = marksOf.get(ind.id) ?? 0;
    const entry = byId.get(ind.id);
    const stage = entry ? (LATEST_FIRST.find((s) => entry[s] !== null) ?? null) : null;
    const stageScore = stage && entry ? (entry[stage] as number) : 0;
    if (!Number.isFinite(stageScore) || stageScore < 0 || stageScore > planMarks + 1e-9) {
      throw new RangeError(
        `stagedUnitScore: ${ind.id} ${stage} score ${stageScore} is outside 0..${planMarks}`,
      );
    }
    const earned = toHundredths(stageScore * scale);
    total += earned;
    return { indicatorId: ind.id, planMarks, stage, stageScore, earned: fromHundredths(earned) };
  });
  return { score: fromHundredths(total), indicators };
}
