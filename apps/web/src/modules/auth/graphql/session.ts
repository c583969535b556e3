import { gql, type TypedDocumentNode } from '@apollo/client';
import { CURRENT_USER_FIELDS } from './currentUser';
import type { CurrentUser } from './types';

export interface SignInInput {
  username: string;
  password: string;
}

export interface SignInMutation {
  // The server also returns a token; the web app relies on the HttpOnly cookie instead.
  signIn: { user: CurrentUser };
}

export interface SignInMutationVariables {
  input: SignInInput;
}

export const SIGN_IN_MUTATION: TypedDocumentNode<SignInMutation, SignInMutationVariables> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        ...CurrentUserFields
      }
    }
  }
  ${CURRENT_USER_FIELDS}
`;

export interface SignOutMutation {
  signOut: boolean;
}

export const SIGN_OUT_MUTATION: TypedDocumentNode<SignOutMutation, Record<string, never>> = gql`
  mutation SignOut {
    signOut
  }
`;

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export interface ChangePasswordMutation {
  changePassword: CurrentUser;
}

export interface ChangePasswordMutationVariables {
  input: ChangePasswordInput;
}

export const CHANGE_PASSWORD_MUTATION: TypedDocumentNode<
  ChangePasswordMutation,
  ChangePasswordMutationVariables
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ...CurrentUserFields
    }
  }
  ${CURRENT_USER_FIELDS}
`;
