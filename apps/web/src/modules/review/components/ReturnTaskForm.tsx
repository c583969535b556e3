import { Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** 退回 with its required reason; Ctrl+Enter confirms, Esc cancels. */
export function ReturnTaskForm({
  submitting,
  onSubmit,
  onCancel,
}: {
  submitting: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Form<{ reason: string }>
      form={form}
      layout="vertical"
      onFinish={({ reason }) => onSubmit(reason.trim())}
      requiredMark={false}
    >
      <Form.Item
        name="reason"
        label={t('review.actions.reason')}
        rules={[{ required: true, whitespace: true, message: t('review.actions.reasonRequired') }]}
        style={{ marginBottom: 12 }}
      >
        <Input.TextArea
          autoFocus
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('review.actions.reasonPlaceholder')}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              form.submit();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              onCancel();
            }
          }}
        />
      </Form.Item>
      <Flex gap="small" justify="flex-end">
        <Button onClick={onCancel}>{t('review.actions.cancel')}</Button>
        <Button type="primary" danger htmlType="submit" loading={submitting}>
          {t('review.actions.confirmReturn')}
        </Button>
      </Flex>
    </Form>
  );
}
