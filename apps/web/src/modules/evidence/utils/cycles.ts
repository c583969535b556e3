/** The cycle to show first: the newest open one (cycles come newest first), else the newest. */
export function defaultCycleId(
  cycles: readonly { id: string; state: string }[],
  preferred?: string | null,
): string | undefined {
  if (preferred && cycles.some((c) => c.id === preferred)) return preferred;
  return (cycles.find((c) => c.state === 'open') ?? cycles[0])?.id;
}
