import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnsiteItemFieldsFragment } from '../../../graphql/generated/graphql';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
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
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { record, busy } = useOnsiteActions();

  const finish = async (v: Values) => {
    clear();
    try {
      await record({
        itemId: item.id,
        outcome: v.outcome,
        note: v.note?.trim() || null,
        evidenceIds: v.evidenceIds,
      });
      void message.success(t('assessmentOnsite.form.saved'));
      onClose();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open
      title={t('assessmentOnsite.form.findingTitle', {
        unit: item.unitName,
        task: `${t('assessmentOnsite.article', { article: item.article })} ${item.dutySubject}`,
      })}
      okText={t('assessmentOnsite.form.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          outcome: item.outcome ?? 'CONFIRMED',
          note: item.note ?? '',
          evidenceIds: item.evidenceIds,
        }}
        onFinish={(v) => void finish(v)}
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
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
