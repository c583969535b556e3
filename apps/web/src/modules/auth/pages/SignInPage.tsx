import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ErrorCode } from '@duty/shared/errors';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayableServerMessage, toAppError } from '../../../graphql/errors';
import { useSessionExpired } from '../../../graphql/session';
import { AuthLayout } from '../components/AuthLayout';
import { SessionNotKeptError, useSignIn } from '../hooks/useSession';

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
  const [error, setError] = useState<string>();

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
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.signIn.password')}
          rules={[{ required: true, message: t('auth.signIn.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={loading}>
          {t('auth.signIn.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
