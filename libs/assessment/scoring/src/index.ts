export type {
  AssessmentPlan,
  DeductionItem,
  Deductions,
  GradeBand,
  Indicator,
  IndicatorScore,
  IndicatorSource,
  OutcomeRule,
  PlanProblem,
  PointsItem,
  RankedUnit,
  ScoringRules,
  TaskOutcome,
  TaskScore,
  UnitInput,
  UnitLevel,
  UnitScore,
  UnitScoreForRanking,
  UnitTask,
} from './types';
export {
  DEFAULT_BONUS_CAP,
  DEFAULT_DEDUCTIONS,
  DEFAULT_GRADE_BANDS,
  DEFAULT_SCORING_RULES,
  defaultPlan,
  equalChapterWeights,
} from './plan';
export type { DutyRef } from './plan';
export { MEASURE_PROBLEM_CODES, PLAN_PROBLEM_CODES, validatePlan } from './validate-plan';
export type { PlanProblemCode } from './validate-plan';
export { scoreUnit } from './score-unit';
export { gradeOf } from './grade';
export { rankUnits } from './rank-units';
export type {
  IndicatorKind,
  MeasureBand,
  MeasureDirection,
  MeasureOverride,
  MeasureRule,
  MeasureScore,
  MeasureScoringKind,
  MeasureSpec,
  MeasureTarget,
  MeasureValue,
} from './types';
export { bandIndexOf, measureShare, measureTargetFor, roundValue, toValueUnits } from './measure';
export type { ResolvedTarget } from './measure';
export {
  countingStage,
  indexStagedScores,
  indicatorPlanMarks,
  stageEarned,
  stagedUnitScore,
} from './staged-score';
export type {
  ScoringStage,
  StagedIndicatorInput,
  StagedIndicatorScore,
  StagedUnitScore,
} from './staged-score';
export { fromHundredths, round2, toHundredths } from './hundredths';
