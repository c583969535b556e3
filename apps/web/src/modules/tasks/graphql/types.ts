// The module's names for the generated GraphQL types (from the .graphql files here).
import type {
  TasksDetailFieldsFragment,
  TasksEvidenceFieldsFragment,
  TasksFilterOptionsQuery,
  TasksListRowFragment,
  TasksReturnedQuery,
} from '../../../graphql/generated/graphql';

export type {
  SortDirection,
  TaskFilterInput,
  TaskSort,
  TaskStatus,
} from '../../../graphql/generated/graphql';

export type TaskListRow = TasksListRowFragment;
export type ReturnedTask = TasksReturnedQuery['tasks']['nodes'][number];
export type TaskDetail = TasksDetailFieldsFragment;
export type TaskEvidence = TasksEvidenceFieldsFragment;
export type TaskHistoryEvent = TaskDetail['history'][number];
export type TaskExtensionRequest = TaskDetail['extensionRequests'][number];
export type FilterUnit = NonNullable<TasksFilterOptionsQuery['adminUnits']>[number];
export type DepartmentKindOption = TasksFilterOptionsQuery['departmentKinds'][number];
