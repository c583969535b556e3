import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isHistoryKind } from '../../tasks/utils/history';

/** `(kind) => label`: the short name of a task event kind; unknown kinds stay as their code. */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation();
  return useCallback((kind) => (isHistoryKind(kind) ? t(`taskLog.kinds.${kind}`) : kind), [t]);
}
