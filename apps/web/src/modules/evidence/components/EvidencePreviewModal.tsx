import { DownloadOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileFieldsFragment } from '../../../graphql/generated/graphql';
import { EvidencePreview } from './EvidencePreview';

/** The preview of one file in a dialog, with its hash and a download button. */
export function EvidencePreviewModal({
  file,
  onClose,
}: {
  file: EvidenceFileFieldsFragment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!file}
      onCancel={onClose}
      title={file ? t('evidence.preview.title', { name: file.fileName }) : undefined}
      width={960}
      destroyOnHidden
      footer={
        file
          ? [
              <Button key="download" icon={<DownloadOutlined />} href={file.contentUrl} download>
                {t('evidence.preview.download')}
              </Button>,
              <Button key="close" type="primary" onClick={onClose}>
                {t('common.close')}
              </Button>,
            ]
          : null
      }
    >
      {file && (
        <>
          <EvidencePreview file={file} height={Math.max(320, window.innerHeight - 300)} />
          <Typography.Paragraph
            type="secondary"
            copyable={{ text: file.sha256 }}
            style={{ marginTop: 8, marginBottom: 0 }}
          >
            {t('evidence.preview.sha256', { hash: file.sha256 })}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
