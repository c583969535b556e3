import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCycles } from '../../../hooks/useCycles';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { AcknowledgeBulkButton } from '../components/AcknowledgeBulkButton';
import { AcknowledgeCountsPanel } from '../components/AcknowledgeCountsPanel';
import { ReassignPendingPanel } from '../components/ReassignPendingPanel';
import { ReturnedTasksPanel } from '../components/ReturnedTasksPanel';
import { SpreadsheetPanel } from '../components/SpreadsheetPanel';
import { TaskFilterBar } from '../components/TaskFilterBar';
import { TaskTable } from '../components/TaskTable';
import { useReturnedTasks } from '../hooks/useReturnedTasks';
import { useTaskFilterOptions } from '../hooks/useTaskFilterOptions';
import { useTaskList } from '../hooks/useTaskList';
import {
  parseTaskFilters,
  taskFiltersToSearch,
  toTaskFilterInput,
  type TaskListFilters,
} from '../utils/taskFilters';

/** /tasks: the operator's workbench, and the task list of supervisors and auditors. */
export function TaskListPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const isOperator = user.role === 'COUNTY_OPERATOR';
  const provinceWide = user.role === 'PROVINCIAL_SUPERVISOR' || user.role === 'AUDITOR';

  const search = useLocationSearch();
  const searchText = search.toString();
  const filters = useMemo(() => parseTaskFilters(new URLSearchParams(searchText)), [searchText]);
  const cycles = useCycles(filters.cycleId);
  const cycleId = cycles.cycle?.id;
  const filterInput = useMemo(() => toTaskFilterInput(filters, cycleId), [filters, cycleId]);
  const options = useTaskFilterOptions(!isOperator);
  const list = useTaskList(filterInput, filters.sort ?? 'DUE_DATE', !cycleId);
  const returned = useReturnedTasks(cycleId, isOperator);
  const returnReasons = useMemo(
    () =>
      new Map(
        returned.tasks.flatMap((task) =>
          task.latestReturn?.reason ? [[task.id, task.latestReturn.reason] as const] : [],
        ),
      ),
    [returned.tasks],
  );
  const { retry } = list;

  const applyFilters = useCallback((next: TaskListFilters) => {
    navigate(`/tasks${taskFiltersToSearch(next)}`);
  }, []);

  const header = (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('tasks.list.title')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {isOperator ? t('tasks.list.subtitleOperator') : t('tasks.list.subtitleSupervisor')}
      </Typography.Text>
    </div>
  );

  if (cycles.loading && !cycles.loaded) {
    return (
      <Flex vertical gap="large">
        {header}
        <PageLoading />
      </Flex>
    );
  }
  if (cycles.error) {
    return (
      <Flex vertical gap="large">
        {header}
        <QueryErrorAlert error={cycles.error} onRetry={cycles.retry} />
      </Flex>
    );
  }
  if (!cycleId) {
    return (
      <Flex vertical gap="large">
        {header}
        <Card>
          <Empty description={t('tasks.list.noCycle')} />
        </Card>
      </Flex>
    );
  }

  return (
    <Flex vertical gap="large">
      {header}
      {isOperator && (
        <ReturnedTasksPanel
          tasks={returned.tasks}
          totalCount={returned.totalCount}
          error={returned.error}
          onRetry={returned.retry}
        />
      )}
      {isOperator && <SpreadsheetPanel cycleId={cycleId} onApplied={retry} />}
      <ReassignPendingPanel cycleId={cycleId} />
      {!isOperator && (
        <AcknowledgeCountsPanel
          cycleId={cycleId}
          onPickUnit={(unitCode) => applyFilters({ ...filters, unitCode, acknowledged: false })}
        />
      )}
      <Card>
        <Flex vertical gap="middle">
          <TaskFilterBar
            filters={filters}
            cycleId={cycleId}
            cycles={cycles.cycles}
            departmentKinds={options.departmentKinds}
            units={options.units}
            showPrefecture={provinceWide}
            showUnit={!isOperator}
            onChange={applyFilters}
          />
          {isOperator && <AcknowledgeBulkButton tasks={list.tasks} onDone={retry} />}
          {list.error && !list.loading && <QueryErrorAlert error={list.error} onRetry={retry} />}
          <TaskTable
            tasks={list.tasks}
            loading={list.loading}
            showUnit={!isOperator}
            returnReasons={returnReasons}
          />
          <Flex justify="space-between" align="center" wrap gap="small">
            <Typography.Text type="secondary">
              {t('tasks.list.total', { count: list.totalCount })}
            </Typography.Text>
            <Flex gap="small" align="center">
              <Button onClick={list.prev} disabled={list.page <= 1 || list.loading}>
                {t('tasks.list.prev')}
              </Button>
              <Typography.Text>{t('tasks.list.page', { page: list.page })}</Typography.Text>
              <Button onClick={list.next} disabled={!list.hasNext || list.loading}>
                {t('tasks.list.next')}
              </Button>
            </Flex>
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}
