import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/AppProviders';
import { createApolloClient } from '../graphql/client';
import type { CurrentUser } from '../modules/auth/graphql/types';
import { SignedInUserContext } from '../modules/auth/hooks/signedInUser';

/** Renders a page of the signed-in app for `user`, with a fresh Apollo client. */
export function renderWithUser(page: ReactElement, user: CurrentUser) {
  const client = createApolloClient();
  const result = render(
    <AppProviders client={client}>
      <SignedInUserContext.Provider value={user}>{page}</SignedInUserContext.Provider>
    </AppProviders>,
  );
  return { ...result, client };
}
