import type { AssessmentCycle } from '../graphql/types';

/** The cycle shown first: the one in the URL if known, else the newest open one, else the newest. */
export function chooseCycleId(
  cycles: readonly Pick<AssessmentCycle, 'id' | 'state'>[],
  requested: string | null,
): string | undefined {
  if (requested && cycles.some((c) => c.id === requested)) return requested;
  // `cycles` come newest first from the API.
  return (cycles.find((c) => c.state === 'open') ?? cycles[0])?.id;
}

export const isOpen = (cycle: Pick<AssessmentCycle, 'state'> | undefined) =>
  cycle?.state === 'open';

/** `/api/assessment/ranking.xlsx?cycleId=&level=` */
export function rankingXlsxUrl(cycleId: string, level: string): string {
  return `/api/assessment/ranking.xlsx?${new URLSearchParams({ cycleId, level }).toString()}`;
}
