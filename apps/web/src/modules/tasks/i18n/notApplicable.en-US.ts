import type { notApplicableZh } from './notApplicable.zh-CN';

/** English texts of the not-applicable panel. */
export const notApplicableEn: typeof notApplicableZh = {
  title: 'Not applicable',
  tag: 'Not applicable',
  statusTags: {
    REQUESTED: 'N/A requested',
    APPROVED: 'Not applicable',
    REJECTED: 'N/A rejected',
  },
  unitScoreNote:
    '{{count}} more task(s) approved as not applicable are left out of the unit’s completion rate and score (rescaled over applicable tasks).',
  approvedNote:
    'This task is approved as not applicable to the unit: it is left out of completion rates, rankings and the assessment (rescaled over applicable tasks).',
  requestedNote:
    'A not-applicable request awaits the supervisor’s decision; until then the task counts as usual.',
  intro:
    'If the unit has nothing to do for this duty (e.g. no such industry), request that it be set aside, with a reason and evidence or a document reference.',
  request: 'Request not applicable',
  requestTitle: 'Request that this task be set aside as not applicable',
  reason: 'Reason',
  reasonPlaceholder: 'e.g. No shipbuilding enterprise in the city (up to 2000 characters)',
  documentReference: 'Document reference (文号)',
  documentReferencePlaceholder: 'e.g. 恩施市经信〔2026〕3号',
  evidence: 'Evidence (files already uploaded to this task)',
  evidencePlaceholder: 'Choose evidence files',
  noEvidence:
    'No evidence on this task yet: upload some under Evidence first, or give a document reference.',
  submit: 'Submit request',
  submitted: 'Request submitted; awaiting the supervisor’s decision',
  decide: 'Decide',
  decideTitle: 'Decide the not-applicable request',
  approve: 'Approve (not applicable)',
  reject: 'Reject',
  decisionReason: 'Reason for the decision',
  approved: 'Approved: the task leaves completion rates and the assessment',
  rejected: 'Request rejected',
  revoke: 'Revoke',
  revokeTitle: 'Revoke the not-applicable approval (the task counts again)',
  revokeReason: 'Reason for revoking',
  revoked: 'Approval revoked',
  history: 'Requests',
  requestedBy: 'Requested by {{user}} at {{time}}',
  decidedBy: 'Decided by {{user}} at {{time}}',
  revokedBy: 'Revoked by {{user}} at {{time}}',
  proofFiles: '{{count}} evidence file(s)',
  states: {
    PENDING: 'Pending',
    APPROVED: 'Approved',
    REJECTED: 'Rejected',
    REVOKED: 'Revoked',
  },
  historyText: {
    requested: 'Requested that the task be set aside as not applicable',
    approved: 'Approved not applicable: the task leaves completion rates and the assessment',
    rejected: 'Rejected the not-applicable request',
    revoked: 'Revoked not applicable: the task counts again',
  },
  errors: {
    reasonRequired: 'Please give a reason',
    reasonTooLong: 'Reason too long (at most 2000 characters)',
    proofRequired: 'Choose at least one evidence file or give a document reference',
    referenceTooLong: 'Document reference too long (at most 200 characters)',
  },
};
