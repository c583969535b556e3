import type { AssessmentPlan, Deductions, GradeBand, Indicator, ScoringRules } from './types';

export const DEFAULT_SCORING_RULES: Readonly<ScoringRules> = Object.freeze({
  verified: 1,
  submitted: 0.5,
  returnedOrInProgress: 0.25,
  notStarted: 0,
  overdueAtCycleEnd: 0,
});

export const DEFAULT_DEDUCTIONS: Readonly<Deductions> = Object.freeze({
  perExtensionBeyondFirst: 0.5,
  perReturn: 0.5,
});

export const DEFAULT_BONUS_CAP = 5;

export const DEFAULT_GRADE_BANDS: ReadonlyArray<Readonly<GradeBand>> = Object.freeze([
  Object.freeze({ grade: '优秀', min: 90 }),
  Object.freeze({ grade: '良好', min: 80 }),
  Object.freeze({ grade: '合格', min: 60 }),
  Object.freeze({ grade: '不合格', min: 0 }),
]);

export interface DutyRef {
  id: string;
  chapter: number;
  name: string;
}

/**
 * Equal shares of 100 over `chapters`, in hundredths of a point: every chapter but the last gets
 * floor(10000 / n) hundredths, the last gets the remainder, so the shares sum to exactly 100.
 */
export function equalChapterWeights(chapters: number[]): Record<number, number> {
  const sorted = [...new Set(chapters)].sort((a, b) => a - b);
  const weights: Record<number, number> = {};
  if (sorted.length === 0) return weights;
  const share = Math.floor(10000 / sorted.length);
  sorted.forEach((chapter, i) => {
    const h = i === sorted.length - 1 ? 10000 - share * (sorted.length - 1) : share;
    weights[chapter] = h / 100;
  });
  return weights;
}

/**
 * A plan with one indicator per duty (id and name taken from the duty), all with weight 1, so
 * duties share their chapter's marks equally. Without `chapterWeights`, every chapter that has
 * at least one duty gets an equal share of 100 (see {@link equalChapterWeights}). Supplied
 * weights are used as given; check the result with `validatePlan`.
 */
export function defaultPlan(
  duties: ReadonlyArray<DutyRef>,
  chapterWeights?: Record<number, number>,
): AssessmentPlan {
  const indicators: Indicator[] = duties.map((d) => ({
    id: d.id,
    name: d.name,
    chapter: d.chapter,
    weight: 1,
    dutyIds: [d.id],
  }));
  return {
    chapterWeights: chapterWeights
      ? { ...chapterWeights }
      : equalChapterWeights(duties.map((d) => d.chapter)),
    indicators,
    rules: { ...DEFAULT_SCORING_RULES },
    deductions: { ...DEFAULT_DEDUCTIONS },
    bonusCap: DEFAULT_BONUS_CAP,
    bands: DEFAULT_GRADE_BANDS.map((b) => ({ ...b })),
  };
}
