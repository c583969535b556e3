import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';

export interface AcknowledgeFilterSelectProps {
  value: boolean | undefined;
  onChange: (value: boolean | undefined) => void;
}

/** The list's 签收 filter: all, 待签收 or 已签收. */
export function AcknowledgeFilterSelect({ value, onChange }: AcknowledgeFilterSelectProps) {
  const { t } = useTranslation();
  const selected = value === undefined ? 'all' : value ? 'done' : 'pending';
  return (
    <Form.Item label={t('tasks.assignment.ack.filter')} htmlFor="tasks-filter-acknowledged">
      <Select
        id="tasks-filter-acknowledged"
        style={{ width: 120 }}
        value={selected}
        options={[
          { value: 'all', label: t('tasks.assignment.ack.filterAll') },
          { value: 'pending', label: t('tasks.assignment.ack.filterPending') },
          { value: 'done', label: t('tasks.assignment.ack.filterDone') },
        ]}
        onChange={(next: string) => onChange(next === 'all' ? undefined : next === 'done')}
      />
    </Form.Item>
  );
}
