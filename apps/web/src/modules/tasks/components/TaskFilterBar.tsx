import { Button, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CycleSelect } from '../../../components/CycleSelect';
import type { Cycle } from '../../../hooks/useCycles';
import type { DepartmentKindOption, FilterUnit, SortDirection, TaskSort } from '../graphql/types';
import { EMPTY_FILTERS, TASK_SORTS, type TaskListFilters } from '../utils/taskFilters';
import { TASK_STATUSES } from '../utils/taskStatus';
import { AcknowledgeFilterSelect } from './AcknowledgeFilterSelect';

/** Typing pauses this long before the list follows the search box. */
export const SEARCH_DEBOUNCE_MS = 400;
/** The API's limit on the search text. */
const MAX_SEARCH_LENGTH = 100;

/**
 * The search box: the list follows it once typing pauses (or at once on Enter), and it follows
 * the URL when that changes from elsewhere (back button, reset, a link).
 */
function SearchBox({
  value,
  onSearch,
}: {
  value: string | undefined;
  onSearch: (search: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const sent = useRef(value ?? '');
  const latest = useRef(onSearch);
  useEffect(() => {
    latest.current = onSearch;
  }, [onSearch]);
  // The URL changed from elsewhere: show it.
  useEffect(() => {
    if ((value ?? '') !== sent.current) {
      sent.current = value ?? '';
      setText(value ?? '');
    }
  }, [value]);
  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === sent.current) return;
    sent.current = trimmed;
    latest.current(trimmed || undefined);
  };
  useEffect(() => {
    const timer = window.setTimeout(() => commit(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  return (
    <Input.Search
      id="tasks-filter-search"
      style={{ width: 260 }}
      allowClear
      maxLength={MAX_SEARCH_LENGTH}
      value={text}
      placeholder={t('tasks.filters.searchPlaceholder')}
      title={t('tasks.filters.searchHint')}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => {
        setText(next);
        commit(next);
      }}
    />
  );
}

export interface TaskFilterBarProps {
  filters: TaskListFilters;
  /** The cycle shown (from the URL or the default). */
  cycleId: string | undefined;
  cycles: Cycle[];
  departmentKinds: DepartmentKindOption[];
  units: FilterUnit[];
  /** Offer the prefecture filter (province-wide roles). */
  showPrefecture: boolean;
  /** Offer the unit filter (supervisors and auditors). */
  showUnit: boolean;
  onChange: (filters: TaskListFilters) => void;
}

/** Filters applied at once (the URL follows them); free text once typing pauses, or on Enter. */
export function TaskFilterBar({
  filters,
  cycleId,
  cycles,
  departmentKinds,
  units,
  showPrefecture,
  showUnit,
  onChange,
}: TaskFilterBarProps) {
  const { t } = useTranslation();
  // Any change of what is listed starts again at the first page.
  const set = (patch: Partial<TaskListFilters>) =>
    onChange({ ...filters, ...patch, page: undefined });
  const prefectures = useMemo(() => units.filter((u) => u.level === 'PREFECTURE'), [units]);
  const unitOptions = useMemo(
    () =>
      units
        .filter((u) => u.level !== 'PROVINCE')
        .filter(
          (u) =>
            !filters.prefectureCode ||
            u.code === filters.prefectureCode ||
            u.parentCode === filters.prefectureCode,
        )
        .map((u) => ({ value: u.code, label: u.name })),
    [units, filters.prefectureCode],
  );

  return (
    <Form layout="inline" style={{ rowGap: 12 }}>
      <Form.Item label={t('tasks.filters.cycle')} htmlFor="tasks-filter-cycle">
        <CycleSelect
          id="tasks-filter-cycle"
          cycles={cycles}
          // Not before the cycles are there to name it (the rows may come first).
          value={cycles.length ? cycleId : undefined}
          onChange={(value) => set({ cycleId: value })}
        />
      </Form.Item>
      {showPrefecture && (
        <Form.Item label={t('tasks.filters.prefecture')} htmlFor="tasks-filter-prefecture">
          <Select
            id="tasks-filter-prefecture"
            style={{ width: 160 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('tasks.filters.allPrefectures')}
            value={filters.prefectureCode}
            options={prefectures.map((u) => ({ value: u.code, label: u.name }))}
            onChange={(value?: string) => set({ prefectureCode: value, unitCode: undefined })}
          />
        </Form.Item>
      )}
      {showUnit && (
        <Form.Item label={t('tasks.filters.unit')} htmlFor="tasks-filter-unit">
          <Select
            id="tasks-filter-unit"
            style={{ width: 180 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('tasks.filters.allUnits')}
            value={filters.unitCode}
            options={unitOptions}
            onChange={(value?: string) => set({ unitCode: value })}
          />
        </Form.Item>
      )}
      <Form.Item label={t('tasks.filters.status')} htmlFor="tasks-filter-status">
        <Select
          id="tasks-filter-status"
          mode="multiple"
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('tasks.filters.allStatuses')}
          value={filters.statuses}
          options={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
          onChange={(statuses) => set({ statuses })}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
          {t('tasks.filters.overdue')}
        </Checkbox>
      </Form.Item>
      <AcknowledgeFilterSelect
        value={filters.acknowledged}
        onChange={(acknowledged) => set({ acknowledged })}
      />
      <Form.Item label={t('tasks.filters.chapter')} htmlFor="tasks-filter-chapter">
        <InputNumber
          id="tasks-filter-chapter"
          min={1}
          precision={0}
          style={{ width: 100 }}
          placeholder={t('tasks.filters.chapterPlaceholder')}
          value={filters.chapterNumber ?? null}
          onChange={(value) => set({ chapterNumber: value ?? undefined })}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filters.article')} htmlFor="tasks-filter-article">
        <InputNumber
          id="tasks-filter-article"
          min={1}
          precision={0}
          style={{ width: 100 }}
          placeholder={t('tasks.filters.articlePlaceholder')}
          value={filters.articleNumber ?? null}
          onChange={(value) => set({ articleNumber: value ?? undefined })}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filters.departmentKind')} htmlFor="tasks-filter-department">
        <Select
          id="tasks-filter-department"
          style={{ width: 160 }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('tasks.filters.allDepartmentKinds')}
          value={filters.departmentKindCode}
          options={departmentKinds.map((k) => ({ value: k.code, label: k.name }))}
          onChange={(value?: string) => set({ departmentKindCode: value })}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filters.search')} htmlFor="tasks-filter-search">
        <SearchBox value={filters.search} onSearch={(search) => set({ search })} />
      </Form.Item>
      <Form.Item label={t('tasks.list.sortLabel')} htmlFor="tasks-sort">
        <Flex gap={4}>
          <Select
            id="tasks-sort"
            style={{ width: 130 }}
            value={filters.sort ?? 'DUE_DATE'}
            options={TASK_SORTS.map((s) => ({ value: s, label: t(`tasks.list.sort.${s}`) }))}
            onChange={(value: TaskSort) => set({ sort: value === 'DUE_DATE' ? undefined : value })}
          />
          <Select
            aria-label={t('tasks.list.directionLabel')}
            style={{ width: 88 }}
            value={filters.direction ?? 'ASC'}
            options={(['ASC', 'DESC'] as const).map((d) => ({
              value: d,
              label: t(`tasks.list.direction.${d}`),
            }))}
            onChange={(value: SortDirection) =>
              set({ direction: value === 'DESC' ? 'DESC' : undefined })
            }
          />
        </Flex>
      </Form.Item>
      <Form.Item>
        <Flex gap="small">
          <Button
            onClick={() =>
              onChange({ ...EMPTY_FILTERS, cycleId: filters.cycleId, pageSize: filters.pageSize })
            }
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
