import type { SortDirection, TaskFilterInput, TaskSort, TaskStatus } from '../graphql/types';
import { isTaskStatus } from './taskStatus';
import { acknowledgedParam, parseAcknowledged } from './reassignText';

/** The list's filters, as kept in the URL query string (so a link can open a filtered list). */
export interface TaskListFilters {
  cycleId?: string;
  unitCode?: string;
  prefectureCode?: string;
  statuses: TaskStatus[];
  overdue: boolean;
  /** 签收: false = 待签收 only, true = acknowledged only. */
  acknowledged?: boolean;
  chapterNumber?: number;
  articleNumber?: number;
  departmentKindCode?: string;
  search?: string;
  /** Due strictly after / before these days (YYYY-MM-DD), e.g. the workbench's “due within 14 days”. */
  dueAfter?: string;
  dueBefore?: string;
  /** Absent: by due date (the API's default). */
  sort?: TaskSort;
  /** Absent: ascending. */
  direction?: SortDirection;
  /** 1-based page number; absent: the first. */
  page?: number;
  /** Rows per page; absent: {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number;
}

export const TASK_SORTS: readonly TaskSort[] = [
  'DUE_DATE',
  'ARTICLE',
  'STATUS',
  'UNIT',
  'UPDATED_AT',
];
const isSort = (value: string | null): value is TaskSort =>
  !!value && (TASK_SORTS as readonly string[]).includes(value);

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** The API serves rows up to this offset (page-number paging). */
export const MAX_TASK_OFFSET = 100_000;

export const EMPTY_FILTERS: TaskListFilters = { statuses: [], overdue: false };

const text = (value: string | null) => value?.trim() || undefined;

/** A YYYY-MM-DD day, else undefined. */
function day(value: string | null): string | undefined {
  const v = value?.trim();
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n > 0 ? n : undefined;
}

/** Reads the filters from `?cycleId=…&status=SUBMITTED,RETURNED&overdue=1…`; ignores junk. */
export function parseTaskFilters(params: URLSearchParams): TaskListFilters {
  const statuses = (params.get('status') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(isTaskStatus);
  const overdue = params.get('overdue');
  const sort = params.get('sort');
  const size = positiveInt(params.get('size'));
  return {
    cycleId: text(params.get('cycleId')),
    unitCode: text(params.get('unitCode')),
    prefectureCode: text(params.get('prefectureCode')),
    statuses: [...new Set(statuses)],
    overdue: overdue === '1' || overdue === 'true',
    acknowledged: parseAcknowledged(params.get('acknowledged')),
    chapterNumber: positiveInt(params.get('chapterNumber')),
    articleNumber: positiveInt(params.get('articleNumber')),
    departmentKindCode: text(params.get('departmentKindCode')),
    search: text(params.get('search')),
    dueAfter: day(params.get('dueAfter')),
    dueBefore: day(params.get('dueBefore')),
    sort: isSort(sort) ? sort : undefined,
    direction: params.get('dir')?.trim().toLowerCase() === 'desc' ? 'DESC' : undefined,
    page: positiveInt(params.get('page')),
    pageSize: size && (PAGE_SIZES as readonly number[]).includes(size) ? size : undefined,
  };
}

/** The row offset of the filters' page, within what the API serves. */
export function pageOffset(filters: TaskListFilters): number {
  const size = filters.pageSize ?? DEFAULT_PAGE_SIZE;
  return Math.min(((filters.page ?? 1) - 1) * size, MAX_TASK_OFFSET);
}

/** The query string for `filters` (empty values left out), e.g. `?status=RETURNED`. */
export function taskFiltersToSearch(filters: TaskListFilters): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  put('cycleId', filters.cycleId);
  put('prefectureCode', filters.prefectureCode);
  put('unitCode', filters.unitCode);
  if (filters.statuses.length) params.set('status', filters.statuses.join(','));
  if (filters.overdue) params.set('overdue', '1');
  put('acknowledged', acknowledgedParam(filters.acknowledged));
  put('chapterNumber', filters.chapterNumber);
  put('articleNumber', filters.articleNumber);
  put('departmentKindCode', filters.departmentKindCode);
  put('search', filters.search?.trim());
  put('dueAfter', filters.dueAfter);
  put('dueBefore', filters.dueBefore);
  if (filters.sort && filters.sort !== 'DUE_DATE') params.set('sort', filters.sort);
  if (filters.direction === 'DESC') params.set('dir', 'desc');
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) {
    params.set('size', String(filters.pageSize));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The API's TaskFilterInput for the cycle shown (`cycleId`: the one in the filters when it
 * exists, else the default, see useCycles).
 */
export function toTaskFilterInput(
  filters: TaskListFilters,
  cycleId: string | undefined,
): TaskFilterInput {
  const input: TaskFilterInput = {};
  if (cycleId) input.cycleId = cycleId;
  if (filters.unitCode) input.unitCode = filters.unitCode;
  else if (filters.prefectureCode) input.prefectureCode = filters.prefectureCode;
  if (filters.statuses.length) input.statuses = filters.statuses;
  if (filters.overdue) input.overdue = true;
  if (filters.acknowledged !== undefined) input.acknowledged = filters.acknowledged;
  if (filters.chapterNumber) input.chapterNumber = filters.chapterNumber;
  if (filters.articleNumber) input.articleNumber = filters.articleNumber;
  if (filters.departmentKindCode) input.departmentKindCode = filters.departmentKindCode;
  if (filters.search) input.search = filters.search;
  if (filters.dueAfter) input.dueAfter = filters.dueAfter;
  if (filters.dueBefore) input.dueBefore = filters.dueBefore;
  return input;
}
