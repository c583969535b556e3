import type { RankedUnit, UnitLevel, UnitScoreForRanking } from './types';

const LEVEL_ORDER: ReadonlyArray<UnitLevel> = ['province', 'prefecture', 'county'];

/**
 * Ranks units within each level (province, prefecture, county) using competition ranking:
 * equal scores share a rank and the next rank skips (1, 2, 2, 4). Output is grouped by level in
 * that order, then by score descending, then by code ascending (code-point order), so it is
 * deterministic. Province-administered county-level units should be passed as level 'county'.
 */
export function rankUnits(scores: ReadonlyArray<UnitScoreForRanking>): RankedUnit[] {
  const result: RankedUnit[] = [];
  for (const level of LEVEL_ORDER) {
    const group = scores
      .filter((s) => s.level === level)
      .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    group.forEach((s, i) => {
      const rank = i > 0 && s.score === group[i - 1].score ? result[result.length - 1].rank : i + 1;
      result.push({ code: s.code, level: s.level, score: s.score, rank });
    });
  }
  return result;
}
