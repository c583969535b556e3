import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  BindUserRoleDocument,
  CreateUserDocument,
  ResetUserPasswordDocument,
  ResetUserSecondFactorDocument,
  SetExternalIdentityDocument,
  SetUserDisabledDocument,
  UnlockUserDocument,
  UpdateUserProfileDocument,
} from '../../../graphql/generated/graphql';
import type {
  BindRoleInput,
  CreateUserInput,
  SetExternalIdentityInput,
  UpdateUserProfileInput,
  UserAccount,
  UserWithTemporaryPassword,
} from '../graphql/types';

/** After every change the visible user list is asked again (filters and counts may change). */
const REFETCH = { refetchQueries: ['Users'] };

function required<T>(value: T | null | undefined, field: string): T {
  if (value == null) throw new Error(`${field} returned no data`);
  return value;
}

export function useCreateUser() {
  const [mutate, { loading }] = useMutation(CreateUserDocument, REFETCH);
  const createUser = useCallback(
    async (input: CreateUserInput): Promise<UserWithTemporaryPassword> =>
      required((await mutate({ variables: { input } })).data?.createUser, 'createUser'),
    [mutate],
  );
  return { createUser, loading };
}

export function useUpdateUserProfile() {
  const [mutate, { loading }] = useMutation(UpdateUserProfileDocument, REFETCH);
  const updateUserProfile = useCallback(
    async (input: UpdateUserProfileInput): Promise<UserAccount> =>
      required(
        (await mutate({ variables: { input } })).data?.updateUserProfile,
        'updateUserProfile',
      ),
    [mutate],
  );
  return { updateUserProfile, loading };
}

export function useResetUserPassword() {
  const [mutate, { loading }] = useMutation(ResetUserPasswordDocument, REFETCH);
  const resetUserPassword = useCallback(
    async (userId: string): Promise<UserWithTemporaryPassword> =>
      required(
        (await mutate({ variables: { userId } })).data?.resetUserPassword,
        'resetUserPassword',
      ),
    [mutate],
  );
  return { resetUserPassword, loading };
}

export function useSetUserDisabled() {
  const [mutate, { loading }] = useMutation(SetUserDisabledDocument, REFETCH);
  const setUserDisabled = useCallback(
    async (user: UserAccount, disabled: boolean, reason?: string) => {
      await mutate({
        variables: { userId: user.id, disabled, reason: reason || null },
        // Safe to show at once: only the flag changes, and a refusal rolls it back.
        optimisticResponse: { setUserDisabled: { ...user, __typename: 'UserAccount', disabled } },
      });
    },
    [mutate],
  );
  return { setUserDisabled, loading };
}

export function useBindUserRole() {
  const [mutate, { loading }] = useMutation(BindUserRoleDocument, REFETCH);
  const bindUserRole = useCallback(
    async (input: BindRoleInput) => {
      await mutate({ variables: { input } });
    },
    [mutate],
  );
  return { bindUserRole, loading };
}

export function useUnlockUser() {
  const [mutate, { loading }] = useMutation(UnlockUserDocument, REFETCH);
  const unlockUser = useCallback(
    async (user: UserAccount) => {
      await mutate({
        variables: { userId: user.id },
        optimisticResponse: {
          unlockUser: { ...user, __typename: 'UserAccount', lockedUntil: null },
        },
      });
    },
    [mutate],
  );
  return { unlockUser, loading };
}

/** The security administrator clears another account's second factor, with a reason. */
export function useResetUserSecondFactor() {
  const [mutate, { loading }] = useMutation(ResetUserSecondFactorDocument, REFETCH);
  const resetUserSecondFactor = useCallback(
    async (user: UserAccount, reason: string) => {
      await mutate({ variables: { input: { userId: user.id, reason } } });
    },
    [mutate],
  );
  return { resetUserSecondFactor, loading };
}

/** The security administrator binds the account's single sign-on identity and break-glass flag. */
export function useSetExternalIdentity() {
  const [mutate, { loading }] = useMutation(SetExternalIdentityDocument, REFETCH);
  const setExternalIdentity = useCallback(
    async (input: SetExternalIdentityInput): Promise<UserAccount> =>
      required(
        (await mutate({ variables: { input } })).data?.setExternalIdentity,
        'setExternalIdentity',
      ),
    [mutate],
  );
  return { setExternalIdentity, loading };
}
