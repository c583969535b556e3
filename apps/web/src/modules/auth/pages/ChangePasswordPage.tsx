import { Alert, App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { useSignedInUserIfAny } from '../hooks/useCurrentUser';
import { useSignOut } from '../hooks/useSession';

/** The forced password change after the first sign-in or an administrator's reset. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { signOut, loading: signingOut } = useSignOut();
  const expired = useSignedInUserIfAny()?.passwordExpired ?? false;

  const onSignOut = () => {
    signOut().catch(() => void message.error(t('account.signOutFailed')));
  };

  return (
    <AuthLayout title={t('auth.changePassword.title')}>
      <Flex vertical gap="middle">
        <Alert
          type="warning"
          showIcon
          title={
            expired ? t('auth.changePassword.expiredNotice') : t('auth.changePassword.forcedNotice')
          }
        />
        <ChangePasswordForm
          // The answer clears `mustChangePassword` in the cached `me`: the AuthGate lets the
          // user in by itself.
          onChanged={() => void message.success(t('auth.changePassword.success'))}
          extraActions={
            <Button onClick={onSignOut} loading={signingOut}>
              {t('account.signOut')}
            </Button>
          }
        />
      </Flex>
    </AuthLayout>
  );
}
