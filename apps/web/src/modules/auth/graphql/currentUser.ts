import { gql, type TypedDocumentNode } from '@apollo/client';
import { ADMIN_UNIT_FIELDS, DEPARTMENT_FIELDS } from './fragments';
import type { CurrentUser } from './types';

export const CURRENT_USER_FIELDS = gql`
  fragment CurrentUserFields on CurrentUser {
    id
    username
    displayName
    role
    unit {
      ...AdminUnitFields
    }
    department {
      ...DepartmentFields
    }
    mustChangePassword
    sessionExpiresAt
  }
  ${ADMIN_UNIT_FIELDS}
  ${DEPARTMENT_FIELDS}
`;

export interface MeQuery {
  /** Null when not signed in. */
  me: CurrentUser | null;
}

export type MeQueryVariables = Record<string, never>;

/** Named `Me`: the API client refetches it by that name (graphql/client.ts). */
export const ME_QUERY: TypedDocumentNode<MeQuery, MeQueryVariables> = gql`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
  ${CURRENT_USER_FIELDS}
`;

export interface PasswordPolicyQuery {
  /** The password rules in Chinese, for display. */
  passwordPolicy: string;
}

export const PASSWORD_POLICY_QUERY: TypedDocumentNode<
  PasswordPolicyQuery,
  Record<string, never>
> = gql`
  query PasswordPolicy {
    passwordPolicy
  }
`;
