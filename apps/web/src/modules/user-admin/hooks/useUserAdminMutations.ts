import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import {
  BIND_USER_ROLE_MUTATION,
  CREATE_USER_MUTATION,
  RESET_USER_PASSWORD_MUTATION,
  SET_USER_DISABLED_MUTATION,
  UNLOCK_USER_MUTATION,
  type BindRoleInput,
  type CreateUserInput,
  type UserAccount,
  type UserWithTemporaryPassword,
} from '../graphql/users';

/** After every change the visible user list is asked again (filters and counts may change). */
const REFETCH = { refetchQueries: ['Users'] };

function required<T>(value: T | null | undefined, field: string): T {
  if (value == null) throw new Error(`${field} returned no data`);
  return value;
}

export function useCreateUser() {
  const [mutate, { loading }] = useMutation(CREATE_USER_MUTATION, REFETCH);
  const createUser = useCallback(
    async (input: CreateUserInput): Promise<UserWithTemporaryPassword> =>
      required((await mutate({ variables: { input } })).data?.createUser, 'createUser'),
    [mutate],
  );
  return { createUser, loading };
}

export function useResetUserPassword() {
  const [mutate, { loading }] = useMutation(RESET_USER_PASSWORD_MUTATION, REFETCH);
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
  const [mutate, { loading }] = useMutation(SET_USER_DISABLED_MUTATION, REFETCH);
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
  const [mutate, { loading }] = useMutation(BIND_USER_ROLE_MUTATION, REFETCH);
  const bindUserRole = useCallback(
    async (input: BindRoleInput) => {
      await mutate({ variables: { input } });
    },
    [mutate],
  );
  return { bindUserRole, loading };
}

export function useUnlockUser() {
  const [mutate, { loading }] = useMutation(UNLOCK_USER_MUTATION, REFETCH);
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
