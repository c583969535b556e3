import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskEvidence } from '../graphql/types';

/** PDF in a frame, pictures as an image, from `contentUrl?inline=1` (same-origin only). */
export function EvidencePreviewModal({
  evidence,
  onClose,
}: {
  evidence: TaskEvidence | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const src = evidence ? `${evidence.contentUrl}?inline=1` : undefined;
  return (
    <Modal
      open={!!evidence}
      title={evidence ? t('tasks.evidence.previewTitle', { name: evidence.fileName }) : undefined}
      onCancel={onClose}
      footer={null}
      width="min(1100px, 92vw)"
      destroyOnHidden
      centered
    >
      {evidence && src && evidence.fileType === 'pdf' && (
        <iframe
          src={src}
          title={t('tasks.evidence.previewFrameTitle')}
          style={{ width: '100%', height: '70vh', border: 0 }}
        />
      )}
      {evidence && src && evidence.fileType !== 'pdf' && (
        <img
          src={src}
          alt={evidence.fileName}
          style={{ display: 'block', maxWidth: '100%', maxHeight: '70vh', margin: '0 auto' }}
        />
      )}
    </Modal>
  );
}
