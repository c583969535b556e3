import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface CloseCycleDialogProps {
  open: boolean;
  cycleTitle: string;
  planVersion: number | undefined;
  submitting: boolean;
  error: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** Says what closing a cycle does before it is done: it cannot be undone without a reason. */
export function CloseCycleDialog({
  open,
  cycleTitle,
  planVersion,
  submitting,
  error,
  onConfirm,
  onClose,
}: CloseCycleDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('assessment.results.closeTitle')}
      okText={t('assessment.results.closeOk')}
      okButtonProps={{ danger: true, loading: submitting }}
      cancelText={t('common.cancel')}
      onOk={onConfirm}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph strong>{cycleTitle}</Typography.Paragraph>
      <Typography.Paragraph>{t('assessment.results.closeConsequences')}</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20 }}>
        <li>{t('assessment.results.closeConsequence1')}</li>
        <li>{t('assessment.results.closeConsequence2', { version: planVersion ?? '—' })}</li>
        <li>{t('assessment.results.closeConsequence3')}</li>
      </ol>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
