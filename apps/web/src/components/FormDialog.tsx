import { Alert, Form, Modal, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../hooks/useFormSubmitError';

export interface FormDialogProps<Values> {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** Shown above the form: what happens next. */
  intro?: ReactNode;
  danger?: boolean;
  loading: boolean;
  /** The form's name (element ids); optional. */
  name?: string;
  initialValues?: Partial<Values>;
  /** The fields the server may name in a refusal (a stable array): shown under them. */
  serverFields: readonly string[];
  /**
   * Sends the values. Resolving closes the dialog; a rejection is shown in it (the message
   * above the form, field problems under their fields) and it stays open with what was typed.
   */
  onSubmit: (values: Values) => Promise<void>;
  onClose: () => void;
  /** The form instance, when the caller watches a field (`Form.useWatch`); else its own. */
  form?: FormInstance<Values>;
  children: ReactNode;
}

/**
 * A dialog holding one form whose submission calls the API, with
 * the server's refusal in the dialog and the fields kept until it succeeds or is cancelled.
 */
export function FormDialog<Values extends object>({
  open,
  title,
  okText,
  intro,
  danger = false,
  loading,
  name,
  initialValues,
  serverFields,
  onSubmit,
  onClose,
  form: given,
  children,
}: FormDialogProps<Values>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>(given);
  const { error, report, clear } = useFormSubmitError(form, serverFields);

  const close = () => {
    clear();
    onClose();
  };

  const onFinish = async (values: Values) => {
    clear();
    try {
      await onSubmit(values);
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
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      destroyOnHidden
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name={name}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        preserve={false}
        initialValues={initialValues}
      >
        {children}
      </Form>
    </Modal>
  );
}
