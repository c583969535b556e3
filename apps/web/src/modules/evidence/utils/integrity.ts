/** `details.evidenceIntegrity` of `/ready`: the last run of the evidence integrity check. */
export type IntegrityStatus =
  | { status: 'not_run' }
  | {
      status: 'ok' | 'problems';
      finishedAt: string;
      /** cli or schedule */
      source?: string;
      checked: number;
      missing: number;
      corrupt: number;
      unreferenced: number;
    };

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** Reads the integrity details out of a `/ready` body; undefined when they are absent. */
export function integrityOf(body: unknown): IntegrityStatus | undefined {
  const details = (body as { details?: { evidenceIntegrity?: unknown } } | null)?.details;
  const run = details?.evidenceIntegrity as Record<string, unknown> | undefined;
  if (!run || typeof run !== 'object') return undefined;
  if (run.status === 'not_run') return { status: 'not_run' };
  if (run.status !== 'ok' && run.status !== 'problems') return undefined;
  return {
    status: run.status,
    finishedAt: typeof run.finishedAt === 'string' ? run.finishedAt : '',
    ...(typeof run.source === 'string' ? { source: run.source } : {}),
    checked: count(run.checked),
    missing: count(run.missing),
    corrupt: count(run.corrupt),
    unreferenced: count(run.unreferenced),
  };
}
