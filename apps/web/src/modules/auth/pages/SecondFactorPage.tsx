import { SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { AuthLayout } from '../components/AuthLayout';
import { useVerifySecondFactor } from '../hooks/useSecondFactor';
import { useSignOut } from '../hooks/useSession';
import { isRecoveryCode, isTotpCode } from '../utils/secondFactor';

interface CodeValues {
  code: string;
}

const SERVER_FIELDS = ['code'] as const;

/**
 * The second step of signing in (the session is pending VERIFY): a code from the authenticator
 * app, or a recovery code. The answer updates the cached `me`, so the auth gate lets the user
 * in (or on to the forced password change) by itself. Wrong codes count toward the lockout;
 * when the account locks, the session ends and the sign-in page appears.
 */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CodeValues>();
  const { verify, loading } = useVerifySecondFactor();
  const { signOut, loading: signingOut } = useSignOut();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);
  const [recovery, setRecovery] = useState(false);

  const onFinish = async ({ code }: CodeValues) => {
    clear();
    try {
      await verify(recovery ? code.trim() : code.replace(/\s/g, ''));
    } catch (thrown) {
      form.setFieldValue('code', '');
      report(thrown);
    }
  };
  const toggle = () => {
    setRecovery((value) => !value);
    form.resetFields();
    clear();
  };
  const onSignOut = () => {
    signOut().catch(() => void message.error(t('account.signOutFailed')));
  };

  return (
    <AuthLayout title={t('auth.secondFactor.verify.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {recovery
            ? t('auth.secondFactor.verify.recoveryIntro')
            : t('auth.secondFactor.verify.intro')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} />}
        <Form<CodeValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={loading}
        >
          <Form.Item
            name="code"
            label={
              recovery
                ? t('auth.secondFactor.verify.recoveryCode')
                : t('auth.secondFactor.verify.code')
            }
            rules={[
              {
                required: true,
                whitespace: true,
                message: recovery
                  ? t('auth.secondFactor.verify.recoveryRequired')
                  : t('auth.secondFactor.verify.codeRequired'),
              },
              {
                validator: (_, value?: string) => {
                  if (!value?.trim()) return Promise.resolve();
                  if (recovery ? isRecoveryCode(value) : isTotpCode(value))
                    return Promise.resolve();
                  return Promise.reject(
                    new Error(
                      recovery
                        ? t('auth.secondFactor.verify.recoveryFormat')
                        : t('auth.secondFactor.verify.codeFormat'),
                    ),
                  );
                },
              },
            ]}
          >
            <Input
              prefix={<SafetyOutlined />}
              autoFocus
              autoComplete={recovery ? 'off' : 'one-time-code'}
              inputMode={recovery ? 'text' : 'numeric'}
              maxLength={recovery ? 16 : 7}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loading}>
            {t('auth.secondFactor.verify.submit')}
          </Button>
        </Form>
        <Flex justify="space-between" wrap gap="small">
          <Button type="link" onClick={toggle} style={{ paddingInline: 0 }}>
            {recovery
              ? t('auth.secondFactor.verify.useApp')
              : t('auth.secondFactor.verify.useRecovery')}
          </Button>
          <Button onClick={onSignOut} loading={signingOut}>
            {t('account.signOut')}
          </Button>
        </Flex>
      </Flex>
    </AuthLayout>
  );
}
