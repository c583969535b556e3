import { saveBlob } from '../../../utils/saveBlob';
import type { TaskLogEvent } from '../graphql/types';
import { buildCsv } from './csv';

/** Most rows one export collects (100 requests of the API's largest page). */
export const EXPORT_LIMIT = 10_000;
/** The API's largest page of task events. */
export const EXPORT_PAGE_SIZE = 100;

export interface EventPage<T> {
  nodes: readonly T[];
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface CollectedRows<T> {
  nodes: T[];
  /** Rows matching the filter (may exceed what was collected). */
  totalCount: number;
  /** More rows matched than `limit`. */
  truncated: boolean;
}

/**
 * Pages through a cursor-paginated query until the end or `limit` rows, reporting progress
 * after every page. Resolves to undefined when `signal` aborts (checked between pages).
 */
export async function collectPages<T>(
  fetchPage: (after: string | null, first: number) => Promise<EventPage<T>>,
  {
    limit = EXPORT_LIMIT,
    pageSize = EXPORT_PAGE_SIZE,
    signal,
    onProgress,
  }: {
    limit?: number;
    pageSize?: number;
    signal?: AbortSignal;
    onProgress?: (loaded: number, total: number) => void;
  } = {},
): Promise<CollectedRows<T> | undefined> {
  const nodes: T[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    if (signal?.aborted) return undefined;
    const page = await fetchPage(after, Math.min(pageSize, limit - nodes.length));
    if (signal?.aborted) return undefined;
    nodes.push(...page.nodes);
    totalCount = page.totalCount;
    onProgress?.(Math.min(nodes.length, limit), Math.min(totalCount, limit));
    const more = page.pageInfo.hasNextPage && !!page.pageInfo.endCursor;
    if (nodes.length >= limit) {
      return {
        nodes: nodes.slice(0, limit),
        totalCount,
        truncated: more || totalCount > limit || nodes.length > limit,
      };
    }
    // An empty page ends the loop too, whatever the API says.
    if (!more || page.nodes.length === 0) return { nodes, totalCount, truncated: false };
    after = page.pageInfo.endCursor;
  }
}

/** China Standard Time is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as `YYYY-MM-DD HH:mm:ss` in Beijing time (sortable, read by spreadsheets). */
export function shanghaiDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Today (or `now`'s day) in Beijing time, `YYYY-MM-DD`. */
export const shanghaiDate = (now: Date = new Date()) => shanghaiDateTime(now).slice(0, 10);

/** The export's columns, in file order. */
export const TASK_LOG_CSV_COLUMNS = [
  'occurredAt',
  'actor',
  'actorUsername',
  'kind',
  'unitName',
  'unitCode',
  'article',
  'duty',
  'taskStatus',
  'description',
  'reason',
  'ip',
  'taskId',
  'eventId',
  'before',
  'after',
] as const;

export type TaskLogCsvColumn = (typeof TASK_LOG_CSV_COLUMNS)[number];

/** The words of the export, in the UI language. */
export interface TaskLogCsvText {
  header: (column: TaskLogCsvColumn) => string;
  kind: (kind: string) => string;
  status: (status: TaskLogEvent['task']['status']) => string;
  article: (number: number) => string;
  describe: (event: TaskLogEvent) => string;
}

const json = (value: unknown) =>
  value === null || value === undefined ? '' : JSON.stringify(value);

/** The events as a CSV file's text (BOM, header row, one row per event, in the given order). */
export function taskLogCsv(events: readonly TaskLogEvent[], text: TaskLogCsvText): string {
  const cell = (event: TaskLogEvent, column: TaskLogCsvColumn): string => {
    switch (column) {
      case 'occurredAt':
        return shanghaiDateTime(event.occurredAt);
      case 'actor':
        return event.actor?.label ?? event.actorUsername;
      case 'actorUsername':
        // The account, for matching with the security audit log; none for the system.
        return event.actor?.human === false ? '' : event.actorUsername;
      case 'kind':
        return text.kind(event.kind);
      case 'unitName':
        return event.task.unit.name;
      case 'unitCode':
        return event.task.unit.code;
      case 'article':
        return text.article(event.task.article.number);
      case 'duty':
        return event.task.duty.subject;
      case 'taskStatus':
        return text.status(event.task.status);
      case 'description':
        return text.describe(event);
      case 'reason':
        return event.reason ?? '';
      case 'ip':
        return event.ip ?? '';
      case 'taskId':
        return event.task.id;
      case 'eventId':
        return event.id;
      case 'before':
        return json(event.before);
      case 'after':
        return json(event.after);
    }
  };
  return buildCsv(
    TASK_LOG_CSV_COLUMNS.map(text.header),
    events.map((event) => TASK_LOG_CSV_COLUMNS.map((column) => cell(event, column))),
  );
}

/** Hands text to the browser as a UTF-8 file download named `fileName`. */
export function saveTextFile(content: string, fileName: string, type = 'text/csv;charset=utf-8') {
  saveBlob(new Blob([content], { type }), fileName);
}
