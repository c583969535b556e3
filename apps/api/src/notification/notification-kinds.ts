import type { NotificationKind } from './notification.service';

/** Every notification kind, in the order the settings page lists them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
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
];

/** Channels a user can switch per kind; in-app is always on. */
export type NotificationChannel = 'EMAIL' | 'WEBHOOK';
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['EMAIL', 'WEBHOOK'];

export type DeliveryStatus = 'PENDING' | 'SENDING' | 'DELIVERED' | 'FAILED' | 'SKIPPED';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'PENDING',
  'SENDING',
  'DELIVERED',
  'FAILED',
  'SKIPPED',
];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
export const KIND_CHECK_LIST = quoted(NOTIFICATION_KINDS);
export const CHANNEL_CHECK_LIST = quoted(NOTIFICATION_CHANNELS);
export const DELIVERY_STATUS_CHECK_LIST = quoted(DELIVERY_STATUSES);
