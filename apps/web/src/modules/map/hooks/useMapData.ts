import { useMemo } from 'react';
import {
  MapScoresDocument,
  MapUnitAnalyticsDocument,
  MapUrgingCountsDocument,
} from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { completionBands, scoreBands, urgingBands, type MapMetric } from '../utils/colourBands';
import { mapUnits, type MapUnit } from '../utils/mapUnits';

/**
 * The map's figures: every unit's completion (one query, shared by the province view and the
 * drill-down); scores and urging counts only once the user switches to them. Nothing is asked
 * while `enabled` is false (no map to draw yet).
 */
export function useMapData(cycleId: string, metric: MapMetric, enabled = true) {
  const analytics = useAppQuery(MapUnitAnalyticsDocument, enabled ? { cycleId } : null);
  const scores = useAppQuery(MapScoresDocument, enabled && metric === 'score' ? { cycleId } : null);
  const urging = useAppQuery(
    MapUrgingCountsDocument,
    enabled && metric === 'urging' ? { cycleId } : null,
  );

  const units: MapUnit[] | undefined = useMemo(
    () =>
      analytics.data &&
      mapUnits(
        analytics.data.unitAnalytics,
        scores.data?.assessmentScores,
        urging.data?.urgingCountsByUnit,
      ),
    [analytics.data, scores.data, urging.data],
  );
  const bands = useMemo(() => {
    if (metric === 'score') return scoreBands(scores.data?.assessmentPlan.bands ?? []);
    return metric === 'urging' ? urgingBands() : completionBands();
  }, [metric, scores.data]);

  const metricQuery = metric === 'score' ? scores : metric === 'urging' ? urging : analytics;
  return {
    units,
    bands,
    loading: analytics.loading || metricQuery.loading,
    error: analytics.error ?? metricQuery.error,
    retry: analytics.error ? analytics.retry : metricQuery.retry,
    /** Whether the figures of the chosen metric are there. */
    ready: Boolean(units) && Boolean(metricQuery.data),
  };
}
