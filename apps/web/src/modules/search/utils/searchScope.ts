import type { Role } from '../../auth/graphql/types';

/** What each role may find: administrators see no business data (tasks, units). */
export interface SearchScope {
  tasks: boolean;
  duties: boolean;
  units: boolean;
}

const TASK_ROLES: readonly Role[] = [
  'PROVINCIAL_SUPERVISOR',
  'PREFECTURE_SUPERVISOR',
  'COUNTY_OPERATOR',
  'AUDITOR',
  'NATIONAL_SUPERVISOR',
];

/** An account without a role (not yet bound by the security administrator) finds nothing. */
export function searchScope(role: Role | null): SearchScope {
  const business = role !== null && TASK_ROLES.includes(role);
  return { tasks: business, duties: business || role === 'SYSTEM_ADMIN', units: business };
}

/** Whether the role has anything to search (the header box is shown only then). */
export function canSearch(role: Role | null): boolean {
  const scope = searchScope(role);
  return scope.tasks || scope.duties || scope.units;
}

/** Longest search text (the API's limit for tasks and duties). */
export const MAX_SEARCH_LENGTH = 100;

/** Whitespace-separated terms, as the API reads them. */
export function searchTerms(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** Units whose name holds every term (or whose code is one of them), at most `limit`. */
export function matchUnits<T extends { code: string; name: string }>(
  units: readonly T[],
  text: string,
  limit: number,
): T[] {
  const terms = searchTerms(text);
  if (terms.length === 0) return [];
  return units
    .filter((unit) => terms.every((term) => unit.name.includes(term) || unit.code === term))
    .slice(0, limit);
}

export function searchUrl(text: string): string {
  const q = text.trim();
  return q ? `/search?q=${encodeURIComponent(q)}` : '/search';
}
