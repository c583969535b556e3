import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../overview/components/AppLink';
import { OverdueTag, TaskStatusTag } from '../../overview/components/TaskStatusTag';
import { useFormatters } from '../../overview/hooks/useFormatters';
import { tasksPath } from '../../overview/utils/links';
import type { UnitTask } from '../graphql/types';
import { NotApplicableTag } from '../../tasks/components/NotApplicableTag';
import {
  STATUS_ORDER,
  statusCounts,
  tasksByArticle,
  type ArticleTaskRow,
} from '../utils/tasksByArticle';

export interface UnitTasksTableProps {
  tasks: readonly UnitTask[];
  totalCount: number;
  cycleId: string;
  unitCode: string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** The unit's tasks grouped by article, with status counts leading to the task list. */
export function UnitTasksTable({
  tasks,
  totalCount,
  cycleId,
  unitCode,
  hasMore,
  loadingMore,
  onLoadMore,
}: UnitTasksTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const rows = useMemo(() => tasksByArticle(tasks), [tasks]);
  const counts = useMemo(() => statusCounts(tasks), [tasks]);
  const overdue = tasks.filter((task) => task.overdue).length;

  const columns: TableColumnsType<ArticleTaskRow> = [
    {
      key: 'article',
      title: t('units.tasks.article'),
      width: 180,
      onCell: (row) => ({ rowSpan: row.articleSpan }),
      render: (_, { task }) => (
        <>
          <div>{f.article(task.article.number)}</div>
          {task.article.title && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {task.article.title}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'duty',
      title: t('units.tasks.duty'),
      render: (_, { task }) => (
        <AppLink to={`/tasks/${encodeURIComponent(task.id)}`}>{task.duty.subject}</AppLink>
      ),
    },
    {
      key: 'department',
      title: t('units.tasks.department'),
      render: (_, { task }) => task.leadDepartment.name,
    },
    {
      key: 'status',
      title: t('units.tasks.status'),
      width: 150,
      render: (_, { task }) => (
        <Flex gap={4} wrap>
          <TaskStatusTag status={task.status} />
          {task.overdue && <OverdueTag />}
          <NotApplicableTag status={task.notApplicableStatus} />
        </Flex>
      ),
    },
    {
      key: 'evidence',
      title: t('units.tasks.evidence'),
      align: 'right',
      width: 90,
      render: (_, { task }) => f.number(task.evidenceCount),
    },
    {
      key: 'due',
      title: t('units.tasks.dueDate'),
      width: 140,
      render: (_, { task }) => f.date(task.dueDate),
    },
  ];

  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap align="center">
        {STATUS_ORDER.map((status) => (
          <AppLink
            key={status}
            to={tasksPath({ cycleId, unitCode, statuses: [status] })}
            aria-label={t('units.tasks.statusLink', {
              status: t(`overview.status.${status}`),
              n: f.number(counts[status]),
            })}
          >
            <Tag style={{ cursor: 'pointer' }}>
              {t(`overview.status.${status}`)} {f.number(counts[status])}
            </Tag>
          </AppLink>
        ))}
        <AppLink
          to={tasksPath({ cycleId, unitCode, overdue: true })}
          aria-label={t('units.tasks.overdueLink', { n: f.number(overdue) })}
        >
          <Tag color={overdue > 0 ? 'error' : 'default'} style={{ cursor: 'pointer' }}>
            {t('overview.status.overdue')} {f.number(overdue)}
          </Tag>
        </AppLink>
        {hasMore && (
          <Typography.Text type="secondary">
            {t('units.tasks.partial', { shown: f.number(tasks.length) })}
          </Typography.Text>
        )}
      </Flex>
      <Table<ArticleTaskRow>
        size="small"
        bordered
        rowKey={(row) => row.task.id}
        columns={columns}
        dataSource={rows}
        pagination={false}
        // On a phone the table scrolls inside its box, never the page.
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('units.tasks.empty') }}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {t('units.tasks.shown', { shown: f.number(tasks.length), total: f.number(totalCount) })}
        </Typography.Text>
        {hasMore && (
          <Button onClick={onLoadMore} loading={loadingMore}>
            {t('units.tasks.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
