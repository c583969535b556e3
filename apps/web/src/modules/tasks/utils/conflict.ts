import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The task as it is now, sent with a CONFLICT (`extensions.details.current`). */
export interface ConflictCurrent {
  rowVersion: number;
  status?: string;
  progressNote: string;
  measures: string;
  dueDate?: string;
  updatedBy?: string;
  /** Who made the current version, by name and office (updatedBy when the server did not say). */
  updatedByLabel?: string;
  updatedAt?: string;
}

/** The current state a stale save ran into, or undefined for any other failure. */
export function conflictCurrentOf(error: unknown): ConflictCurrent | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  for (const e of error.errors) {
    if (e.extensions?.code !== 'CONFLICT') continue;
    const details = e.extensions.details as { current?: Record<string, unknown> } | undefined;
    const current = details?.current;
    if (!current || typeof current.rowVersion !== 'number') continue;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      rowVersion: current.rowVersion,
      status: str(current.status),
      progressNote: str(current.progressNote) ?? '',
      measures: str(current.measures) ?? '',
      dueDate: str(current.dueDate),
      updatedBy: str(current.updatedBy),
      updatedByLabel: str(current.updatedByLabel) ?? str(current.updatedBy),
      updatedAt: str(current.updatedAt),
    };
  }
  return undefined;
}
