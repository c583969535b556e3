import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { assignmentHistoryFacts } from '../utils/reassignText';

/** `(event) => sentence | undefined`: the history text of 签收 and 转办 events. */
export function useReassignHistoryText() {
  const { t } = useTranslation();
  return useCallback(
    (event: { kind: string; before?: unknown; after?: unknown }): string | undefined => {
      const facts = assignmentHistoryFacts(event);
      if (!facts) return undefined;
      switch (facts.kind) {
        case 'acknowledged':
          return t('tasks.assignment.history.acknowledged');
        case 'reassigned':
          return (
            t('tasks.assignment.history.reassigned', { from: facts.from, to: facts.to }) +
            (facts.via ? t(`tasks.assignment.history.reassignedVia.${facts.via}`) : '')
          );
        case 'reassignment_requested':
          return t('tasks.assignment.history.requested', { to: facts.to });
        case 'reassignment_decided':
          return t(
            facts.approved
              ? 'tasks.assignment.history.decidedApproved'
              : 'tasks.assignment.history.decidedRejected',
            { to: facts.to },
          );
      }
    },
    [t],
  );
}
