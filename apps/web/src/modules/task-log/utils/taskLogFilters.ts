import type { TaskEventFilterInput } from '../graphql/types';

/**
 * The log's filters as kept in the URL query string, so a filtered log can be linked to and
 * Back restores the previous one: `/task-log?cycleId=…&unitCode=…&kind=…&actor=…&from=…&to=…`.
 * `from` / `to` are calendar days (`YYYY-MM-DD`, Beijing time), both included.
 */
export interface TaskLogFilters {
  cycleId?: string;
  unitCode?: string;
  kind?: string;
  actor?: string;
  from?: string;
  to?: string;
  /** One task's records (a link from elsewhere may set it; there is no field for it). */
  taskId?: string;
}

const text = (value: string | null) => value?.trim() || undefined;

/** `YYYY-MM-DD` naming a real calendar day. */
export function isCalendarDay(value: string | null | undefined): value is string {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Reads the filters from the query string; ignores junk. */
export function parseTaskLogFilters(params: URLSearchParams): TaskLogFilters {
  const unitCode = text(params.get('unitCode'));
  const from = text(params.get('from'));
  const to = text(params.get('to'));
  const filters: TaskLogFilters = {
    cycleId: text(params.get('cycleId')),
    unitCode: unitCode && /^\d{6}$/.test(unitCode) ? unitCode : undefined,
    kind: text(params.get('kind')),
    actor: text(params.get('actor')),
    from: isCalendarDay(from) ? from : undefined,
    to: isCalendarDay(to) ? to : undefined,
    taskId: text(params.get('taskId')),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as TaskLogFilters;
}

/** The query string for `filters` (empty values left out), e.g. `?kind=status`. */
export function taskLogFiltersToSearch(filters: TaskLogFilters): string {
  const params = new URLSearchParams();
  const keys = ['cycleId', 'unitCode', 'kind', 'actor', 'from', 'to', 'taskId'] as const;
  for (const key of keys) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** China Standard Time is UTC+8 all year (no daylight saving time). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant `day` (+ `plusDays`) begins in Beijing time, as an ISO string. */
export function shanghaiDayStart(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + plusDays) - SHANGHAI_OFFSET_MS).toISOString();
}

/**
 * The API's filter for the cycle shown (`cycleId`: the one in the URL when it exists, else the
 * default, see useCycles). Days become instants: `from` the start of the first day, `to` the
 * start of the day after the last (the API's `to` is exclusive).
 */
export function toTaskEventFilter(
  filters: TaskLogFilters,
  cycleId: string | undefined,
): TaskEventFilterInput {
  const input: TaskEventFilterInput = {};
  if (cycleId) input.cycleId = cycleId;
  if (filters.unitCode) input.unitCode = filters.unitCode;
  if (filters.kind) input.kind = filters.kind;
  if (filters.actor) input.actorUsername = filters.actor;
  if (filters.from) input.from = shanghaiDayStart(filters.from);
  if (filters.to) input.to = shanghaiDayStart(filters.to, 1);
  if (filters.taskId) input.taskId = filters.taskId;
  return input;
}
