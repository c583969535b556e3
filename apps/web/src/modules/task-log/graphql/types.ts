// The module's names for the generated GraphQL types (from the .graphql file here).
import type { TaskLogEventFragment, TaskLogUnitsQuery } from '../../../graphql/generated/graphql';

export type { TaskEventFilterInput } from '../../../graphql/generated/graphql';

export type TaskLogEvent = TaskLogEventFragment;
export type TaskLogUnit = TaskLogUnitsQuery['adminUnits'][number];
