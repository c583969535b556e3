// The module's names for the generated GraphQL types (`npx graphql-codegen --config codegen.ts`
// from the .graphql files here and the API's schema).
import type {
  AssessmentPlanFieldsFragment,
  AssessmentResultSetsQuery,
  AssessmentScoresQuery,
  AssessmentUnitAdjustmentsQuery,
  AssessmentUnitsQuery,
} from '../../../graphql/generated/graphql';

export type { SaveAssessmentPlanInput } from '../../../graphql/generated/graphql';

export type UnitScore = AssessmentScoresQuery['assessmentScores'][number];
export type AssessmentPlan = AssessmentPlanFieldsFragment;
export type ResultSet = AssessmentResultSetsQuery['assessmentResultSets'][number];
export type UnitAdjustments = AssessmentUnitAdjustmentsQuery['unitAssessment'];
export type Adjustment = UnitAdjustments['adjustments'][number];
export type AssessmentUnit = AssessmentUnitsQuery['adminUnits'][number];

/** Levels the API ranks units at (assessmentScores `level`). */
export const RANK_LEVELS = ['county', 'prefecture', 'province'] as const;
export type RankLevel = (typeof RANK_LEVELS)[number];

/** Kinds of addAssessmentAdjustment. */
export const ADJUSTMENT_KINDS = ['bonus', 'deduction', 'remark'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
