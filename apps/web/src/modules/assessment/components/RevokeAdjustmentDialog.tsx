import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { Adjustment } from '../graphql/types';

const FIELDS = ['reason'] as const;

export interface RevokeAdjustmentDialogProps {
  adjustment: Adjustment | undefined;
  submitting: boolean;
  onRevoke: (id: string, reason: string) => Promise<unknown>;
  onClose: () => void;
}

export function RevokeAdjustmentDialog({
  adjustment,
  submitting,
  onRevoke,
  onClose,
}: RevokeAdjustmentDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);

  const finish = async ({ reason }: { reason: string }) => {
    if (!adjustment) return;
    clear();
    try {
      await onRevoke(adjustment.id, reason.trim());
      form.resetFields();
      onClose();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={!!adjustment}
      title={t('assessment.adjustments.revokeTitle')}
      okText={t('assessment.adjustments.revokeConfirm')}
      okButtonProps={{ danger: true, loading: submitting }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        clear();
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {adjustment && (
        <p>
          {t(`assessment.adjustments.kinds.${adjustment.kind as 'bonus'}`)}：{adjustment.reason}
        </p>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item
          name="reason"
          label={t('assessment.adjustments.revokeReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('assessment.adjustments.revokeReasonRequired'),
            },
          ]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
