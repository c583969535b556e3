import type { UrgingNoticeFieldsFragment } from '../../../graphql/generated/graphql';

export type UrgingNotice = UrgingNoticeFieldsFragment;
export type UrgingColour = UrgingNotice['colour'];

export const COLOURS: readonly UrgingColour[] = ['BLUE', 'ORANGE', 'RED'];

/** Ant Design tag colours of the three levels. */
export const TAG_COLOURS: Record<UrgingColour, string> = {
  BLUE: 'blue',
  ORANGE: 'orange',
  RED: 'red',
};

export const REASONS = [
  'BEHIND_SCHEDULE',
  'OVERDUE',
  'UNANSWERED_BLUE',
  'UNANSWERED_ORANGE',
  'ORDERED',
] as const;
export type UrgingReason = (typeof REASONS)[number];

export const CLOSE_REASONS = [
  'TASK_SUBMITTED',
  'TASK_VERIFIED',
  'TASK_RETIRED',
  'ESCALATED',
] as const;
export type UrgingCloseReason = (typeof CLOSE_REASONS)[number];

export const isReason = (value: string): value is UrgingReason =>
  (REASONS as readonly string[]).includes(value);
export const isCloseReason = (value: string | null): value is UrgingCloseReason =>
  value !== null && (CLOSE_REASONS as readonly string[]).includes(value);

/** Where the notice stands for its receiver: 待签收 → 待反馈 → 已反馈, or closed. */
export type NoticeStage = 'unacknowledged' | 'acknowledged' | 'answered' | 'closed';

export function noticeStage(
  n: Pick<UrgingNotice, 'closedAt' | 'acknowledgedAt' | 'answeredAt'>,
): NoticeStage {
  if (n.closedAt) return 'closed';
  if (n.answeredAt) return 'answered';
  if (n.acknowledgedAt) return 'acknowledged';
  return 'unacknowledged';
}

/** The colours a supervisor may issue on a task whose open notice has `open` (higher only). */
export function issuableColours(open: UrgingColour | null | undefined): UrgingColour[] {
  if (!open) return [...COLOURS];
  return COLOURS.slice(COLOURS.indexOf(open) + 1);
}

export interface UnitCounts {
  unitCode: string;
  unitName: string;
  level: string;
  parentCode: string | null;
  blue: number;
  orange: number;
  red: number;
  unacknowledged: number;
  unanswered: number;
  issued: number;
}

/** The units inside `withinCode` (the unit itself and the units under it), or all. */
export function unitsWithin<T extends Pick<UnitCounts, 'unitCode' | 'parentCode'>>(
  rows: readonly T[],
  withinCode: string | null | undefined,
): T[] {
  if (!withinCode) return [...rows];
  return rows.filter((r) => r.unitCode === withinCode || r.parentCode === withinCode);
}

/** Totals over units, and the units with open notices, most urgent first (red, orange, blue). */
export function summarise(rows: readonly UnitCounts[]) {
  const totals = rows.reduce(
    (acc, r) => ({
      blue: acc.blue + r.blue,
      orange: acc.orange + r.orange,
      red: acc.red + r.red,
      unacknowledged: acc.unacknowledged + r.unacknowledged,
      unanswered: acc.unanswered + r.unanswered,
      issued: acc.issued + r.issued,
    }),
    { blue: 0, orange: 0, red: 0, unacknowledged: 0, unanswered: 0, issued: 0 },
  );
  const withOpen = rows
    .filter((r) => r.blue + r.orange + r.red > 0)
    .sort(
      (a, b) =>
        b.red - a.red ||
        b.orange - a.orange ||
        b.blue - a.blue ||
        a.unitCode.localeCompare(b.unitCode),
    );
  return { totals, withOpen };
}
