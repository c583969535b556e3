import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, type AppError } from '../graphql/errors';
import { formFieldErrors } from '../utils/formFieldErrors';
import { useErrorText } from './useErrorText';

export interface UseFormSubmitErrorResult {
  /** The text for the form's error alert, if the last submission failed. */
  error: string | undefined;
  /** Shows a failed submission: field messages under the fields, the message in the alert. */
  report: (error: unknown) => AppError;
  clear: () => void;
}

/** Error handling of a form that submits a mutation. `fields` must be a stable array. */
export function useFormSubmitError<Field extends string>(
  form: FormInstance,
  fields: readonly Field[],
): UseFormSubmitErrorResult {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const errorText = useErrorText();
  const [error, setError] = useState<string>();
  const report = useCallback(
    (thrown: unknown) => {
      const appError = toAppError(thrown);
      form.setFields(formFieldErrors(appError, fields, language, t('forms.fieldInvalid')));
      setError(errorText(appError));
      return appError;
    },
    [form, fields, language, t, errorText],
  );
  const clear = useCallback(() => setError(undefined), []);
  return { error, report, clear };
}
