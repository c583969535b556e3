import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserWithTemporaryPassword } from '../graphql/types';
import { useCreateUser } from '../hooks/useUserAdminMutations';
import { FormDialog } from '../../../components/FormDialog';
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
  const { createUser, loading } = useCreateUser();

  const onSubmit = async ({ username, displayName, office, phone }: CreateUserValues) => {
    onCreated(
      await createUser({
        username: username.trim(),
        displayName: displayName.trim(),
        office: office?.trim() || null,
        phone: phone?.trim() || null,
      }),
    );
  };

  return (
    <FormDialog<CreateUserValues>
      open={open}
      title={t('userAdmin.create.title')}
      okText={t('userAdmin.create.submit')}
      loading={loading}
      serverFields={SERVER_FIELDS}
      onSubmit={onSubmit}
      onClose={onClose}
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
    </FormDialog>
  );
}
