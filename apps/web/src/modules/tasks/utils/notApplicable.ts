/** Server limits (the API answers longer input with VALIDATION_FAILED and a Chinese reason). */
export const MAX_NA_REASON = 2000;
export const MAX_NA_DOCUMENT_REFERENCE = 200;

export interface NotApplicableDraft {
  reason: string;
  documentReference?: string;
  evidenceIds?: string[];
}

/** Why a draft request cannot be sent (an i18n key under notApplicable.errors), or null. */
export function notApplicableDraftProblem(
  draft: NotApplicableDraft,
): 'reasonRequired' | 'reasonTooLong' | 'proofRequired' | 'referenceTooLong' | null {
  const reason = draft.reason.trim();
  if (!reason) return 'reasonRequired';
  if (reason.length > MAX_NA_REASON) return 'reasonTooLong';
  const reference = draft.documentReference?.trim() ?? '';
  if (reference.length > MAX_NA_DOCUMENT_REFERENCE) return 'referenceTooLong';
  if (!reference && !(draft.evidenceIds ?? []).length) return 'proofRequired';
  return null;
}

/** The tag colour of a task's 不适用 status (null: the task applies, no tag). */
export function notApplicableTagColor(status: string | null | undefined): string | null {
  switch (status) {
    case 'APPROVED':
      return 'default';
    case 'REQUESTED':
      return 'gold';
    case 'REJECTED':
      return 'red';
    default:
      return null;
  }
}
