// The app's names for the generated GraphQL types (`npm run codegen` from the .graphql files
// here and the API's schema).
import type { SystemInfoQuery } from '../../../graphql/generated/graphql';

export type { DatabaseMode } from '../../../graphql/generated/graphql';

export type SystemInfo = SystemInfoQuery['systemInfo'];
