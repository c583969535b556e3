import { useApolloClient, useMutation } from '@apollo/client/react';
import { ErrorCode } from '@duty/shared/errors';
import { useCallback } from 'react';
import { toAppError } from '../../../graphql/errors';
import { sessionOf } from '../../../graphql/session';
import { ME_QUERY } from '../graphql/currentUser';
import {
  CHANGE_PASSWORD_MUTATION,
  SIGN_IN_MUTATION,
  SIGN_OUT_MUTATION,
  type ChangePasswordInput,
  type SignInInput,
} from '../graphql/session';
import type { CurrentUser } from '../graphql/types';

/** Thrown when sign-in succeeded but the next request is still anonymous (cookie blocked). */
export class SessionNotKeptError extends Error {
  constructor() {
    super('Signed in, but the session cookie was not kept');
    this.name = 'SessionNotKeptError';
  }
}

export interface UseSignInResult {
  /** Rejects with the request's error (see toAppError) or a SessionNotKeptError. */
  signIn: (input: SignInInput) => Promise<void>;
  loading: boolean;
}

export function useSignIn(): UseSignInResult {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SIGN_IN_MUTATION);
  const signIn = useCallback(
    async (input: SignInInput) => {
      await mutate({ variables: { input } });
      sessionOf(client).clear();
      // Nothing of a previous user stays; `me` is asked again, now with the session cookie.
      await client.resetStore();
      if (!client.readQuery({ query: ME_QUERY })?.me) throw new SessionNotKeptError();
    },
    [client, mutate],
  );
  return { signIn, loading };
}

export interface UseSignOutResult {
  signOut: () => Promise<void>;
  loading: boolean;
}

export function useSignOut(): UseSignOutResult {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SIGN_OUT_MUTATION);
  const signOut = useCallback(async () => {
    try {
      await mutate();
    } catch (error) {
      // Already signed out on the server (the session had ended): nothing more to undo.
      if (toAppError(error).code !== ErrorCode.UNAUTHENTICATED) throw error;
    }
    // Drops the user's data; `me` is asked again and is now null.
    await client.resetStore().catch(() => undefined);
  }, [client, mutate]);
  return { signOut, loading };
}

export interface UseChangePasswordResult {
  /** Resolves with the updated user, whose `mustChangePassword` is now false. */
  changePassword: (input: ChangePasswordInput) => Promise<CurrentUser>;
  loading: boolean;
}

export function useChangePassword(): UseChangePasswordResult {
  const [mutate, { loading }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const changePassword = useCallback(
    async (input: ChangePasswordInput) => {
      // The answer updates the cached `me` (same CurrentUser id), which lets the AuthGate in.
      const { data } = await mutate({ variables: { input } });
      if (!data) throw new Error('changePassword returned no data');
      return data.changePassword;
    },
    [mutate],
  );
  return { changePassword, loading };
}
