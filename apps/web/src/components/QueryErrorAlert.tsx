import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../graphql/errors';
import { useErrorText } from '../hooks/useErrorText';

export interface QueryErrorAlertProps {
  error: AppError;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed request: the user-facing message for its error code and a retry button. */
export function QueryErrorAlert({ error, onRetry, retrying = false }: QueryErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorText()(error);
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
