import { Button, DatePicker, Form, Input, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CycleSelect } from '../../../components/CycleSelect';
import type { Cycle } from '../../../hooks/useCycles';
import { HISTORY_KINDS } from '../../tasks/utils/history';
import { useKindLabel } from '../hooks/useKindLabel';
import type { TaskLogFilters as Filters } from '../utils/taskLogFilters';
import type { UnitOptionGroup } from '../../../utils/unitOptions';

export interface TaskLogFiltersProps {
  filters: Filters;
  /** The cycle shown (from the URL or the default). */
  cycleId: string;
  cycles: Cycle[];
  unitGroups: UnitOptionGroup[];
  unitsLoading: boolean;
  onChange: (filters: Filters) => void;
}

/** Filters applied at once (the URL follows them); the user name on Enter. */
export function TaskLogFilters({
  filters,
  cycleId,
  cycles,
  unitGroups,
  unitsLoading,
  onChange,
}: TaskLogFiltersProps) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const kindOptions = useMemo(() => {
    const kinds: string[] = [...HISTORY_KINDS];
    // A kind from a link that the app does not name is still offered (by its code).
    if (filters.kind && !kinds.includes(filters.kind)) kinds.push(filters.kind);
    return kinds.map((kind) => ({ value: kind, label: kindLabel(kind) }));
  }, [filters.kind, kindLabel]);
  const range = useMemo(
    () =>
      filters.from || filters.to
        ? ([filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] as [
            Dayjs | null,
            Dayjs | null,
          ])
        : null,
    [filters.from, filters.to],
  );

  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      <Form.Item label={t('taskLog.filters.cycle')} htmlFor="task-log-cycle">
        <CycleSelect
          id="task-log-cycle"
          cycles={cycles}
          value={cycleId}
          onChange={(value) => set({ cycleId: value })}
        />
      </Form.Item>
      <Form.Item label={t('taskLog.filters.unit')} htmlFor="task-log-unit">
        <Select
          id="task-log-unit"
          style={{ width: 260 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={unitsLoading}
          placeholder={t('taskLog.filters.allUnits')}
          value={filters.unitCode}
          options={unitGroups}
          onChange={(value?: string) => set({ unitCode: value })}
        />
      </Form.Item>
      <Form.Item label={t('taskLog.filters.kind')} htmlFor="task-log-kind">
        <Select
          id="task-log-kind"
          style={{ width: 160 }}
          allowClear
          placeholder={t('taskLog.filters.allKinds')}
          value={filters.kind}
          options={kindOptions}
          onChange={(value?: string) => set({ kind: value })}
        />
      </Form.Item>
      <Form.Item label={t('taskLog.filters.actor')} htmlFor="task-log-actor">
        <Input.Search
          id="task-log-actor"
          key={filters.actor ?? ''}
          style={{ width: 200 }}
          allowClear
          defaultValue={filters.actor}
          placeholder={t('taskLog.filters.actorPlaceholder')}
          onSearch={(value) => set({ actor: value.trim() || undefined })}
        />
      </Form.Item>
      <Form.Item label={t('taskLog.filters.dateRange')} htmlFor="task-log-dates">
        <DatePicker.RangePicker
          id={{ start: 'task-log-dates' }}
          allowEmpty={[true, true]}
          style={{ width: 260 }}
          value={range}
          onChange={(days) =>
            set({
              from: days?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: days?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
        />
      </Form.Item>
      {filters.taskId && (
        <Form.Item>
          <Tag closable onClose={() => set({ taskId: undefined })}>
            {t('taskLog.filters.oneTask')}
          </Tag>
        </Form.Item>
      )}
      <Form.Item>
        <Button onClick={() => onChange({ cycleId: filters.cycleId })}>{t('common.reset')}</Button>
      </Form.Item>
    </Form>
  );
}
