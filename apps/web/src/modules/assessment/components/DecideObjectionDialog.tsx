import { App, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentObjectionFieldsFragment } from '../../../graphql/generated/graphql';
import { FormDialog } from '../../../components/FormDialog';
import { useObjectionActions } from '../hooks/useObjections';

const FIELDS = ['decision', 'reason', 'scoreChange'] as const;

interface Values {
  decision: 'UPHELD' | 'REJECTED';
  reason: string;
  scoreChange?: number | null;
}

/** 处理异议: upheld (optionally with a score change) or rejected, with a reason; decided once. */
export function DecideObjectionDialog({
  objection,
  onClose,
}: {
  objection: AssessmentObjectionFieldsFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const { decide, busy } = useObjectionActions();

  const submit = async (v: Values) => {
    await decide({
      objectionId: objection.id,
      decision: v.decision,
      reason: v.reason.trim(),
      scoreChange: v.decision === 'UPHELD' && v.scoreChange ? v.scoreChange : null,
    });
    void message.success(t('assessmentObjections.decideDialog.decided'));
  };

  return (
    <FormDialog<Values>
      open
      form={form}
      title={t('assessmentObjections.decideDialog.title', {
        unit: objection.unitName,
        indicator: objection.indicatorName,
      })}
      okText={t('assessmentObjections.decideDialog.ok')}
      intro={objection.reason}
      loading={busy}
      serverFields={FIELDS}
      initialValues={{ decision: 'UPHELD' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="decision" label={t('assessmentObjections.decideDialog.decision')}>
        <Radio.Group>
          <Radio value="UPHELD">{t('assessmentObjections.decision.UPHELD')}</Radio>
          <Radio value="REJECTED">{t('assessmentObjections.decision.REJECTED')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('assessmentObjections.decideDialog.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('assessmentObjections.decideDialog.reasonRequired'),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      {decision === 'UPHELD' && (
        <Form.Item
          name="scoreChange"
          label={t('assessmentObjections.decideDialog.scoreChange')}
          extra={t('assessmentObjections.decideDialog.scoreChangeHelp')}
        >
          <InputNumber min={-100} max={100} step={0.5} precision={2} style={{ width: 160 }} />
        </Form.Item>
      )}
    </FormDialog>
  );
}
