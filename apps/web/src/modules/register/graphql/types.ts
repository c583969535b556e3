// The module's names for the generated GraphQL types (`npx graphql-codegen --config codegen.ts`
// from the .graphql files here and the API's schema).
import type {
  RegisterDepartmentKindsQuery,
  RegisterDutyFieldsFragment,
  RegisterRegulationQuery,
  RegisterVersionDiffQuery,
  RegisterVersionQuery,
} from '../../../graphql/generated/graphql';

export type {
  ActorType,
  AdminLevel,
  ArticleChangeKind,
  Modality,
  ReviewDutyInput,
  ReviewState,
} from '../../../graphql/generated/graphql';

export type Regulation = NonNullable<RegisterRegulationQuery['regulation']>;
export type RegulationVersionSummary = Regulation['versions'][number];
export type RegulationText = NonNullable<RegisterVersionQuery['regulationVersion']>;
export type Chapter = RegulationText['chapters'][number];
export type Article = Chapter['articles'][number];
export type Paragraph = Article['paragraphs'][number];
export type Duty = RegisterDutyFieldsFragment;
export type DepartmentKind = RegisterDepartmentKindsQuery['departmentKinds'][number];
export type VersionDiff = RegisterVersionDiffQuery['regulationVersionDiff'];
export type ArticleChange = VersionDiff['changes'][number];

/** The regulation this system tracks. */
export const REGULATION_CODE = 'hubei-quality-promotion';

export const ACTOR_TYPES = [
  'GOVERNMENT',
  'DEPARTMENT',
  'ENTERPRISE',
  'ASSOCIATION',
  'THIRD_PARTY',
  'MEDIA',
  'PUBLIC',
  'CONGRESS',
] as const;
export const MODALITIES = ['MANDATORY', 'DECLARATIVE', 'ENCOURAGED', 'DISCRETIONARY'] as const;
export const ADMIN_LEVELS = ['PROVINCE', 'PREFECTURE', 'COUNTY'] as const;
export const REVIEW_STATES = ['EXTRACTED', 'REVIEWED'] as const;
