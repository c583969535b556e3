import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';

const FIELDS = ['reason'] as const;

export interface ReopenCycleDialogProps {
  open: boolean;
  submitting: boolean;
  onReopen: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

export function ReopenCycleDialog({ open, submitting, onReopen, onClose }: ReopenCycleDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);

  const finish = async ({ reason }: { reason: string }) => {
    clear();
    try {
      await onReopen(reason.trim());
      form.resetFields();
      onClose();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={open}
      title={t('assessment.results.reopenTitle')}
      okText={t('assessment.results.reopenOk')}
      okButtonProps={{ loading: submitting }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        clear();
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('assessment.results.reopenHint')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item
          name="reason"
          label={t('assessment.results.reopenReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('assessment.results.reopenReasonRequired'),
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
