import type { Cycle } from '../../../hooks/useCycles';

export const isOpen = (cycle: Pick<Cycle, 'state'> | undefined) => cycle?.state === 'open';

/** `/api/assessment/ranking.xlsx?cycleId=&level=` */
export function rankingXlsxUrl(cycleId: string, level: string): string {
  return `/api/assessment/ranking.xlsx?${new URLSearchParams({ cycleId, level }).toString()}`;
}
