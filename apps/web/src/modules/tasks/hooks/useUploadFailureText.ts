import { isErrorCode } from '@duty/shared/errors';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isDisplayableServerText } from '../../../graphql/errors';
import { reasonsForFile, type EvidenceUploadFailure } from '../utils/evidenceUpload';

/**
 * `(failure, fileName) => text`: the server's Chinese reasons for that file (or for the whole
 * request) in the Chinese UI, else the localized text of the error code.
 */
export function useUploadFailureText() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (failure: EvidenceUploadFailure, fileName: string) => {
      const reasons = reasonsForFile(failure, fileName).filter((r) =>
        isDisplayableServerText(r, language),
      );
      if (reasons.length) return reasons.join('；');
      return isErrorCode(failure.code) ? t(`errors.${failure.code}`) : t('errors.BAD_REQUEST');
    },
    [t, language],
  );
}
