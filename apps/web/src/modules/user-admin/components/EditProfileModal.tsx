import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../graphql/types';
import { useUpdateUserProfile } from '../hooks/useUserAdminMutations';
import { accountText } from '../utils/accountText';
import { FormDialog } from '../../../components/FormDialog';
import { ProfileFields } from './ProfileFields';

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
  const { updateUserProfile, loading } = useUpdateUserProfile();

  const onSubmit = async (values: ProfileValues) => {
    if (!user) return;
    const saved = await updateUserProfile({
      userId: user.id,
      displayName: values.displayName.trim(),
      office: values.office?.trim() ?? '',
      phone: values.phone?.trim() ?? '',
    });
    void message.success(t('userAdmin.profile.done', { name: saved.displayName }));
  };

  return (
    <FormDialog<ProfileValues>
      open={user !== null}
      title={t('userAdmin.profile.title', { username: accountText(user) })}
      okText={t('userAdmin.profile.submit')}
      loading={loading}
      name="editProfile"
      serverFields={SERVER_FIELDS}
      initialValues={{
        displayName: user?.displayName ?? '',
        office: user?.office ?? '',
        phone: user?.phone ?? '',
      }}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <ProfileFields />
    </FormDialog>
  );
}
