import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { TaskEvidence } from '../graphql/types';

const FIELDS = ['reason'] as const;

export interface WithdrawEvidenceModalProps {
  evidence: TaskEvidence | undefined;
  withdrawing: boolean;
  onWithdraw: (evidenceId: string, reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** 撤回: a reason is required; the file stays on record. */
export function WithdrawEvidenceModal({
  evidence,
  withdrawing,
  onWithdraw,
  onClose,
}: WithdrawEvidenceModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const submitError = useFormSubmitError(form, FIELDS);

  const submit = async () => {
    if (!evidence) return;
    const { reason } = await form.validateFields();
    submitError.clear();
    try {
      await onWithdraw(evidence.id, reason.trim());
      void message.success(t('tasks.evidence.withdrawn', { name: evidence.fileName }));
      form.resetFields();
      onClose();
    } catch (error) {
      submitError.report(error);
    }
  };

  return (
    <Modal
      open={!!evidence}
      title={evidence ? t('tasks.evidence.withdrawTitle', { name: evidence.fileName }) : undefined}
      okText={t('tasks.evidence.withdraw')}
      okButtonProps={{ danger: true, loading: withdrawing }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        submitError.clear();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('tasks.evidence.withdrawHint')}
      </Typography.Paragraph>
      {submitError.error && (
        <Alert type="error" showIcon title={submitError.error} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('tasks.evidence.withdrawReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('tasks.evidence.withdrawReasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
