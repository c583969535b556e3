import type { Cycle } from '../graphql/types';

/**
 * The cycle to show: the one asked for when it exists, else the newest open one, else the
 * newest (the API lists cycles newest first).
 */
export function chooseCycle(
  cycles: readonly Cycle[],
  requestedId: string | null,
): Cycle | undefined {
  const requested = requestedId ? cycles.find((c) => c.id === requestedId) : undefined;
  return requested ?? cycles.find((c) => c.state === 'open') ?? cycles[0];
}
