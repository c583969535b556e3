import { useApolloClient, useMutation } from '@apollo/client/react';
import { ErrorCode } from '@duty/shared/errors';
import { useCallback } from 'react';
import { navigate } from '../../../app/navigation';
import { toAppError } from '../../../graphql/errors';
import { sessionOf } from '../../../graphql/session';
import {
  ChangePasswordDocument,
  MeDocument,
  SignInDocument,
  SignOutDocument,
} from '../../../graphql/generated/graphql';
import { helpPath } from '../../help/utils/help';
import type { ChangePasswordInput, CurrentUser, SignInInput } from '../graphql/types';

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
  const [mutate, { loading }] = useMutation(SignInDocument);
  const signIn = useCallback(
    async (input: SignInInput) => {
      await mutate({ variables: { input } });
      sessionOf(client).clear();
      // Nothing of a previous user stays; `me` is asked again, now with the session cookie.
      await client.resetStore();
      if (!client.readQuery({ query: MeDocument })?.me) throw new SessionNotKeptError();
    },
    [client, mutate],
  );
  return { signIn, loading };
}

export interface UseSignOutResult {
  signOut: () => Promise<void>;
  loading: boolean;
}

/** GET: ends the session and, when the provider offers it, the provider's session too. */
export const OIDC_SIGN_OUT_PATH = '/api/auth/oidc/logout';

export function useSignOut(): UseSignOutResult {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(SignOutDocument);
  const signOut = useCallback(async () => {
    // A session opened through the province's identity service is ended there too: the server
    // ends ours, then sends the browser to the provider's sign-out, which comes back to '/'.
    if (client.readQuery({ query: MeDocument })?.me?.singleSignOn) {
      window.location.assign(OIDC_SIGN_OUT_PATH);
      return;
    }
    try {
      await mutate();
    } catch (error) {
      // Already signed out on the server (the session had ended): nothing more to undo.
      if (toAppError(error).code !== ErrorCode.UNAUTHENTICATED) throw error;
    }
    // Signed out at /help, the auth gate would show the public help page: the sign-in page
    // is what someone who has just signed out expects.
    if (window.location.pathname === helpPath(null)) navigate('/');
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
  const [mutate, { loading }] = useMutation(ChangePasswordDocument);
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
