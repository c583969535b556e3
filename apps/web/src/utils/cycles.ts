/**
 * The cycle a page shows: the one asked for (e.g. `?cycleId=` in the URL) when it exists, else
 * the newest open one, else the newest. The API lists cycles newest first.
 */
export function chooseCycle<C extends { id: string; state: string }>(
  cycles: readonly C[],
  requestedId?: string | null,
): C | undefined {
  const requested = requestedId ? cycles.find((c) => c.id === requestedId) : undefined;
  return requested ?? cycles.find((c) => c.state === 'open') ?? cycles[0];
}
