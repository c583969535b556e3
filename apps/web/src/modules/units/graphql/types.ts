// The app's names for the generated GraphQL types (codegen from the .graphql files here and
// the API's schema).
import type { UnitsAssessmentQuery, UnitsTasksQuery } from '../../../graphql/generated/graphql';

export type UnitAssessment = UnitsAssessmentQuery['unitAssessment'];
export type IndicatorScore = UnitAssessment['breakdown'][number];
export type Adjustment = UnitAssessment['adjustments'][number];
export type Deduction = UnitAssessment['deductions'][number];
export type UnitTask = UnitsTasksQuery['tasks']['nodes'][number];
