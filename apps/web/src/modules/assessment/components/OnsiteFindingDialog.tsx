import { App, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnsiteItemFieldsFragment } from '../../../graphql/generated/graphql';
import { FormDialog } from '../../../components/FormDialog';
import { useOnsiteActions } from '../hooks/useOnsiteVerification';
import { UnitEvidenceSelect } from './UnitEvidenceSelect';

const FIELDS = ['outcome', 'note', 'evidenceIds'] as const;

interface Values {
  outcome: 'CONFIRMED' | 'DISCREPANCY';
  note?: string;
  evidenceIds: string[];
}

/** 记录核查结论 on one sampled task: confirmed, or a discrepancy with a note; evidence files. */
export function OnsiteFindingDialog({
  cycleId,
  item,
  onClose,
}: {
  cycleId: string;
  item: OnsiteItemFieldsFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const { record, busy } = useOnsiteActions();

  const submit = async (v: Values) => {
    await record({
      itemId: item.id,
      outcome: v.outcome,
      note: v.note?.trim() || null,
      evidenceIds: v.evidenceIds,
    });
    void message.success(t('assessmentOnsite.form.saved'));
  };

  return (
    <FormDialog<Values>
      open
      form={form}
      title={t('assessmentOnsite.form.findingTitle', {
        unit: item.unitName,
        task: `${t('assessmentOnsite.article', { article: item.article })} ${item.dutySubject}`,
      })}
      okText={t('assessmentOnsite.form.save')}
      loading={busy}
      serverFields={FIELDS}
      initialValues={{
        outcome: (item.outcome ?? 'CONFIRMED') as Values['outcome'],
        note: item.note ?? '',
        evidenceIds: item.evidenceIds,
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="outcome" label={t('assessmentOnsite.form.outcome')}>
        <Radio.Group>
          <Radio value="CONFIRMED">{t('assessmentOnsite.outcome.CONFIRMED')}</Radio>
          <Radio value="DISCREPANCY">{t('assessmentOnsite.outcome.DISCREPANCY')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label={t('assessmentOnsite.form.note')}
        required={outcome === 'DISCREPANCY'}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value?: string) =>
              getFieldValue('outcome') === 'DISCREPANCY' && !value?.trim()
                ? Promise.reject(new Error(t('assessmentOnsite.form.noteRequired')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="evidenceIds"
        label={t('assessmentOnsite.form.evidence')}
        extra={t('assessmentOnsite.form.evidenceHelp')}
      >
        <UnitEvidenceSelect cycleId={cycleId} unitCode={item.unitCode} />
      </Form.Item>
    </FormDialog>
  );
}
