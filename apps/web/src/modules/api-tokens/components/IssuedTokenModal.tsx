import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface IssuedToken {
  name: string;
  token: string;
}

/**
 * The new token, shown once: it is kept nowhere after the dialog closes, and the dialog
 * closes only through its button (not by clicking outside or Esc).
 */
export function IssuedTokenModal({
  value,
  onClose,
}: {
  value: IssuedToken | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={value ? t('apiTokens.issued.title', { name: value.name }) : ''}
      onCancel={onClose}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      width={640}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apiTokens.issued.done')}
        </Button>
      }
    >
      {value && (
        <Flex vertical gap="middle">
          <Alert type="warning" showIcon title={t('apiTokens.issued.warning')} />
          <Typography.Paragraph
            code
            copyable={{
              text: value.token,
              tooltips: [t('apiTokens.issued.copy'), t('apiTokens.issued.copied')],
            }}
            style={{ fontSize: 15, marginBottom: 0, wordBreak: 'break-all' }}
            data-testid="issued-api-token"
          >
            {value.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('apiTokens.issued.usage')}</Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}
