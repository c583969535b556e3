import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ReasonModalProps {
  open: boolean;
  title: string;
  okText: string;
  placeholder: string;
  confirming: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Asks for the reason a return or reopen requires. */
export function ReasonModal({
  open,
  title,
  okText,
  placeholder,
  confirming,
  onConfirm,
  onCancel,
}: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ loading: confirming }}
      onOk={() => {
        form
          .validateFields()
          .then(({ reason }) => onConfirm(reason.trim()))
          .catch(() => undefined);
      }}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('tasks.actions.reason')}
          rules={[{ required: true, whitespace: true, message: t('tasks.actions.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
