import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayableServerMessage, type AppError } from '../graphql/errors';

export interface QueryErrorAlertProps {
  error: AppError;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed request: the user-facing message for its error code and a retry button. */
export function QueryErrorAlert({ error, onRetry, retrying = false }: QueryErrorAlertProps) {
  const { t, i18n } = useTranslation();
  const message =
    displayableServerMessage(error, i18n.resolvedLanguage ?? i18n.language) ??
    t(`errors.${error.code}`);
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      description={t('errorAlert.code', { code: error.code })}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} loading={retrying}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
