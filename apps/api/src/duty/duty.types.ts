/** Shared duty vocabularies (mirrors of @duty/regulation/duties, as stored in the database). */
export const ACTOR_TYPES = [
  'government',
  'department',
  'congress',
  'enterprise',
  'association',
  'third_party',
  'media',
  'public',
] as const;
export const ADMIN_LEVELS = ['province', 'prefecture', 'county'] as const;
export const MODALITIES = ['mandatory', 'encouraged', 'discretionary', 'declarative'] as const;
export const REVIEW_STATES = ['extracted', 'reviewed'] as const;
export const DEPARTMENT_ROLES = ['lead', 'assist'] as const;

export type ReviewState = (typeof REVIEW_STATES)[number];
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

/** SQL list literal for CHECK constraints, e.g. `'a', 'b'`. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
