import { Card, Empty, Flex, Typography } from 'antd';
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
import { taskListRequest, useTaskList } from '../hooks/useTaskList';
import {
  DEFAULT_PAGE_SIZE,
  parseTaskFilters,
  taskFiltersToSearch,
  type TaskListFilters,
} from '../utils/taskFilters';

/** /tasks: the operator's workbench, and the task list of supervisors and auditors. */
export function TaskListPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const isOperator = user.role === 'COUNTY_OPERATOR';
  const provinceWide =
    user.role === 'PROVINCIAL_SUPERVISOR' ||
    user.role === 'AUDITOR' ||
    user.role === 'NATIONAL_SUPERVISOR';

  const search = useLocationSearch();
  const searchText = search.toString();
  const filters = useMemo(() => parseTaskFilters(new URLSearchParams(searchText)), [searchText]);
  const cycles = useCycles(filters.cycleId);
  // The rows are asked for at once, next to the cycles (not after them): the cycle in the
  // address, or else the server's current cycle (filter.currentCycle, the rule useCycles
  // follows too), which the answer names. A cycle in the address that does not exist falls back
  // to the current one once the cycles say so.
  const requestedMissing =
    cycles.loaded && !!filters.cycleId && !cycles.cycles.some((c) => c.id === filters.cycleId);
  const listCycleId = requestedMissing ? undefined : filters.cycleId;
  const request = useMemo(() => taskListRequest(filters, listCycleId), [filters, listCycleId]);
  const options = useTaskFilterOptions(!isOperator);
  const { sort, direction, pageSize } = request.page;
  const list = useTaskList(request.filter, request.page, false);
  const cycleId = listCycleId ?? list.cycleId ?? cycles.cycle?.id;
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
  // An operator's own department leads most of their tasks: the column only says so again.
  const ownDepartmentId = user.department?.id;
  const showLeadDepartment =
    !isOperator || list.tasks.some((task) => task.leadDepartment.id !== ownDepartmentId);

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

  // Rows first: the page waits for the cycles only when the rows have not come either.
  const rowsArrived = list.tasks.length > 0 || list.answered;
  if (!rowsArrived && cycles.loading && !cycles.loaded) {
    return (
      <Flex vertical gap="large">
        {header}
        <PageLoading />
      </Flex>
    );
  }
  if (cycles.error && !rowsArrived) {
    return (
      <Flex vertical gap="large">
        {header}
        <QueryErrorAlert error={cycles.error} onRetry={cycles.retry} />
      </Flex>
    );
  }
  if (!cycleId && (cycles.loaded || list.answered)) {
    return (
      <Flex vertical gap="large">
        {header}
        <Card>
          <Empty description={t('tasks.list.noCycle')} />
        </Card>
      </Flex>
    );
  }

  if (!cycleId) {
    return (
      <Flex vertical gap="large">
        {header}
        <PageLoading />
      </Flex>
    );
  }

  return (
    <Flex vertical gap="large">
      {header}
      {cycles.error && <QueryErrorAlert error={cycles.error} onRetry={cycles.retry} />}
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
            showLeadDepartment={showLeadDepartment}
            returnReasons={returnReasons}
            sort={{ sort, direction }}
            onSortChange={(nextSort, nextDirection) =>
              applyFilters({
                ...filters,
                sort: nextSort === 'DUE_DATE' ? undefined : nextSort,
                direction: nextDirection === 'DESC' ? 'DESC' : undefined,
                page: undefined,
              })
            }
            paging={{
              page: filters.page ?? 1,
              pageSize,
              total: list.totalCount,
              onChange: (page, size) =>
                applyFilters({
                  ...filters,
                  // A new page size starts again at the first page.
                  page: size !== pageSize ? undefined : page,
                  pageSize: size === DEFAULT_PAGE_SIZE ? undefined : size,
                }),
            }}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
