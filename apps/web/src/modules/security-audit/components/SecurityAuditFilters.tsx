import { Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SecurityAuditFilterInput } from '../graphql/types';
import { useAuditLabels } from '../hooks/useAuditLabels';
import { KNOWN_ACTIONS, KNOWN_RESULTS, withSeen } from '../utils/auditVocabulary';
import { shanghaiDayRange, type CalendarDay } from '../utils/dateRange';

interface FilterValues {
  action?: string;
  result?: string;
  /** Part of a name or username (the API matches both). */
  actor?: string;
  dateRange?: [CalendarDay | null, CalendarDay | null] | null;
}

/**
 * Action, result, person (part of a name or a username) and date range; applied with 查询,
 * cleared with 重置.
 */
export function SecurityAuditFilters({
  seenActions,
  seenResults,
  onChange,
}: {
  /** Values seen in the log beyond those the app knows, offered as well. */
  seenActions: readonly string[];
  seenResults: readonly string[];
  onChange: (filter: SecurityAuditFilterInput) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const labels = useAuditLabels();
  const actionOptions = withSeen(KNOWN_ACTIONS, seenActions).map((value) => ({
    value,
    label: labels.action(value),
  }));
  const resultOptions = withSeen(KNOWN_RESULTS, seenResults).map((value) => ({
    value,
    label: labels.result(value),
  }));

  const onFinish = ({ action, result, actor, dateRange }: FilterValues) => {
    const filter: SecurityAuditFilterInput = {
      ...shanghaiDayRange(dateRange?.[0], dateRange?.[1]),
    };
    if (action) filter.action = action;
    if (result) filter.result = result;
    if (actor?.trim()) filter.actor = actor.trim();
    onChange(filter);
  };

  return (
    <Form<FilterValues> form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12 }}>
      <Form.Item name="action" label={t('securityAudit.filters.action')}>
        <Select
          options={actionOptions}
          placeholder={t('securityAudit.filters.allActions')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
        />
      </Form.Item>
      <Form.Item name="result" label={t('securityAudit.filters.result')}>
        <Select
          options={resultOptions}
          placeholder={t('securityAudit.filters.allResults')}
          allowClear
          style={{ width: 140 }}
        />
      </Form.Item>
      <Form.Item name="actor" label={t('securityAudit.filters.actor')}>
        <Input
          allowClear
          maxLength={64}
          placeholder={t('securityAudit.filters.actorPlaceholder')}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item name="dateRange" label={t('securityAudit.filters.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
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
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
