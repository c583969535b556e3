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

export interface Indicator {
  id: string;
  name: string;
  chapter: number;
  /** Relative weight within its chapter (not a percentage). */
  weight: number;
  dutyIds: string[];
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

export interface UnitInput {
  code: string;
  tasks: UnitTask[];
  bonuses: PointsItem[];
  /** Manual deductions (points), e.g. decided by the assessment committee. */
  deductions?: PointsItem[];
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

export interface IndicatorScore {
  indicatorId: string;
  /** Marks available to this unit after rescaling (unrounded). */
  marks: number;
  /** Marks as configured in the plan, before rescaling (unrounded). */
  planMarks: number;
  /** marks × mean task fraction (unrounded). */
  earned: number;
  tasks: TaskScore[];
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
