import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { UserWithTemporaryPassword } from '../graphql/types';
import { useCreateUser } from '../hooks/useUserAdminMutations';
import { ProfileFields } from './ProfileFields';

interface CreateUserValues {
  username: string;
  displayName: string;
  office?: string;
  phone?: string;
}

const SERVER_FIELDS = ['username', 'displayName', 'office', 'phone'] as const;

export function CreateUserModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (result: UserWithTemporaryPassword) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateUserValues>();
  const { createUser, loading } = useCreateUser();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);

  const close = () => {
    clear();
    onClose();
  };

  const onFinish = async ({ username, displayName, office, phone }: CreateUserValues) => {
    clear();
    try {
      onCreated(
        await createUser({
          username: username.trim(),
          displayName: displayName.trim(),
          office: office?.trim() || null,
          phone: phone?.trim() || null,
        }),
      );
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={open}
      title={t('userAdmin.create.title')}
      okText={t('userAdmin.create.submit')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<CreateUserValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        preserve={false}
      >
        <Form.Item
          name="username"
          label={t('userAdmin.create.username')}
          extra={t('userAdmin.create.usernameHint')}
          rules={[
            { required: true, whitespace: true, message: t('userAdmin.create.usernameRequired') },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <ProfileFields />
      </Form>
    </Modal>
  );
}
