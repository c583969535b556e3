import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { FormDialog } from '../../../components/FormDialog';

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
  label,
  requiredMessage,
  placeholder,
  onSubmit,
  ...dialog
}: ReasonModalProps) {
  return (
    <FormDialog<ReasonValues>
      {...dialog}
      serverFields={SERVER_FIELDS}
      onSubmit={({ reason }) => onSubmit((reason ?? '').trim())}
    >
      <Form.Item
        name="reason"
        label={label}
        rules={[{ required: true, whitespace: true, message: requiredMessage }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={placeholder} />
      </Form.Item>
    </FormDialog>
  );
}
