import { Alert, App, DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useObjectionActions } from '../hooks/useObjections';

const FIELDS = ['objectionClosesAt'] as const;

/** The objection period ends at the end of the chosen day, Beijing time (all users are in Hubei). */
export const endOfDayInBeijing = (day: string) => `${day}T23:59:59+08:00`;

/** 发布公示: publishes the provisional results with the objection period's last day. */
export function PublishResultsDialog({
  cycleId,
  onClose,
}: {
  cycleId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ objectionClosesAt: Dayjs }>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { publish, busy } = useObjectionActions();

  const finish = async (v: { objectionClosesAt: Dayjs }) => {
    clear();
    try {
      const res = await publish(
        cycleId,
        endOfDayInBeijing(v.objectionClosesAt.format('YYYY-MM-DD')),
      );
      void message.success(
        t('assessmentObjections.tab.published', {
          version: res.data?.publishAssessmentResults.version,
        }),
      );
      onClose();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open
      title={t('assessmentObjections.publishDialog.title')}
      okText={t('assessmentObjections.publishDialog.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('assessmentObjections.publishDialog.intro')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item
          name="objectionClosesAt"
          label={t('assessmentObjections.publishDialog.closesAt')}
          rules={[
            { required: true, message: t('assessmentObjections.publishDialog.closesRequired') },
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
