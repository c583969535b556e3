import { gql, type TypedDocumentNode } from '@apollo/client';

// Hand-written until GraphQL code generation is set up; mirrors the API's security audit log.

export interface SecurityAuditEntry {
  __typename?: 'SecurityAuditEntry';
  id: string;
  /** ISO 8601 (UTC). */
  occurredAt: string;
  /** Null for anonymous attempts (e.g. a failed sign-in of an unknown user). */
  actorUsername: string | null;
  action: string;
  target: string | null;
  result: string;
  ip: string | null;
  /** Free-form JSON. */
  detail: unknown;
}

export interface SecurityAuditFilterInput {
  action?: string;
  result?: string;
  actorUsername?: string;
  /** ISO 8601. */
  from?: string;
  /** ISO 8601. */
  to?: string;
}

export interface SecurityAuditLogQuery {
  securityAuditLog: {
    __typename?: 'SecurityAuditPage';
    totalCount: number;
    nodes: SecurityAuditEntry[];
  };
}

export interface SecurityAuditLogQueryVariables {
  filter?: SecurityAuditFilterInput;
  page?: { first?: number; offset?: number };
}

export const SECURITY_AUDIT_LOG_QUERY: TypedDocumentNode<
  SecurityAuditLogQuery,
  SecurityAuditLogQueryVariables
> = gql`
  query SecurityAuditLog($filter: SecurityAuditFilterInput, $page: PageInput) {
    securityAuditLog(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        occurredAt
        actorUsername
        action
        target
        result
        ip
        detail
      }
    }
  }
`;
