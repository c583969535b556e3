import { Alert, Button, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import type { CurrentUser } from '../graphql/types';
import { useSignOut } from '../hooks/useSession';

/**
 * A signed-in account without a role (e.g. created at its first single sign-on): it may see
 * nothing until the security administrator binds a role and jurisdiction, so it gets this page
 * instead of the app, with what to quote to the administrator and a way out.
 */
export function NoRolePage({ user }: { user: Pick<CurrentUser, 'displayName' | 'username'> }) {
  const { t } = useTranslation();
  const { signOut, loading } = useSignOut();
  return (
    <AuthLayout title={t('auth.singleSignOn.noRole.title')}>
      <Alert
        type="warning"
        showIcon
        title={t('auth.singleSignOn.noRole.intro')}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph>{t('auth.singleSignOn.noRole.whatToDo')}</Typography.Paragraph>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('auth.singleSignOn.noRole.name'), children: user.displayName },
          {
            key: 'account',
            label: t('auth.singleSignOn.noRole.account'),
            children: <Typography.Text copyable>{user.username}</Typography.Text>,
          },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph type="secondary">
        {t('auth.singleSignOn.noRole.afterBinding')}
      </Typography.Paragraph>
      <Button block loading={loading} onClick={() => void signOut()}>
        {t('auth.singleSignOn.noRole.signOut')}
      </Button>
    </AuthLayout>
  );
}
