import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { CurrentUser } from '../graphql/types';
import { usePasswordPolicy } from '../hooks/usePasswordPolicy';
import { useChangePassword } from '../hooks/useSession';
import { MIN_PASSWORD_LENGTH } from '../utils/password';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const SERVER_FIELDS = ['currentPassword', 'newPassword'] as const;

export interface ChangePasswordFormProps {
  onChanged: (user: CurrentUser) => void;
  /** Extra buttons next to the submit button (e.g. sign out, cancel). */
  extraActions?: ReactNode;
}

/**
 * Current, new and confirmed password, with the server's password policy shown above. Only
 * the minimum length and the confirmation are checked here; the server decides the rest.
 */
export function ChangePasswordForm({ onChanged, extraActions }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangePasswordValues>();
  const policy = usePasswordPolicy();
  const { changePassword, loading } = useChangePassword();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);

  const onFinish = async ({ currentPassword, newPassword }: ChangePasswordValues) => {
    clear();
    try {
      onChanged(await changePassword({ currentPassword, newPassword }));
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Flex vertical gap="middle">
      {policy && (
        <Alert
          type="info"
          title={t('auth.changePassword.policyTitle')}
          description={
            <Typography.Text style={{ whiteSpace: 'pre-line' }}>{policy}</Typography.Text>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Form<ChangePasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={loading}
      >
        <Form.Item
          name="currentPassword"
          label={t('auth.changePassword.currentPassword')}
          rules={[{ required: true, message: t('auth.changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.changePassword.newPassword')}
          rules={[
            { required: true, message: t('auth.changePassword.newRequired') },
            {
              min: MIN_PASSWORD_LENGTH,
              message: t('auth.changePassword.minLength', { min: MIN_PASSWORD_LENGTH }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.changePassword.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex gap="small" justify="flex-end">
          {extraActions}
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('auth.changePassword.submit')}
          </Button>
        </Flex>
      </Form>
    </Flex>
  );
}
