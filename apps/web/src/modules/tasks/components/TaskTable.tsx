import { Table, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskListRow } from '../graphql/types';
import { formatDay } from '../utils/format';
import { TaskStatusTag } from './TaskStatusTag';
import { NotApplicableTag } from './NotApplicableTag';
import { AcknowledgeTag } from './AcknowledgeTag';

export interface TaskTableProps {
  tasks: TaskListRow[];
  loading: boolean;
  showUnit: boolean;
  /** Supervisors' return reasons by task id (shown under a returned task's status). */
  returnReasons?: ReadonlyMap<string, string>;
}

export const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

export function TaskTable({ tasks, loading, showUnit, returnReasons }: TaskTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;

  const columns: TableProps<TaskListRow>['columns'] = [
    {
      key: 'article',
      title: t('tasks.columns.article'),
      width: 90,
      render: (_, task) => (
        <Tooltip title={task.article.title}>
          <span>{t('tasks.articleNumber', { number: task.article.number })}</span>
        </Tooltip>
      ),
    },
    {
      key: 'subject',
      title: t('tasks.columns.subject'),
      render: (_, task) => (
        <Typography.Link
          href={taskPath(task.id)}
          onClick={(event) => {
            event.preventDefault();
            event.stopPropagation();
            navigate(taskPath(task.id));
          }}
        >
          {task.duty.subject}
        </Typography.Link>
      ),
    },
    ...(showUnit
      ? [
          {
            key: 'unit',
            title: t('tasks.columns.unit'),
            width: 130,
            render: (_: unknown, task: TaskListRow) => task.unit.name,
          },
        ]
      : []),
    {
      key: 'leadDepartment',
      title: t('tasks.columns.leadDepartment'),
      width: 180,
      render: (_, task) => task.leadDepartment.name,
    },
    {
      key: 'status',
      title: t('tasks.columns.status'),
      width: 170,
      render: (_, task) => {
        const reason = task.status === 'RETURNED' ? returnReasons?.get(task.id) : undefined;
        return (
          <div>
            <TaskStatusTag status={task.status} overdue={task.overdue} retired={!!task.retiredAt} />
            <NotApplicableTag status={task.notApplicableStatus} />
            <AcknowledgeTag task={task} />
            {reason && (
              <Typography.Paragraph
                type="danger"
                style={{ margin: '4px 0 0', fontSize: 12 }}
                ellipsis={{ rows: 2, tooltip: reason }}
              >
                {t('tasks.returned.reason', { reason })}
              </Typography.Paragraph>
            )}
          </div>
        );
      },
    },
    {
      key: 'dueDate',
      title: t('tasks.columns.dueDate'),
      width: 130,
      render: (_, task) => (
        <Typography.Text type={task.overdue ? 'danger' : undefined}>
          {formatDay(task.dueDate, language)}
        </Typography.Text>
      ),
    },
    {
      key: 'evidence',
      title: t('tasks.columns.evidence'),
      width: 90,
      render: (_, task) =>
        task.evidenceCount > 0 ? (
          t('tasks.evidenceCount', { count: task.evidenceCount })
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'updatedAt',
      title: t('tasks.columns.updatedAt'),
      width: 170,
      render: (_, task) => (
        <time dateTime={task.updatedAt}>{formatDateTime(task.updatedAt, language)}</time>
      ),
    },
  ];

  return (
    <Table<TaskListRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('tasks.list.empty') }}
      onRow={(task) => ({
        onClick: () => navigate(taskPath(task.id)),
        style: { cursor: 'pointer' },
      })}
    />
  );
}
