import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  RegisterDecideDutyMappingDocument,
  RegisterDutyMappingsDocument,
} from '../../../graphql/generated/graphql';
import type { DutyMapping } from '../graphql/types';

/** Every mapping suggestion of a version (all statuses; the list filters them). */
export function useDutyMappings(versionId: string | undefined) {
  const { data, loading, error, refetch } = useQuery(RegisterDutyMappingsDocument, {
    variables: { versionId: versionId ?? '' },
    skip: !versionId,
    notifyOnNetworkStatusChange: true,
  });
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const reload = useCallback(() => refetch().then(() => undefined), [refetch]);
  return {
    mappings: data?.dutyMappingSuggestions,
    loading,
    error: appError,
    reload,
  };
}

/**
 * decideDutyMapping, all or nothing. A confirmation may close other suggestions of the same
 * duties, and changes the library's pending count: both lists are fetched again.
 */
export function useDecideDutyMapping() {
  const [mutate, { loading }] = useMutation(RegisterDecideDutyMappingDocument, {
    refetchQueries: ['RegisterDutyMappings', 'RegulationLibrary'],
    awaitRefetchQueries: true,
  });
  const decide = async (
    decision: 'CONFIRM' | 'REJECT',
    suggestions: readonly Pick<DutyMapping, 'id' | 'rowVersion'>[],
    reason?: string,
  ) => {
    const result = await mutate({
      variables: {
        input: {
          decision,
          reason,
          suggestions: suggestions.map((s) => ({
            suggestionId: s.id,
            expectedRowVersion: s.rowVersion,
          })),
        },
      },
    });
    return result.data?.decideDutyMapping ?? [];
  };
  return { decide, deciding: loading };
}
