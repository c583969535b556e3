import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AssessmentPlanDutiesDocument } from '../../../graphql/generated/graphql';
import type { PlanDuty } from '../utils/planIndicators';
import { useQueryState } from './useQueryState';

/** The API's largest page of duties. */
const PAGE_SIZE = 500;

/**
 * Every duty an indicator of the plan may cover: the tracked government duties of the cycle's
 * regulation version, all pages of them. Not asked for while `skip`.
 */
export function usePlanDuties(regulationVersionId: string, skip: boolean) {
  const { data, loading, error, refetch, fetchMore } = useQuery(AssessmentPlanDutiesDocument, {
    variables: { versionId: regulationVersionId, first: PAGE_SIZE, offset: 0 },
    skip,
    notifyOnNetworkStatusChange: true,
  });
  // The next page asked for (each offset once), and its failure: shown like a failed first
  // page; a retry starts over.
  const requested = useRef<number>(undefined);
  const [pageError, setPageError] = useState<unknown>();
  const state = useQueryState(error ?? pageError, () => {
    setPageError(undefined);
    requested.current = undefined;
    return refetch();
  });
  const loaded = data?.duties.nodes.length ?? 0;
  const more = !!data && loaded < data.duties.totalCount;

  useEffect(() => {
    if (!more || loading || error || pageError || requested.current === loaded) return;
    requested.current = loaded;
    fetchMore({
      variables: { offset: loaded },
      updateQuery: (previous, { fetchMoreResult }) => {
        const nodes = [...previous.duties.nodes, ...fetchMoreResult.duties.nodes];
        // An empty page ends the list even if the total promised more (changed meanwhile).
        const totalCount =
          fetchMoreResult.duties.nodes.length > 0
            ? fetchMoreResult.duties.totalCount
            : nodes.length;
        return { duties: { ...fetchMoreResult.duties, totalCount, nodes } };
      },
    }).catch(setPageError);
  }, [more, loading, error, pageError, loaded, fetchMore]);

  const duties: PlanDuty[] = useMemo(() => data?.duties.nodes ?? [], [data]);
  return { duties, loading: loading || (more && !pageError), ...state };
}
