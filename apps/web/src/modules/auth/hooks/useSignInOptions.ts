import { useQuery } from '@apollo/client/react';
import { SignInOptionsDocument, type SignInOptionsQuery } from '../../../graphql/generated/graphql';

export type SignInOptions = SignInOptionsQuery['signInOptions'];

/**
 * How people may sign in (single sign-on button, password for break-glass only). Until it
 * answers, or when it fails, the page offers the password form alone, as before.
 */
export function useSignInOptions(): SignInOptions | null {
  const { data } = useQuery(SignInOptionsDocument, { fetchPolicy: 'cache-first' });
  return data?.signInOptions ?? null;
}
