import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ItemIdentity, type ConfirmItem } from './VerifyConfirmModal';

/** 批量退回: the chosen tasks, listed, go back with one reason. */
export function BulkReturnModal({
  items,
  open,
  submitting,
  onSubmit,
  onCancel,
}: {
  items: readonly ConfirmItem[];
  open: boolean;
  submitting: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('review.bulk.returnTitle', { count: items.length })}
      okText={t('review.actions.confirmReturn')}
      okButtonProps={{ danger: true }}
      cancelText={t('review.actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={submitting}
      destroyOnHidden
      width={560}
    >
      {/* A scrolling list: focusable, so keyboard users can scroll it. */}
      <ol
        tabIndex={0}
        aria-label={t('review.bulk.returnTitle', { count: items.length })}
        style={{ maxHeight: 240, overflowY: 'auto', paddingInlineStart: 20 }}
      >
        {items.map((item) => (
          <li key={item.id} style={{ marginBottom: 8 }}>
            <ItemIdentity item={item} />
          </li>
        ))}
      </ol>
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        onFinish={({ reason }) => onSubmit(reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('review.bulk.reason')}
          rules={[
            { required: true, whitespace: true, message: t('review.actions.reasonRequired') },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('review.actions.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('review.bulk.allOrNothing')}
      </Typography.Text>
    </Modal>
  );
}
