import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { displayableServerMessage, type AppError } from '../graphql/errors';

/**
 * `(error) => text`: the server's message where it is meant for people (Chinese UI), else the
 * localized text for the error code.
 */
export function useErrorText(): (error: AppError) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (error) => displayableServerMessage(error, language) ?? t(`errors.${error.code}`),
    [t, language],
  );
}
