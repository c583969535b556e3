import { useQuery } from '@apollo/client/react';
import { PasswordPolicyDocument } from '../../../graphql/generated/graphql';

/** The server's description of the password rules (Chinese), or undefined while unknown. */
export function usePasswordPolicy(): string | undefined {
  const { data } = useQuery(PasswordPolicyDocument);
  return data?.passwordPolicy;
}
