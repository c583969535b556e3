import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CycleSelect } from '../../../components/CycleSelect';
import type { Cycle } from '../../../hooks/useCycles';
import type { EvidenceFilterValues } from '../utils/evidenceFilter';
import { TASK_STATUSES } from '../utils/taskStatuses';
import type { UnitOptionGroup } from '../../../utils/unitOptions';

/** Cycle, unit, article, task status, 文号, upload dates, history; applied with 查询. */
export function EvidenceFilters({
  cycles,
  unitGroups,
  unitsLoading,
  initialValues,
  onChange,
}: {
  cycles: readonly Cycle[];
  unitGroups: UnitOptionGroup[];
  unitsLoading: boolean;
  initialValues: EvidenceFilterValues;
  onChange: (values: EvidenceFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EvidenceFilterValues>();
  return (
    <Form<EvidenceFilterValues>
      form={form}
      name="evidenceFilters"
      layout="inline"
      initialValues={initialValues}
      onFinish={onChange}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="cycleId" label={t('evidence.filters.cycle')}>
        <CycleSelect cycles={cycles} allowClear placeholder={t('evidence.filters.allCycles')} />
      </Form.Item>
      <Form.Item name="unitCode" label={t('evidence.filters.unit')}>
        <Select
          options={unitGroups}
          loading={unitsLoading}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('evidence.filters.allUnits')}
          style={{ width: 260 }}
        />
      </Form.Item>
      <Form.Item name="articleNumber" label={t('evidence.filters.article')}>
        <InputNumber
          min={1}
          max={999}
          precision={0}
          placeholder={t('evidence.filters.articlePlaceholder')}
          style={{ width: 130 }}
        />
      </Form.Item>
      <Form.Item name="taskStatus" label={t('evidence.filters.taskStatus')}>
        <Select
          allowClear
          placeholder={t('evidence.filters.allStatuses')}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`evidence.taskStatus.${s}`) }))}
          style={{ width: 140 }}
        />
      </Form.Item>
      <Form.Item name="documentNumber" label={t('evidence.filters.documentNumber')}>
        <Input
          allowClear
          placeholder={t('evidence.filters.documentNumberPlaceholder')}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item name="uploaded" label={t('evidence.filters.uploaded')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} />
      </Form.Item>
      <Form.Item name="includeHistory" valuePropName="checked">
        <Checkbox>{t('evidence.filters.includeHistory')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange(form.getFieldsValue());
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
