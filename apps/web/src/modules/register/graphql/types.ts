// The module's names for the generated GraphQL types (`npx graphql-codegen --config codegen.ts`
// from the .graphql files here and the API's schema).
import type {
  RegisterArticleRedlineQuery,
  RegisterDepartmentKindsQuery,
  RegisterDutyMappingsQuery,
  RegisterDutyFieldsFragment,
  RegisterRegulationQuery,
  RegisterVersionDiffQuery,
  RegisterVersionQuery,
  RegulationLibraryQuery,
} from '../../../graphql/generated/graphql';

export type {
  ActorType,
  AdminLevel,
  ArticleChangeKind,
  DutyKind,
  Modality,
  RedlineOp,
  TextKind,
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
export type LibraryRegulation = RegulationLibraryQuery['regulations'][number];
export type RedlineSegment = RegisterArticleRedlineQuery['articleRedline']['segments'][number];
export type DutyMapping = RegisterDutyMappingsQuery['dutyMappingSuggestions'][number];

export const ACTOR_TYPES = [
  'GOVERNMENT',
  'DEPARTMENT',
  'ENTERPRISE',
  'ASSOCIATION',
  'THIRD_PARTY',
  'MEDIA',
  'PUBLIC',
  'CONGRESS',
  'JUDICIAL',
  'NONE',
] as const;
export const MODALITIES = ['MANDATORY', 'DECLARATIVE', 'ENCOURAGED', 'DISCRETIONARY'] as const;
export const ADMIN_LEVELS = ['NATIONAL', 'PROVINCE', 'PREFECTURE', 'COUNTY'] as const;
/** In the order a reviewer reads a text: duties first, then sanctions, then the formulas. */
export const DUTY_KINDS = [
  'IMPLEMENTATION',
  'ENFORCEMENT',
  'PROHIBITION',
  'LIABILITY',
  'DEFINITION',
  'PURPOSE',
  'SCOPE',
  'EFFECTIVE_DATE',
  'OTHER',
] as const;
export const REVIEW_STATES = ['EXTRACTED', 'REVIEWED'] as const;
