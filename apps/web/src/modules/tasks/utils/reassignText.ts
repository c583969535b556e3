/**
 * Pure helpers of 签收 and 转办: the list filter's URL value and what the history events of
 * acknowledgement and reassignment say.
 */

/** `?acknowledged=0` → false (待签收), `1` → true (已签收); anything else: no filter. */
export function parseAcknowledged(value: string | null): boolean | undefined {
  if (value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  return undefined;
}

export function acknowledgedParam(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0';
}

export const ASSIGNMENT_HISTORY_KINDS = [
  'acknowledged',
  'reassigned',
  'reassignment_requested',
  'reassignment_decided',
] as const;
export type AssignmentHistoryKind = (typeof ASSIGNMENT_HISTORY_KINDS)[number];

export const LEAD_CHANGE_VIAS = ['REQUEST', 'DIRECT', 'DUTY_REVIEW', 'REGENERATION'] as const;
export type LeadChangeVia = (typeof LEAD_CHANGE_VIAS)[number];

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
const text = (value: unknown, key: string): string =>
  typeof asObject(value)[key] === 'string' ? (asObject(value)[key] as string) : '';

/** What an acknowledgement/reassignment event says, as data for the translation. */
export type AssignmentHistoryFacts =
  | { kind: 'acknowledged' }
  | { kind: 'reassigned'; from: string; to: string; via: LeadChangeVia | undefined }
  | { kind: 'reassignment_requested'; to: string }
  | { kind: 'reassignment_decided'; approved: boolean; to: string };

/** The facts of one of this feature's history events; undefined for other kinds. */
export function assignmentHistoryFacts(event: {
  kind: string;
  before?: unknown;
  after?: unknown;
}): AssignmentHistoryFacts | undefined {
  switch (event.kind) {
    case 'acknowledged':
      return { kind: 'acknowledged' };
    case 'reassigned': {
      const via = text(event.after, 'via');
      return {
        kind: 'reassigned',
        from: text(event.before, 'leadDepartment'),
        to: text(event.after, 'leadDepartment'),
        via: (LEAD_CHANGE_VIAS as readonly string[]).includes(via)
          ? (via as LeadChangeVia)
          : undefined,
      };
    }
    case 'reassignment_requested':
      return { kind: 'reassignment_requested', to: text(event.after, 'toDepartment') };
    case 'reassignment_decided':
      return {
        kind: 'reassignment_decided',
        approved: text(event.after, 'decision') === 'APPROVED',
        to: text(event.after, 'toDepartment'),
      };
    default:
      return undefined;
  }
}

/** The unacknowledged task ids among `tasks` (the list page's bulk 签收). */
export function unacknowledgedIds(
  tasks: ReadonlyArray<{ id: string; acknowledgedAt?: string | null; retiredAt?: string | null }>,
): string[] {
  return tasks.filter((t) => !t.acknowledgedAt && !t.retiredAt).map((t) => t.id);
}
