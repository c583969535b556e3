import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import { toAppError } from '../../../graphql/errors';
import {
  RegisterArticleRedlineDocument,
  RegisterDepartmentKindsDocument,
  RegisterRegulationDocument,
  RegisterReviewDutyDocument,
  RegisterVersionDiffDocument,
  RegisterVersionDocument,
  RegulationLibraryDocument,
} from '../../../graphql/generated/graphql';
import type { ReviewDutyInput } from '../graphql/types';

function useErrorAndRetry(error: unknown, refetch: () => Promise<unknown>) {
  const appError = useMemo(() => (error ? toAppError(error) : undefined), [error]);
  const retry = useCallback(() => {
    refetch().catch(() => undefined);
  }, [refetch]);
  return { error: appError, retry };
}

/** Every regulation with its latest version's kind, status and counts (the library). */
export function useRegulationLibrary() {
  const { data, loading, error, refetch } = useQuery(RegulationLibraryDocument, {
    notifyOnNetworkStatusChange: true,
  });
  return {
    regulations: data?.regulations ?? [],
    loaded: !!data,
    loading,
    ...useErrorAndRetry(error, refetch),
  };
}

/** A regulation (by its code) and its versions (newest last as the API lists them). */
export function useRegulation(code: string) {
  const { data, loading, error, refetch } = useQuery(RegisterRegulationDocument, {
    variables: { code },
    notifyOnNetworkStatusChange: true,
  });
  return {
    regulation: data?.regulation ?? undefined,
    loaded: !!data,
    loading,
    ...useErrorAndRetry(error, refetch),
  };
}

/** The full text of one version: chapters → articles → paragraphs (items) → duties. */
export function useRegulationText(versionId: string | undefined) {
  const { data, loading, error, refetch } = useQuery(RegisterVersionDocument, {
    variables: { id: versionId ?? '' },
    skip: !versionId,
    notifyOnNetworkStatusChange: true,
  });
  return {
    text: data?.regulationVersion ?? undefined,
    loaded: !!data,
    loading,
    reload: refetch,
    ...useErrorAndRetry(error, refetch),
  };
}

export function useDepartmentKinds() {
  const { data } = useQuery(RegisterDepartmentKindsDocument);
  return data?.departmentKinds ?? [];
}

export function useVersionDiff(versionId: string | undefined) {
  const { data, loading, error, refetch } = useQuery(RegisterVersionDiffDocument, {
    variables: { versionId: versionId ?? '' },
    skip: !versionId,
    notifyOnNetworkStatusChange: true,
  });
  return { diff: data?.regulationVersionDiff, loading, ...useErrorAndRetry(error, refetch) };
}

/** Word-level redline of one article of a version against its source(s) in the previous one. */
export function useArticleRedline(
  versionId: string,
  change: { from: number[]; to: number } | undefined,
) {
  const { data, loading, error, refetch } = useQuery(RegisterArticleRedlineDocument, {
    variables: { versionId, from: change?.from ?? [], to: change?.to ?? 0 },
    skip: !change,
  });
  return { redline: data?.articleRedline, loading, ...useErrorAndRetry(error, refetch) };
}

/** reviewDuty; the answer updates the duty in the cache (it is identified by id). */
export function useReviewDuty() {
  const [mutate, { loading }] = useMutation(RegisterReviewDutyDocument);
  const review = async (input: ReviewDutyInput) => {
    const result = await mutate({ variables: { input } });
    return result.data?.reviewDuty;
  };
  return { review, reviewing: loading };
}
