import { gql, type TypedDocumentNode } from '@apollo/client';
import { ADMIN_UNIT_FIELDS, DEPARTMENT_FIELDS } from '../../auth/graphql/fragments';
import type { AdminUnit, Department, Role } from '../../auth/graphql/types';

// Hand-written until GraphQL code generation is set up; mirrors the API's user administration.

export interface UserAccount {
  __typename?: 'UserAccount';
  id: string;
  username: string;
  displayName: string;
  role: Role | null;
  unit: AdminUnit | null;
  department: Department | null;
  disabled: boolean;
  /** ISO 8601; sign-in is refused until then (too many failed attempts). */
  lockedUntil: string | null;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface UserFilterInput {
  search?: string;
  role?: Role;
  disabled?: boolean;
}

export interface PageInput {
  first?: number;
  offset?: number;
}

export const USER_ACCOUNT_FIELDS = gql`
  fragment UserAccountFields on UserAccount {
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
    disabled
    lockedUntil
    mustChangePassword
    lastSignInAt
    createdAt
  }
  ${ADMIN_UNIT_FIELDS}
  ${DEPARTMENT_FIELDS}
`;

export interface UsersQuery {
  users: { __typename?: 'UserPage'; totalCount: number; nodes: UserAccount[] };
}

export interface UsersQueryVariables {
  filter?: UserFilterInput;
  page?: PageInput;
}

/** Named `Users`: the mutations below refetch it by that name. */
export const USERS_QUERY: TypedDocumentNode<UsersQuery, UsersQueryVariables> = gql`
  query Users($filter: UserFilterInput, $page: PageInput) {
    users(filter: $filter, page: $page) {
      totalCount
      nodes {
        ...UserAccountFields
      }
    }
  }
  ${USER_ACCOUNT_FIELDS}
`;

/** A new account or a reset password: the temporary password is shown to the admin once. */
export interface UserWithTemporaryPassword {
  user: UserAccount;
  temporaryPassword: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
}

export interface CreateUserMutation {
  createUser: UserWithTemporaryPassword;
}

export const CREATE_USER_MUTATION: TypedDocumentNode<
  CreateUserMutation,
  { input: CreateUserInput }
> = gql`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        ...UserAccountFields
      }
      temporaryPassword
    }
  }
  ${USER_ACCOUNT_FIELDS}
`;

export interface ResetUserPasswordMutation {
  resetUserPassword: UserWithTemporaryPassword;
}

export const RESET_USER_PASSWORD_MUTATION: TypedDocumentNode<
  ResetUserPasswordMutation,
  { userId: string }
> = gql`
  mutation ResetUserPassword($userId: ID!) {
    resetUserPassword(userId: $userId) {
      user {
        ...UserAccountFields
      }
      temporaryPassword
    }
  }
  ${USER_ACCOUNT_FIELDS}
`;

export interface SetUserDisabledMutation {
  setUserDisabled: UserAccount;
}

export interface SetUserDisabledMutationVariables {
  userId: string;
  disabled: boolean;
  reason?: string | null;
}

export const SET_USER_DISABLED_MUTATION: TypedDocumentNode<
  SetUserDisabledMutation,
  SetUserDisabledMutationVariables
> = gql`
  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!, $reason: String) {
    setUserDisabled(userId: $userId, disabled: $disabled, reason: $reason) {
      ...UserAccountFields
    }
  }
  ${USER_ACCOUNT_FIELDS}
`;

export interface BindRoleInput {
  userId: string;
  role: Role;
  unitCode?: string | null;
  departmentId?: string | null;
}

export interface BindUserRoleMutation {
  bindUserRole: UserAccount;
}

export const BIND_USER_ROLE_MUTATION: TypedDocumentNode<
  BindUserRoleMutation,
  { input: BindRoleInput }
> = gql`
  mutation BindUserRole($input: BindRoleInput!) {
    bindUserRole(input: $input) {
      ...UserAccountFields
    }
  }
  ${USER_ACCOUNT_FIELDS}
`;

export interface UnlockUserMutation {
  unlockUser: UserAccount;
}

export const UNLOCK_USER_MUTATION: TypedDocumentNode<UnlockUserMutation, { userId: string }> = gql`
  mutation UnlockUser($userId: ID!) {
    unlockUser(userId: $userId) {
      ...UserAccountFields
    }
  }
  ${USER_ACCOUNT_FIELDS}
`;
