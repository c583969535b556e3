import { Alert, Button, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { ADJUSTMENT_KINDS, type AdjustmentKind } from '../graphql/types';
import type { NewAdjustment } from '../hooks/useAdjustments';

interface Values {
  kind: AdjustmentKind;
  points: number | null;
  reason: string;
}

const FIELDS = ['points', 'reason'] as const;

export interface AdjustmentFormProps {
  unitCode: string;
  submitting: boolean;
  onSubmit: (input: NewAdjustment) => Promise<unknown>;
}

/** 登记加分、扣分或督导意见 for one unit. */
export function AdjustmentForm({ unitCode, submitting, onSubmit }: AdjustmentFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'bonus';
  const { error, report, clear } = useFormSubmitError(form, FIELDS);

  const finish = async (values: Values) => {
    clear();
    try {
      await onSubmit({
        unitCode,
        kind: values.kind,
        points: values.kind === 'remark' ? 0 : (values.points ?? 0),
        reason: values.reason.trim(),
      });
      form.resetFields();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ kind: 'bonus', points: null, reason: '' }}
      onFinish={(values) => void finish(values)}
    >
      <Form.Item name="kind" label={t('assessment.adjustments.kind')}>
        <Radio.Group
          optionType="button"
          options={ADJUSTMENT_KINDS.map((k) => ({
            value: k,
            label: t(`assessment.adjustments.kinds.${k}`),
          }))}
        />
      </Form.Item>
      {kind === 'remark' && (
        <Typography.Paragraph type="secondary">
          {t('assessment.adjustments.remarkNoPoints')}
        </Typography.Paragraph>
      )}
      {kind !== 'remark' && (
        <Form.Item
          name="points"
          label={t('assessment.adjustments.points')}
          extra={kind === 'bonus' ? t('assessment.adjustments.bonusCapHint') : undefined}
          rules={[
            {
              required: true,
              type: 'number',
              min: 0.01,
              max: 100,
              message: t('assessment.adjustments.pointsRequired'),
            },
          ]}
        >
          <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('assessment.adjustments.reason')}
        rules={[
          { required: true, whitespace: true, message: t('assessment.adjustments.reasonRequired') },
        ]}
      >
        <Input.TextArea
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('assessment.adjustments.reasonPlaceholder')}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('assessment.adjustments.submit')}
      </Button>
    </Form>
  );
}
