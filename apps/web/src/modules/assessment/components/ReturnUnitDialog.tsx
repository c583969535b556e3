import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useStageActions } from '../hooks/useStageAssessment';

const FIELDS = ['reason'] as const;

/** 退回修改: sends a submitted self-assessment back to its unit with a reason. */
export function ReturnUnitDialog({
  cycleId,
  unitCode,
  unitName,
  onClose,
}: {
  cycleId: string;
  unitCode: string;
  unitName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { returnUnit, busy } = useStageActions();

  const finish = async ({ reason }: { reason: string }) => {
    clear();
    try {
      await returnUnit({ cycleId, unitCode, reason: reason.trim() });
      void message.success(t('assessmentStages.review.returned'));
      onClose();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open
      title={t('assessmentStages.review.returnTitle', { unit: unitName })}
      okText={t('assessmentStages.review.returnUnit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item
          name="reason"
          label={t('assessmentStages.review.returnReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('assessmentStages.review.returnReasonRequired'),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
