import type { ActorType, AdminLevel, DutyKind, Modality } from '@duty/regulation/duties';

/** Shared duty vocabularies (mirrors of @duty/regulation/duties, as stored in the database). */
export const ACTOR_TYPES = [
  'government',
  'department',
  'congress',
  'judicial',
  'enterprise',
  'association',
  'third_party',
  'media',
  'public',
  'none',
] as const;
/** In this order in `duty.levels` (national bodies first, then the three local levels). */
export const ADMIN_LEVELS = ['national', 'province', 'prefecture', 'county'] as const;
export const MODALITIES = ['mandatory', 'encouraged', 'discretionary', 'declarative'] as const;
export const DUTY_KINDS = [
  'implementation',
  'enforcement',
  'prohibition',
  'definition',
  'purpose',
  'scope',
  'effective_date',
  'liability',
  'other',
] as const;
export const REVIEW_STATES = ['extracted', 'reviewed'] as const;
export const DEPARTMENT_ROLES = ['lead', 'assist'] as const;

export type ReviewState = (typeof REVIEW_STATES)[number];
export type DepartmentRole = (typeof DEPARTMENT_ROLES)[number];

// The lists must name exactly the library's values: a value added there and not here would be
// refused by the CHECK constraints at import, one removed there would linger here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrors: [
  Same<(typeof ACTOR_TYPES)[number], ActorType>,
  Same<(typeof ADMIN_LEVELS)[number], AdminLevel>,
  Same<(typeof MODALITIES)[number], Modality>,
  Same<(typeof DUTY_KINDS)[number], DutyKind>,
] = [true, true, true, true];
void mirrors;

/** SQL list literal for CHECK constraints, e.g. `'a', 'b'`. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}
