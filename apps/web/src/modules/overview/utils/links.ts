import type { TaskStatus } from '../graphql/types';

/** The query keys the task list (`/tasks`) reads. */
export interface TaskListQuery {
  cycleId?: string;
  unitCode?: string;
  /** A prefecture and the units under it. */
  prefectureCode?: string;
  statuses?: readonly TaskStatus[];
  overdue?: boolean;
  chapterNumber?: number;
  articleNumber?: number;
  departmentKindCode?: string;
  search?: string;
}

/** Tasks not yet verified: what is still open for a unit. */
export const UNFINISHED_STATUSES: readonly TaskStatus[] = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'RETURNED',
  'SUBMITTED',
];

/** `/tasks?…` with the given filter; empty values are left out. */
export function tasksPath(query: TaskListQuery): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  set('cycleId', query.cycleId);
  set('unitCode', query.unitCode);
  set('prefectureCode', query.prefectureCode);
  if (query.statuses?.length) params.set('status', query.statuses.join(','));
  if (query.overdue) params.set('overdue', 'true');
  set('chapterNumber', query.chapterNumber);
  set('articleNumber', query.articleNumber);
  set('departmentKindCode', query.departmentKindCode);
  set('search', query.search);
  const search = params.toString();
  return search ? `/tasks?${search}` : '/tasks';
}

/** The unit page of `code` for a cycle. */
export function unitPath(code: string, cycleId?: string): string {
  const path = `/units/${encodeURIComponent(code)}`;
  return cycleId ? `${path}?cycleId=${encodeURIComponent(cycleId)}` : path;
}

/** `/overview` for a cycle, optionally drilled down into one prefecture. */
export function overviewPath(cycleId: string | undefined, prefectureCode?: string): string {
  const params = new URLSearchParams();
  if (cycleId) params.set('cycleId', cycleId);
  if (prefectureCode) params.set('prefectureCode', prefectureCode);
  const search = params.toString();
  return search ? `/overview?${search}` : '/overview';
}

/**
 * The task filter for the tasks "of" a unit as the analytics count them: a prefecture's
 * figures include the units under it, any other unit's are its own.
 */
export function unitTaskScope(
  code: string,
  isPrefecture: boolean,
): Pick<TaskListQuery, 'unitCode' | 'prefectureCode'> {
  return isPrefecture ? { prefectureCode: code } : { unitCode: code };
}
