import { useMemo } from 'react';
import {
  OverviewBehindScheduleDocument,
  OverviewMatrixDocument,
  OverviewOverdueTasksDocument,
  OverviewScoresDocument,
  OverviewSummaryDocument,
  OverviewTrendDocument,
  OverviewUnitAnalyticsDocument,
} from '../../../graphql/generated/graphql';
import { inPrefecture, type OverviewScope } from '../utils/scope';
import { useAppQuery } from './useAppQuery';

/** How many overdue tasks the overview lists (the total links to all of them). */
export const OVERDUE_LIST_SIZE = 10;

export type RankingLevel = 'county' | 'prefecture';

/**
 * Every figure of the overview for one cycle and scope. The API limits each answer to the
 * user's jurisdiction within the cycle's province; the scope narrows it to one prefecture.
 */
export function useOverviewData(cycleId: string, scope: OverviewScope, rankingLevel: RankingLevel) {
  const prefectureCode = scope.prefectureCode ?? undefined;
  const summary = useAppQuery(OverviewSummaryDocument, { cycleId, unitCode: prefectureCode });
  const units = useAppQuery(OverviewUnitAnalyticsDocument, {
    cycleId,
    // The prefecture's units, else the cycle's province's prefectures (and its own units).
    parentCode: prefectureCode ?? scope.provinceCode,
  });
  const matrix = useAppQuery(OverviewMatrixDocument, { cycleId, parentCode: prefectureCode });
  const trend = useAppQuery(OverviewTrendDocument, { cycleId, unitCode: prefectureCode });
  const scores = useAppQuery(OverviewScoresDocument, {
    cycleId,
    level: prefectureCode ? 'county' : rankingLevel,
  });
  const behind = useAppQuery(OverviewBehindScheduleDocument, { cycleId });
  const overdue = useAppQuery(OverviewOverdueTasksDocument, {
    filter: { cycleId, overdue: true, ...(prefectureCode ? { prefectureCode } : {}) },
    first: OVERDUE_LIST_SIZE,
  });

  // Scores and the behind-schedule list come for the whole jurisdiction: keep the scope's units.
  const scopedScores = useMemo(
    () =>
      scores.data && {
        assessmentScores: scores.data.assessmentScores.filter((s) =>
          inPrefecture(prefectureCode, s.unitCode, s.parentCode),
        ),
      },
    [scores.data, prefectureCode],
  );
  const scopedBehind = useMemo(
    () =>
      behind.data && {
        behindSchedule: behind.data.behindSchedule.filter((r) =>
          inPrefecture(prefectureCode, r.unit.code, r.unit.parentCode),
        ),
      },
    [behind.data, prefectureCode],
  );

  return {
    summary,
    units,
    matrix,
    trend,
    scores: { ...scores, data: scopedScores },
    behind: { ...behind, data: scopedBehind },
    overdue,
  };
}
