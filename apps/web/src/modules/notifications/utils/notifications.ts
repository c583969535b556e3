/** Pure helpers of the notification UI (bell, centre, settings). */

export const NOTIFICATION_KINDS = [
  'TASK_ASSIGNED',
  'TASK_REASSIGNED',
  'TASK_RETURNED',
  'TASK_VERIFIED',
  'EXTENSION_DECIDED',
  'COMMENT',
  'INSTRUCTION',
  'URGING_ISSUED',
  'URGING_ESCALATED',
  'DUE_SOON',
  'OVERDUE',
  'CYCLE_OPENED',
  'CYCLE_CLOSED',
  'BULLETIN_PUBLISHED',
  'APPROVAL_REQUESTED',
  'APPROVAL_DECIDED',
  'ASSESSMENT_PUBLISHED',
  'OBJECTION_FILED',
  'OBJECTION_DECIDED',
] as const;

export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

/** How often the bell asks for the unread count (and again whenever the window gets focus). */
export const UNREAD_POLL_MS = 60_000;

/** The badge text: the count, or 99+. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(Math.max(0, count));
}

/** The tag colour of a kind: red for what is late or urged, orange for returns, blue otherwise. */
export function kindColour(kind: string): string {
  switch (kind) {
    case 'OVERDUE':
    case 'URGING_ESCALATED':
      return 'red';
    case 'URGING_ISSUED':
    case 'TASK_RETURNED':
    case 'DUE_SOON':
      return 'orange';
    case 'INSTRUCTION':
      return 'magenta';
    case 'TASK_VERIFIED':
    case 'APPROVAL_DECIDED':
      return 'green';
    default:
      return 'blue';
  }
}

/** The same check as the server's (local@domain.tld, no spaces, one @). */
export function isValidEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

/** "HH:MM" → minutes after midnight, or null. */
export function parseClock(value: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Whether quiet hours as typed can be saved: both empty (none), or two different valid times
 * (a start after the end spans midnight, e.g. 22:00–07:30).
 */
export function validQuietHours(start: string, end: string): boolean {
  if (start.trim() === '' && end.trim() === '') return true;
  const s = parseClock(start);
  const e = parseClock(end);
  return s !== null && e !== null && s !== e;
}

export interface KindChannels {
  kind: string;
  email: boolean;
  webhook: boolean;
}

/** The channel switches that differ from what was loaded: what the save sends. */
export function changedChannels(
  before: readonly KindChannels[],
  after: readonly KindChannels[],
): Array<{ kind: string; channel: 'EMAIL' | 'WEBHOOK'; enabled: boolean }> {
  const was = new Map(before.map((k) => [k.kind, k]));
  return after.flatMap((k) => {
    const old = was.get(k.kind);
    const changes: Array<{ kind: string; channel: 'EMAIL' | 'WEBHOOK'; enabled: boolean }> = [];
    if (!old || old.email !== k.email)
      changes.push({ kind: k.kind, channel: 'EMAIL', enabled: k.email });
    if (!old || old.webhook !== k.webhook)
      changes.push({ kind: k.kind, channel: 'WEBHOOK', enabled: k.webhook });
    return changes;
  });
}

/** Only the app's own paths are followed from a notification (never another site). */
export function safeLink(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') ? link : '/notifications';
}
