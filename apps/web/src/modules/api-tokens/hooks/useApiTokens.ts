import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  ApiTokensDocument,
  ApiTokenUnitsDocument,
  IssueApiTokenDocument,
  RevokeApiTokenDocument,
  type ApiTokenFieldsFragment,
  type ApiTokenUnitsQuery,
  type IssueApiTokenInput,
} from '../../../graphql/generated/graphql';

export type ApiTokenRow = ApiTokenFieldsFragment;
export type TokenUnit = ApiTokenUnitsQuery['adminUnits'][number];

const NONE: never[] = [];

/** The tokens, and issue / revoke (the list is refetched after each). */
export function useApiTokens() {
  const { data, loading, error, refetch } = useQuery(ApiTokensDocument, {
    notifyOnNetworkStatusChange: true,
  });
  const [issueMutation, issuing] = useMutation(IssueApiTokenDocument, {
    refetchQueries: [ApiTokensDocument],
  });
  const [revokeMutation] = useMutation(RevokeApiTokenDocument);
  const appError: AppError | undefined = useMemo(
    () => (error ? toAppError(error) : undefined),
    [error],
  );
  const issue = useCallback(
    async (input: IssueApiTokenInput) => {
      const result = await issueMutation({ variables: { input } });
      return result.data!.issueApiToken;
    },
    [issueMutation],
  );
  const revoke = useCallback(
    async (id: string) => (await revokeMutation({ variables: { id } })).data!.revokeApiToken,
    [revokeMutation],
  );
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    tokens: data?.apiTokens ?? NONE,
    loading,
    error: appError,
    retry,
    issue,
    issuing: issuing.loading,
    revoke,
  };
}

/** Every unit, for the binding: the province first, each prefecture followed by its units. */
export function useTokenUnits(skip: boolean): { units: TokenUnit[]; loading: boolean } {
  const { data, loading } = useQuery(ApiTokenUnitsDocument, { skip });
  const units = useMemo(() => orderUnits(data?.adminUnits ?? NONE), [data]);
  return { units, loading };
}

/** Depth-first by code: a parent before its children. */
export function orderUnits(units: readonly TokenUnit[]): TokenUnit[] {
  const children = new Map<string | null, TokenUnit[]>();
  const codes = new Set(units.map((u) => u.code));
  for (const unit of units) {
    const parent = unit.parentCode && codes.has(unit.parentCode) ? unit.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: TokenUnit[] = [];
  const walk = (parent: string | null) => {
    for (const unit of [...(children.get(parent) ?? [])].sort((a, b) =>
      a.code.localeCompare(b.code),
    )) {
      out.push(unit);
      walk(unit.code);
    }
  };
  walk(null);
  return out;
}
