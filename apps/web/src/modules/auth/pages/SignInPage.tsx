import { LockOutlined, QuestionCircleOutlined, UserOutlined } from '@ant-design/icons';
import { ErrorCode } from '@duty/shared/errors';
import { Alert, Button, Divider, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayableServerMessage, toAppError } from '../../../graphql/errors';
import { navigate } from '../../../app/navigation';
import { useSessionExpired } from '../../../graphql/session';
import { helpPath } from '../../help/utils/help';
import { AuthLayout } from '../components/AuthLayout';
import { SessionNotKeptError, useSignIn } from '../hooks/useSession';
import { useSignInOptions } from '../hooks/useSignInOptions';
import { isKnownOidcError, takeOidcErrorFromLocation } from '../utils/singleSignOn';

interface SignInValues {
  username: string;
  password: string;
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [form] = Form.useForm<SignInValues>();
  const sessionExpired = useSessionExpired();
  const { signIn, loading } = useSignIn();
  const options = useSignInOptions();
  // A refusal from the single sign-on callback (/?oidcError=CODE), read once.
  const [oidcError] = useState(takeOidcErrorFromLocation);
  const [error, setError] = useState<string | undefined>(() =>
    oidcError === null
      ? undefined
      : isKnownOidcError(oidcError)
        ? t(`auth.singleSignOn.errors.${oidcError}`)
        : t('auth.singleSignOn.errors.unknown', { code: oidcError }),
  );

  const onFinish = async ({ username, password }: SignInValues) => {
    setError(undefined);
    try {
      await signIn({ username: username.trim(), password });
    } catch (thrown) {
      form.setFieldValue('password', '');
      if (thrown instanceof SessionNotKeptError) {
        setError(t('auth.signIn.sessionNotKept'));
        return;
      }
      const appError = toAppError(thrown);
      // The server answers every failed sign-in with the same message. Where it is not shown
      // (English UI), say the same rather than the generic "please sign in first".
      setError(
        displayableServerMessage(appError, language) ??
          (appError.code === ErrorCode.UNAUTHENTICATED
            ? t('auth.signIn.failed')
            : t(`errors.${appError.code}`)),
      );
    }
  };

  return (
    <AuthLayout title={t('auth.signIn.title')}>
      {sessionExpired && !error && (
        <Alert
          type="warning"
          showIcon
          title={t('auth.signIn.sessionExpired')}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {options?.oidcEnabled && options.oidcLoginPath && (
        <>
          <Button type="primary" size="large" block href={options.oidcLoginPath}>
            {options.oidcButtonLabel ?? t('auth.singleSignOn.button')}
          </Button>
          <Divider plain>{t('auth.singleSignOn.divider')}</Divider>
          {options.passwordSignIn === 'BREAK_GLASS' && (
            <Alert
              type="info"
              showIcon
              title={t('auth.singleSignOn.breakGlassNotice')}
              style={{ marginBottom: 16 }}
            />
          )}
        </>
      )}
      <Form<SignInValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={loading}
      >
        <Form.Item
          name="username"
          label={t('auth.signIn.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.signIn.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus={!options?.oidcEnabled}
            maxLength={64}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.signIn.password')}
          rules={[{ required: true, message: t('auth.signIn.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button
          type={options?.oidcEnabled ? 'default' : 'primary'}
          htmlType="submit"
          block
          loading={loading}
        >
          {t('auth.signIn.submit')}
        </Button>
      </Form>
      {/* Help needs no account: the glossary and every role's guide (served at /help). */}
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Typography.Link
          href={helpPath(null)}
          onClick={(event) => {
            if (event.ctrlKey || event.metaKey || event.shiftKey) return;
            event.preventDefault();
            navigate(helpPath(null));
          }}
        >
          <QuestionCircleOutlined aria-hidden /> {t('auth.signIn.help')}
        </Typography.Link>
      </Flex>
    </AuthLayout>
  );
}
