import type { TaskStatus } from '../graphql/types';
import { isTaskStatus } from './taskStatus';

/** The history event kinds the app describes; others are shown by their code. */
export const HISTORY_KINDS = [
  'created',
  'updated',
  'status',
  'extension_requested',
  'extension_decided',
  'contribution',
  'evidence_added',
  'evidence_replaced',
  'evidence_withdrawn',
  'retired',
  'restored',
  'due_date',
  'duty_followed',
  'urging_issued',
  'urging_acknowledged',
  'urging_answered',
] as const;

export type HistoryKind = (typeof HISTORY_KINDS)[number];

export function isHistoryKind(kind: string): kind is HistoryKind {
  return (HISTORY_KINDS as readonly string[]).includes(kind);
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};

const stringField = (value: unknown, key: string): string | undefined => {
  const v = asObject(value)[key];
  return typeof v === 'string' ? v : undefined;
};

interface HistoryEventLike {
  kind: string;
  occurredAt: string;
  actorUsername: string;
  reason: string | null;
  before?: unknown;
  after: unknown;
}

/** The new status of a `status` event. */
export function statusAfter(event: Pick<HistoryEventLike, 'after'>): TaskStatus | undefined {
  const status = stringField(event.after, 'status');
  return status && isTaskStatus(status) ? status : undefined;
}

export function statusBefore(event: Pick<HistoryEventLike, 'before'>): TaskStatus | undefined {
  const status = stringField(event.before, 'status');
  return status && isTaskStatus(status) ? status : undefined;
}

/** The supervisor's latest return of a task, if any (by time, whatever order the list has). */
export function latestReturn<E extends HistoryEventLike>(history: readonly E[]): E | undefined {
  let latest: E | undefined;
  for (const e of history) {
    if (e.kind !== 'status' || statusAfter(e) !== 'RETURNED') continue;
    if (!latest || Date.parse(e.occurredAt) >= Date.parse(latest.occurredAt)) latest = e;
  }
  return latest;
}

/** Which of progress note / measures an `updated` event changed. */
export function changedFields(
  event: Pick<HistoryEventLike, 'after'>,
): Array<'progressNote' | 'measures'> {
  const after = asObject(event.after);
  return (['progressNote', 'measures'] as const).filter((key) => key in after);
}

/** A string value of an event's before/after (file name, due dates, decision…). */
export function eventValue(
  event: Pick<HistoryEventLike, 'before' | 'after'>,
  side: 'before' | 'after',
  key: string,
): string | undefined {
  return stringField(side === 'before' ? event.before : event.after, key);
}
