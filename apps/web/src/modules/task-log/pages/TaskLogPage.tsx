import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCycles } from '../../../hooks/useCycles';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { TaskLogExportButton, TaskLogExportResult } from '../components/TaskLogExport';
import { TaskLogFilters } from '../components/TaskLogFilters';
import { TaskLogTable } from '../components/TaskLogTable';
import { useTaskLog } from '../hooks/useTaskLog';
import { useTaskLogExport } from '../hooks/useTaskLogExport';
import { useTaskLogUnits } from '../hooks/useTaskLogUnits';
import {
  parseTaskLogFilters,
  taskLogFiltersToSearch,
  toTaskEventFilter,
  type TaskLogFilters as Filters,
} from '../utils/taskLogFilters';

/** /task-log: the history of every task in the jurisdiction, for auditors and supervisors. */
export function TaskLogPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const searchText = search.toString();
  const filters = useMemo(() => parseTaskLogFilters(new URLSearchParams(searchText)), [searchText]);
  const cycles = useCycles(filters.cycleId);
  const cycleId = cycles.cycle?.id;
  const filterInput = useMemo(() => toTaskEventFilter(filters, cycleId), [filters, cycleId]);
  const units = useTaskLogUnits();
  const log = useTaskLog(filterInput, !cycleId);
  const exporter = useTaskLogExport(filterInput);

  const applyFilters = useCallback((next: Filters) => {
    navigate(`/task-log${taskLogFiltersToSearch(next)}`);
  }, []);

  const header = (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('taskLog.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('taskLog.subtitle')}
      </Typography.Paragraph>
      <Typography.Text strong>
        {t('taskLog.scope', { unit: user.unit?.name ?? t('taskLog.wholeProvince') })}
      </Typography.Text>
    </div>
  );

  let content: React.ReactNode;
  if (cycles.loading && !cycles.loaded) {
    content = <PageLoading rows={8} />;
  } else if (cycles.error) {
    content = <QueryErrorAlert error={cycles.error} onRetry={cycles.retry} />;
  } else if (!cycleId) {
    content = (
      <Card>
        <Empty description={t('taskLog.noCycles')} />
      </Card>
    );
  } else {
    const firstPageFailed = !!log.error && !log.loading;
    content = (
      <Card>
        <Flex vertical gap="middle">
          <TaskLogFilters
            filters={filters}
            cycleId={cycleId}
            cycles={cycles.cycles}
            unitGroups={units.groups}
            unitsLoading={units.loading}
            onChange={applyFilters}
          />
          <Flex justify="space-between" align="center" wrap gap="small">
            <Typography.Text type="secondary">
              {log.loading ? '\u00a0' : t('taskLog.total', { count: log.totalCount })}
            </Typography.Text>
            <TaskLogExportButton
              state={exporter.state}
              disabled={log.loading || firstPageFailed || log.totalCount === 0}
              onStart={() => void exporter.start()}
              onCancel={exporter.cancel}
            />
          </Flex>
          <TaskLogExportResult state={exporter.state} onClose={exporter.dismiss} />
          {firstPageFailed && log.error ? (
            <QueryErrorAlert error={log.error} onRetry={log.retry} />
          ) : (
            <TaskLogTable events={log.events} loading={log.loading} />
          )}
          {log.moreError && !log.loadingMore && (
            <QueryErrorAlert error={log.moreError} onRetry={log.loadMore} />
          )}
          {!firstPageFailed && !log.loading && log.events.length > 0 && (
            <Flex justify="center" align="center" gap="middle" wrap>
              <Typography.Text type="secondary">
                {t('taskLog.shown', { shown: log.events.length })}
              </Typography.Text>
              {log.hasMore && (
                <Button onClick={log.loadMore} loading={log.loadingMore}>
                  {t('taskLog.loadMore')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
      </Card>
    );
  }

  return (
    <Flex vertical gap="large">
      {header}
      {content}
    </Flex>
  );
}
