import { App, Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Changing one's password at will, from the account menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={t('auth.changePassword.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <ChangePasswordForm
        onChanged={() => {
          void message.success(t('auth.changePassword.success'));
          onClose();
        }}
        extraActions={<Button onClick={onClose}>{t('common.cancel')}</Button>}
      />
    </Modal>
  );
}
