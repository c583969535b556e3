import { createContext, useContext } from 'react';
import type { CurrentUser } from '../graphql/types';

/** The signed-in user, provided by the AuthGate to everything inside the app shell. */
export const SignedInUserContext = createContext<CurrentUser | null>(null);

export function useSignedInUser(): CurrentUser {
  const user = useContext(SignedInUserContext);
  if (!user) throw new Error('useSignedInUser is only available inside the AuthGate');
  return user;
}
