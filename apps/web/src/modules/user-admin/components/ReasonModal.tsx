import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';

interface ReasonValues {
  reason?: string;
}

const SERVER_FIELDS = ['reason'] as const;

export interface ReasonModalProps {
  open: boolean;
  title: string;
  /** Shown above the field: what happens next. */
  intro?: ReactNode;
  label: string;
  requiredMessage: string;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  loading: boolean;
  /** Sends the trimmed reason; a rejection is shown in the dialog, which stays open. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** A dialog asking for a required reason before an action (a reset request, a rejection). */
export function ReasonModal({
  open,
  title,
  intro,
  label,
  requiredMessage,
  placeholder,
  okText,
  danger = false,
  loading,
  onSubmit,
  onClose,
}: ReasonModalProps) {
  const [form] = Form.useForm<ReasonValues>();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);

  const close = () => {
    clear();
    onClose();
  };

  const onFinish = async ({ reason }: ReasonValues) => {
    clear();
    try {
      await onSubmit((reason ?? '').trim());
      close();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      destroyOnHidden
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<ReasonValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        preserve={false}
      >
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: requiredMessage }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
