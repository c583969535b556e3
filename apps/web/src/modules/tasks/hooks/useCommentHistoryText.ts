import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { commentHistoryFacts } from '../utils/commentThreads';

/** `(event) => sentence | undefined`: the history text of comment, 批示 and 不适用 events. */
export function useCommentHistoryText() {
  const { t } = useTranslation();
  return useCallback(
    (event: { kind: string; after?: unknown }): string | undefined => {
      const facts = commentHistoryFacts(event);
      if (!facts) return undefined;
      switch (facts.kind) {
        case 'comment':
          return t(facts.reply ? 'taskComments.history.reply' : 'taskComments.history.comment', {
            excerpt: facts.excerpt,
          });
        case 'instruction':
          return t('taskComments.history.instruction', { excerpt: facts.excerpt });
        case 'not_applicable_requested':
          return t('notApplicable.historyText.requested');
        case 'not_applicable_decided':
          return t(
            facts.approved
              ? 'notApplicable.historyText.approved'
              : 'notApplicable.historyText.rejected',
          );
        case 'not_applicable_revoked':
          return t('notApplicable.historyText.revoked');
      }
    },
    [t],
  );
}
