import {
  AssessmentPlan,
  IndicatorSource,
  indicatorPlanMarks,
  measureTargetFor,
  round2,
  ScoringStage,
  UnitLevel,
  UnitScore,
} from '@duty/assessment/scoring';
import { ErrorCode } from '@duty/shared/errors';
import { jurisdictionOf, unitInJurisdiction } from '../../access/jurisdiction';
import { Principal } from '../../auth/principal';
import { Role } from '../../auth/role';
import { AppError } from '../../graphql/app-error';
import {
  AssessmentScoreChange,
  AssessmentStage,
  AssessmentStageEntry,
  AssessmentStageUnit,
} from './assessment-stage.entities';

/*
 * The rules of the staged assessment that need no database: who may do what, scores, limits.
 */

export const MAX_NARRATIVE = 2000;
export const MAX_TEXT = 500;
export const MAX_EVIDENCE = 20;

export interface ScopedUnit {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  parentLevel: UnitLevel | null;
}

/** One applicable indicator of a unit with its stage scores. */
export interface UnitStageIndicator {
  indicatorId: string;
  name: string;
  chapter: number;
  kind: 'work' | 'measure';
  planMarks: number;
  entry: AssessmentStageEntry | null;
}

/** One indicator's counting figure in the unit's live score. */
export interface StageFinalIndicator {
  indicatorId: string;
  /** The stage whose score counts (null: none scored it, the computed figure counts). */
  stage: ScoringStage | null;
  source: IndicatorSource;
  /** Contribution to the unit's score out of 100, two decimals. */
  earned: number;
  /** The computed figure (tasks or measured value) next to it, two decimals. */
  computedEarned: number;
}

/** The unit's live score as the stage pages show it: the same figure as the assessment scores. */
export interface StageFinal {
  score: number;
  indicators: StageFinalIndicator[];
}

export interface UnitStageView {
  unit: ScopedUnit;
  state: AssessmentStageUnit | null;
  indicators: UnitStageIndicator[];
  final: StageFinal;
  changes: AssessmentScoreChange[];
  /** The unit's evidence of the cycle that may be attached, and any attached one since withdrawn. */
  evidence: StageEvidenceFile[];
  /** When the self-assessment is due now (the window's close, or a return's correction due). */
  dueAt: Date | null;
  canEditSelf: boolean;
  canPreliminaryReview: boolean;
  canProvincialReview: boolean;
}

export interface StageEvidenceFile {
  id: string;
  fileName: string;
  documentNumber: string | null;
  /** Withdrawn after it was attached: kept on record, no longer choosable. */
  withdrawn: boolean;
}

export interface StageUnitSummary {
  unit: ScopedUnit;
  state: AssessmentStageUnit | null;
  final: StageFinal;
}

export type Problem = { code: string; path: string; message: string };

export function invalid(code: string, message: string, path = ''): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, {
    problems: [{ code, path, message }],
  });
}

export const STAGE_ZH: Record<AssessmentStage, string> = {
  SELF_ASSESSMENT: '自评',
  PREFECTURE_REVIEW: '市州初审',
  PROVINCIAL_REVIEW: '省级复核',
  ONSITE_VERIFICATION: '实地核查',
  PUBLICATION: '公示',
  OBJECTION: '异议',
  FINAL: '终审',
};

/**
 * The indicators that apply to a unit: a work item when the unit has a task for one of its
 * duties in the cycle, a measurement when the unit (or its level) has a target.
 */
export function applicableIndicators(
  plan: AssessmentPlan,
  unit: Pick<ScopedUnit, 'code' | 'level'>,
  duties: Set<string>,
): Omit<UnitStageIndicator, 'entry'>[] {
  const marks = indicatorPlanMarks(plan);
  return plan.indicators
    .filter((i) =>
      i.kind === 'measure' && i.measure
        ? !!measureTargetFor(i.measure, unit.code, unit.level)
        : i.dutyIds.some((d) => duties.has(d)),
    )
    .map((i) => ({
      indicatorId: i.id,
      name: i.name,
      chapter: i.chapter,
      kind: i.kind === 'measure' ? 'measure' : 'work',
      planMarks: marks.get(i.id) ?? 0,
    }));
}

/**
 * The figure the stage pages show is the unit's live score (`liveUnitScores`, the rule of the
 * assessment scores and of the frozen results: stage scores merged into `scoreUnit`, deductions
 * and bonuses after), so there is one rule. A unit with nothing to score has 0 and no indicator.
 */
export function finalOf(score: UnitScore | undefined): StageFinal {
  if (!score) return { score: 0, indicators: [] };
  return {
    score: score.score,
    indicators: score.breakdown.map((b) => ({
      indicatorId: b.indicatorId,
      stage: b.stage === 'computed' ? null : b.stage,
      source: b.stage,
      earned: round2(b.earned),
      computedEarned: round2(b.computedEarned),
    })),
  };
}

/** A score on the indicator's plan-marks scale, 0..marks, two decimals; as numeric text. */
export function checkScore(score: number, marks: number, path: string): string {
  const rounded = Math.round(score * 100) / 100;
  if (!Number.isFinite(score) || rounded < 0 || rounded > Math.round(marks * 100) / 100) {
    throw invalid(
      'SCORE_OUT_OF_RANGE',
      `分数须在 0 到 ${Math.round(marks * 100) / 100} 分之间。`,
      path,
    );
  }
  return rounded.toFixed(2);
}

/** Only the unit's own operators write its self-assessment. */
export function maySelfAssess(principal: Principal, unit: ScopedUnit): boolean {
  return principal.role === Role.COUNTY_OPERATOR && principal.unitCode === unit.code;
}

/**
 * The preliminary review (初审) belongs to the unit's prefecture supervisor; for units directly
 * under the province (the prefectures themselves, the province-administered counties) to the
 * provincial supervisor. Nobody reviews their own unit.
 */
export function mayPreliminaryReview(principal: Principal, unit: ScopedUnit): boolean {
  if (principal.role === Role.PREFECTURE_SUPERVISOR) {
    return !!principal.unitCode && unit.parentCode === principal.unitCode;
  }
  return principal.role === Role.PROVINCIAL_SUPERVISOR && unit.parentLevel === 'province';
}

export function inJurisdiction(principal: Principal, unit: ScopedUnit): boolean {
  return unitInJurisdiction(jurisdictionOf(principal), unit);
}
