import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface TemporaryPassword {
  /** Why it was issued: a new account or a reset. */
  reason: 'created' | 'reset';
  /** The account as shown: name and username (accountText). */
  username: string;
  password: string;
}

/**
 * The temporary password, shown once: it is not kept anywhere after the dialog closes, and
 * the dialog closes only through its button (not by clicking outside).
 */
export function TemporaryPasswordModal({
  value,
  onClose,
}: {
  value: TemporaryPassword | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={
        value?.reason === 'reset'
          ? t('userAdmin.temporaryPassword.resetTitle')
          : t('userAdmin.temporaryPassword.createdTitle')
      }
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('userAdmin.temporaryPassword.done')}
        </Button>
      }
    >
      {value && (
        <Flex vertical gap="middle">
          <Alert type="warning" showIcon title={t('userAdmin.temporaryPassword.warning')} />
          <div>
            <Typography.Text>
              {t('userAdmin.temporaryPassword.forUser', { username: value.username })}
            </Typography.Text>
            <Typography.Paragraph
              code
              copyable={{ text: value.password }}
              style={{ fontSize: 18, marginTop: 8, marginBottom: 0 }}
              data-testid="temporary-password"
            >
              {value.password}
            </Typography.Paragraph>
          </div>
        </Flex>
      )}
    </Modal>
  );
}
