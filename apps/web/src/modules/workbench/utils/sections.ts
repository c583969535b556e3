import type { WorkbenchSectionKey } from '../../../graphql/generated/graphql';

/** Sections that ask for action soon: a non-zero count shows in red. */
const URGENT: readonly WorkbenchSectionKey[] = [
  'URGING_TO_ANSWER',
  'RETURNED_TASKS',
  'OVERDUE_TASKS',
  'INTEGRITY_PROBLEMS',
];

export function isUrgentSection(key: WorkbenchSectionKey): boolean {
  return URGENT.includes(key);
}

const KEYS: readonly WorkbenchSectionKey[] = [
  'URGING_TO_ANSWER',
  'RETURNED_TASKS',
  'OVERDUE_TASKS',
  'DUE_SOON_TASKS',
  'AWAITING_ACKNOWLEDGEMENT',
  'UNANSWERED_COMMENTS',
  'REVIEW_QUEUE',
  'EXTENSION_REQUESTS',
  'REASSIGNMENT_REQUESTS',
  'NOT_APPLICABLE_REQUESTS',
  'URGING_UNANSWERED',
  'BEHIND_SCHEDULE',
  'RECENT_PACKS',
  'INTEGRITY_PROBLEMS',
];

/** A section key from the address (`/workbench/<key>`), or undefined for anything else. */
export function parseSectionKey(value: string | undefined): WorkbenchSectionKey | undefined {
  return KEYS.find((key) => key === value);
}
