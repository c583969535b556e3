import type { registerMappingsZh } from './mappings.zh-CN';

export const registerMappingsEn: typeof registerMappingsZh = {
  title: 'Mapping review',
  intro:
    'In changed, merged and split articles, a duty of the new version may continue a duty of the previous one. Confirmed, the new duty takes over the old one’s lineage, tracking, review and departments, and when a cycle moves to the new version its tasks (progress, history and evidence) carry on; rejected, the new duty is a new duty and the old one’s tasks are retired when the cycle moves.',
  pendingCount: '{{count}} pending',
  notLatest: 'These suggestions belong to an earlier version: read only.',
  status: 'Status',
  statuses: {
    PENDING: 'Pending',
    CONFIRMED: 'Confirmed',
    REJECTED: 'Rejected',
    ALL: 'All',
  },
  columns: {
    previous: 'Duty in the previous version',
    next: 'Duty in the new version (marked up against the previous)',
    similarity: 'Similarity',
    status: 'Status',
    actions: 'Actions',
  },
  position: 'Art. {{article}}({{paragraph}})',
  positionItem: 'Art. {{article}}({{paragraph}}) item {{item}}',
  alternative: 'Alternative',
  alternativeTip:
    'Another new duty is closer to this old one; confirming this suggestion rejects the other one.',
  tracked: 'Tracked',
  decided: '{{user}} · {{time}}',
  reason: 'Reason: {{reason}}',
  select: 'Select this suggestion',
  confirm: 'Confirm',
  reject: 'Reject',
  confirmSelected: 'Confirm selected ({{count}})',
  confirmed: '{{count}} mapping(s) confirmed.',
  rejected: 'Suggestion rejected.',
  conflict:
    'Someone else has decided or changed these suggestions; your decision was not saved and the list was reloaded.',
  rejectTitle: 'Reject the suggested mapping',
  rejectReason: 'Reason',
  rejectReasonRequired: 'Please give a reason',
  rejectPlaceholder:
    'E.g. the new provision is about other work; it does not continue the old duty.',
  empty:
    'No mapping suggestions for this version: every article matched by itself, or none was changed, merged or split.',
  emptyFiltered: 'No suggestions match.',
  libraryColumn: 'Mappings to review',
};
