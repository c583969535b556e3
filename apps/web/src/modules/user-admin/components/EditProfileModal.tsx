import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { UserAccount } from '../graphql/types';
import { useUpdateUserProfile } from '../hooks/useUserAdminMutations';
import { ProfileFields } from './ProfileFields';
import { accountText } from '../utils/accountText';

interface ProfileValues {
  displayName: string;
  office?: string;
  phone?: string;
}

const SERVER_FIELDS = ['displayName', 'office', 'phone'] as const;

/** The system administrator edits another account's name, office and phone. */
export function EditProfileModal({
  user,
  onClose,
}: {
  user: UserAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const { updateUserProfile, loading } = useUpdateUserProfile();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);

  const close = () => {
    clear();
    onClose();
  };

  const onFinish = async (values: ProfileValues) => {
    if (!user) return;
    clear();
    try {
      const saved = await updateUserProfile({
        userId: user.id,
        displayName: values.displayName.trim(),
        office: values.office?.trim() ?? '',
        phone: values.phone?.trim() ?? '',
      });
      void message.success(t('userAdmin.profile.done', { name: saved.displayName }));
      close();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('userAdmin.profile.title', { username: accountText(user) })}
      okText={t('userAdmin.profile.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<ProfileValues>
        form={form}
        name="editProfile"
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        preserve={false}
        initialValues={{
          displayName: user?.displayName ?? '',
          office: user?.office ?? '',
          phone: user?.phone ?? '',
        }}
      >
        <ProfileFields />
      </Form>
    </Modal>
  );
}
