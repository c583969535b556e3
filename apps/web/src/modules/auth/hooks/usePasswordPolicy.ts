import { useQuery } from '@apollo/client/react';
import { PASSWORD_POLICY_QUERY } from '../graphql/currentUser';

/** The server's description of the password rules (Chinese), or undefined while unknown. */
export function usePasswordPolicy(): string | undefined {
  const { data } = useQuery(PASSWORD_POLICY_QUERY);
  return data?.passwordPolicy;
}
