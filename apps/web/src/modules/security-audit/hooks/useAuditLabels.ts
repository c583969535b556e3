import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isKnownAction, isKnownResult } from '../utils/auditVocabulary';

/** Localized names of audit actions and results; unknown codes stay as they are. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      action: (action: string) =>
        isKnownAction(action) ? t(`securityAudit.actions.${action}`) : action,
      result: (result: string) =>
        isKnownResult(result) ? t(`securityAudit.results.${result}`) : result,
    }),
    [t],
  );
}
