import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublishedUnitResultFieldsFragment } from '../../../graphql/generated/graphql';
import { FormDialog } from '../../../components/FormDialog';
import { useObjectionActions } from '../hooks/useObjections';
import { UnitEvidenceSelect } from './UnitEvidenceSelect';

const FIELDS = ['indicatorId', 'reason', 'evidenceIds'] as const;

interface Values {
  indicatorId: string;
  reason: string;
  evidenceIds: string[];
}

/** 提出异议: one indicator of the unit's published result, a reason, the unit's evidence. */
export function FileObjectionDialog({
  cycleId,
  result,
  onClose,
}: {
  cycleId: string;
  result: PublishedUnitResultFieldsFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { file, busy } = useObjectionActions();

  const submit = async (v: Values) => {
    await file({
      cycleId,
      unitCode: result.unitCode,
      indicatorId: v.indicatorId,
      reason: v.reason.trim(),
      evidenceIds: v.evidenceIds,
    });
    void message.success(t('assessmentObjections.fileDialog.filed'));
  };

  return (
    <FormDialog<Values>
      open
      title={t('assessmentObjections.fileDialog.title')}
      okText={t('assessmentObjections.fileDialog.ok')}
      loading={busy}
      serverFields={FIELDS}
      initialValues={{ evidenceIds: [] }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="indicatorId"
        label={t('assessmentObjections.fileDialog.indicator')}
        rules={[
          { required: true, message: t('assessmentObjections.fileDialog.indicatorRequired') },
        ]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={result.indicators.map((i) => ({
            value: i.indicatorId,
            label: `${i.name}（${i.earned} / ${i.marks}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('assessmentObjections.fileDialog.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('assessmentObjections.fileDialog.reasonRequired'),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item
        name="evidenceIds"
        label={t('assessmentObjections.fileDialog.evidence')}
        extra={t('assessmentObjections.fileDialog.evidenceHelp')}
      >
        <UnitEvidenceSelect cycleId={cycleId} unitCode={result.unitCode} />
      </Form.Item>
    </FormDialog>
  );
}
