import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import type { TemporaryPassword } from '../components/TemporaryPasswordModal';
import { accountText } from '../utils/accountText';

interface ConfirmTexts {
  title: string;
  content: string;
  okText: string;
}

/**
 * A reset that issues a temporary password (a direct reset, or the approval of a requested
 * one): confirmed in a dialog, run, and the password kept for TemporaryPasswordModal to show
 * once; a failure is reported as a message.
 */
export function useConfirmPasswordReset() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const [temporaryPassword, setTemporaryPassword] = useState<TemporaryPassword | null>(null);

  const confirmReset = (
    texts: ConfirmTexts,
    reset: () => Promise<{
      user: { username: string; displayName?: string | null };
      temporaryPassword: string;
    }>,
  ) => {
    modal.confirm({
      ...texts,
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await reset();
          setTemporaryPassword({
            reason: 'reset',
            username: accountText(result.user),
            password: result.temporaryPassword,
          });
        } catch (thrown) {
          void message.error(errorText(toAppError(thrown)));
        }
      },
    });
  };

  return { temporaryPassword, setTemporaryPassword, confirmReset };
}
