// The app's names for the generated GraphQL types (`npm run codegen` from the .graphql files
// here and the API's schema).
import type { SecurityAuditLogQuery } from '../../../graphql/generated/graphql';

export type { SecurityAuditFilterInput } from '../../../graphql/generated/graphql';

export type SecurityAuditEntry = SecurityAuditLogQuery['securityAuditLog']['nodes'][number];
