import type { Cycle } from '../../../hooks/useCycles';

export const isOpen = (cycle: Pick<Cycle, 'state'> | undefined) => cycle?.state === 'open';

/** `/api/assessment/results.docx|xlsx?cycleId=&level=`: the level's 考核结果表 for filing. */
export function resultTableUrl(cycleId: string, level: string, format: 'docx' | 'xlsx'): string {
  return `/api/assessment/results.${format}?${new URLSearchParams({ cycleId, level }).toString()}`;
}

/** `/api/assessment/ranking.xlsx?cycleId=&level=` */
export function rankingXlsxUrl(cycleId: string, level: string): string {
  return `/api/assessment/ranking.xlsx?${new URLSearchParams({ cycleId, level }).toString()}`;
}

/** `/api/assessment/result-set.json?cycleId=&version=`: the frozen result set, signed by the server. */
export function resultSetUrl(cycleId: string, version: number): string {
  const query = new URLSearchParams({ cycleId, version: String(version) });
  return `/api/assessment/result-set.json?${query.toString()}`;
}

/** Where the server publishes the public keys that verify signed packs and result sets. */
export const SIGNING_KEYS_URL = '/.well-known/duty-signing-keys.json';
