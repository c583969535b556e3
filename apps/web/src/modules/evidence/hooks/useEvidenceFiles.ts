import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError, type AppError } from '../../../graphql/errors';
import {
  EvidenceFilesDocument,
  type EvidenceFileFieldsFragment,
  type EvidenceFilterInput,
} from '../../../graphql/generated/graphql';

/** One page of the explorer, newest first (the API's order); always asks the server. */
export function useEvidenceFiles(
  filter: EvidenceFilterInput,
  page: { first: number; offset: number },
  { skip = false }: { skip?: boolean } = {},
): {
  files: EvidenceFileFieldsFragment[];
  totalCount: number;
  loading: boolean;
  error: AppError | undefined;
  retry: () => void;
} {
  const { data, previousData, loading, error, refetch } = useQuery(EvidenceFilesDocument, {
    variables: { filter, first: page.first, offset: page.offset },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
    skip,
  });
  const shown = data ?? previousData;
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return {
    files: shown?.evidenceFiles.nodes ?? [],
    totalCount: shown?.evidenceFiles.totalCount ?? 0,
    loading,
    error: appError,
    retry,
  };
}
