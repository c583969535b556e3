/** Final state of one task at the end of an assessment cycle. */
export type TaskOutcome = 'VERIFIED' | 'SUBMITTED' | 'RETURNED' | 'IN_PROGRESS' | 'NOT_STARTED';

/** Fractions (0..1) of an indicator's marks earned by a task in each outcome. */
export interface ScoringRules {
  verified: number;
  submitted: number;
  returnedOrInProgress: number;
  notStarted: number;
  /** Applies whenever the task was overdue at cycle end, whatever its status. */
  overdueAtCycleEnd: number;
}

/** Rule deductions, in points subtracted from the unit's total. */
export interface Deductions {
  /** Per deadline extension beyond the first one (extensionCount - 1). */
  perExtensionBeyondFirst: number;
  /** Per time the task's submission was returned. */
  perReturn: number;
}

/** A grade is awarded when score >= min; bands are ordered by strictly descending min. */
export interface GradeBand {
  grade: string;
  min: number;
}

/** Which way a measurement improves. */
export type MeasureDirection = 'higher' | 'lower';

/** Target (full points) and floor (nothing below it) of a measurement, in its unit of measure. */
export interface MeasureTarget {
  target: number;
  /** Required by the linear function; threshold and banded tables do not use it. */
  floor?: number;
}

/** A target for one unit that replaces its level's target. */
export interface MeasureOverride extends MeasureTarget {
  unitCode: string;
}

/**
 * One row of a banded table: a value in [min, max) earns `points` (on the indicator's weight
 * scale: points ≤ weight; the share earned is points / weight). `min` or `max` null: unbounded.
 */
export interface MeasureBand {
  min: number | null;
  max: number | null;
  points: number;
}

/**
 * How a measurement becomes a share of the indicator's marks:
 * - `threshold`: all at or better than the target, else nothing;
 * - `linear`: nothing at or worse than the floor, all at or better than the target, in
 *   proportion between them;
 * - `banded`: the row of `bands` the value falls in.
 */
export type MeasureScoringKind = 'threshold' | 'linear' | 'banded';

/** 定量指标: a measured result reported by each unit and scored against a target. */
export interface MeasureSpec {
  /** Unit of measure as shown, e.g. `%`, `项`, `件`. */
  unitOfMeasure: string;
  direction: MeasureDirection;
  scoring: MeasureScoringKind;
  /** Targets per unit level; a unit whose level has none (and no override) is not assessed on it. */
  levels: Partial<Record<UnitLevel, MeasureTarget>>;
  overrides?: MeasureOverride[];
  /** Rows of the banded table (scoring `banded` only). */
  bands?: MeasureBand[];
}

/** Work item (职责类: scored by its duties' tasks) or measurement (定量: scored by a value). */
export type IndicatorKind = 'work' | 'measure';

export interface Indicator {
  id: string;
  name: string;
  chapter: number;
  /** Relative weight within its chapter (not a percentage). */
  weight: number;
  dutyIds: string[];
  /** Absent in plans saved before measurements existed: a work item. */
  kind?: IndicatorKind;
  /** Required when `kind` is `measure`. */
  measure?: MeasureSpec;
}

export interface AssessmentPlan {
  /** Chapter number → marks out of 100; must sum to 100. */
  chapterWeights: Record<number, number>;
  indicators: Indicator[];
  rules: ScoringRules;
  deductions: Deductions;
  /** Maximum total bonus points added to a unit's score. */
  bonusCap: number;
  bands: GradeBand[];
}

export interface PlanProblem {
  /** Stable machine-readable code, e.g. `CHAPTER_WEIGHTS_SUM`. */
  code: string;
  /** Dotted path into the plan, e.g. `indicators.2.chapter`. */
  path: string;
  /** Human-readable message in Chinese. */
  message: string;
}

export interface UnitTask {
  taskId: string;
  dutyId: string;
  status: TaskOutcome;
  /**
   * Past its due date at the end of the cycle and neither submitted nor verified. Only true once
   * the cycle has ended (results frozen at close, or a day after its due date): during the cycle
   * a late task is scored by its status (the API's `computeScores` decides).
   */
  overdueAtCycleEnd: boolean;
  extensionCount: number;
  returnCount: number;
}

export interface PointsItem {
  points: number;
  reason: string;
}

/** A unit's value for one measured indicator: the reviewer's adjusted value wins when present. */
export interface MeasureValue {
  indicatorId: string;
  reported: number | null;
  adjusted: number | null;
}

/** The review stages that score an indicator, earliest first (自评, 市州初审, 省级复核). */
export type ScoringStage = 'self' | 'prefecture' | 'provincial';

/** Where the score that counts for an indicator came from: its rule, or a review stage. */
export type IndicatorSource = 'computed' | ScoringStage;

/**
 * One indicator's scores at each review stage for a unit, on the indicator's plan-marks scale
 * (0..planMarks; null: not scored at that stage).
 */
export interface StagedIndicatorInput {
  indicatorId: string;
  self: number | null;
  prefecture: number | null;
  provincial: number | null;
}

export interface UnitInput {
  code: string;
  /** Needed to find a measured indicator's target (province-administered units: `county`). */
  level?: UnitLevel;
  /** Reported / adjusted values of measured indicators (none: nothing reported). */
  measures?: MeasureValue[];
  tasks: UnitTask[];
  bonuses: PointsItem[];
  /** Manual deductions (points), e.g. decided by the assessment committee. */
  deductions?: PointsItem[];
  /**
   * Staged review scores (自评 / 市州初审 / 省级复核) per indicator. The caller decides which
   * stages count (e.g. self-scores only once handed in) and passes null for the others.
   */
  staged?: StagedIndicatorInput[];
}

/** Name of the rule that produced a task's fraction. */
export type OutcomeRule =
  'verified' | 'submitted' | 'returnedOrInProgress' | 'notStarted' | 'overdue';

export interface TaskScore {
  taskId: string;
  status: TaskOutcome;
  rule: OutcomeRule;
  fraction: number;
}

/** Which rule produced a measured indicator's share. */
export type MeasureRule = 'threshold' | 'linear' | 'banded' | 'missing';

export interface MeasureScore {
  /** The value scored: adjusted if present, else reported; null when nothing was reported. */
  value: number | null;
  source: 'adjusted' | 'reported' | 'none';
  reported: number | null;
  adjusted: number | null;
  target: number;
  floor: number | null;
  /** Where the target came from: the unit's own override or its level. */
  targetFrom: 'override' | 'level';
  rule: MeasureRule;
  /** Row of the banded table the value fell in (null: none, or not banded). */
  band: number | null;
  /** Share of the indicator's marks earned, 0..1 (unrounded). */
  fraction: number;
}

export interface IndicatorScore {
  indicatorId: string;
  kind: IndicatorKind;
  /** Marks available to this unit after rescaling (unrounded). */
  marks: number;
  /** Marks as configured in the plan, before rescaling (unrounded). */
  planMarks: number;
  /**
   * What counts (unrounded): `stageScore × marks / planMarks` when a review stage scored the
   * indicator, else `computedEarned`.
   */
  earned: number;
  /** Which score counts: the latest review stage that scored the indicator, else the rule. */
  stage: IndicatorSource;
  /** The counting stage's score on the plan-marks scale (null when `stage` is `computed`). */
  stageScore: number | null;
  /**
   * The rule's figure (marks × mean task fraction, or marks × measured share; unrounded), shown
   * next to a stage score so a reader sees both.
   */
  computedEarned: number;
  /** Tasks of a work item (empty for a measurement). */
  tasks: TaskScore[];
  /** Present for a measured indicator. */
  measure?: MeasureScore;
}

export interface DeductionItem {
  points: number;
  reason: string;
  taskId?: string;
}

export interface UnitScore {
  code: string;
  /** Final score in [0, 100], rounded to 2 decimals. */
  score: number;
  grade: string;
  breakdown: IndicatorScore[];
  deductions: DeductionItem[];
  bonus: { requested: number; applied: number };
  /** Tasks whose duty belongs to no indicator of the plan; they do not affect the score. */
  ignoredTaskIds: string[];
}

export type UnitLevel = 'province' | 'prefecture' | 'county';

export interface UnitScoreForRanking {
  code: string;
  level: UnitLevel;
  score: number;
}

export interface RankedUnit extends UnitScoreForRanking {
  /** Competition rank within the unit's level (1, 2, 2, 4). */
  rank: number;
}
