import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverdueTask } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { AppLink } from './AppLink';
import { TaskStatusTag } from './TaskStatusTag';

export interface OverdueTasksTableProps {
  tasks: readonly OverdueTask[];
}

/** The first overdue tasks (earliest due first); each leads to the task. */
export function OverdueTasksTable({ tasks }: OverdueTasksTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const columns: TableColumnsType<OverdueTask> = [
    { key: 'unit', title: t('overview.overdueList.unit'), render: (_, task) => task.unit.name },
    {
      key: 'duty',
      title: t('overview.overdueList.duty'),
      render: (_, task) => (
        <AppLink to={`/tasks/${encodeURIComponent(task.id)}`}>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 4 }}>
            {f.article(task.article.number)}
          </Typography.Text>
          {task.duty.subject}
        </AppLink>
      ),
    },
    {
      key: 'department',
      title: t('overview.overdueList.department'),
      render: (_, task) => task.leadDepartment.name,
    },
    {
      key: 'due',
      title: t('overview.overdueList.dueDate'),
      render: (_, task) => (
        <span style={{ color: '#c0392b', whiteSpace: 'nowrap' }}>{f.date(task.dueDate)}</span>
      ),
    },
    {
      key: 'status',
      title: t('overview.overdueList.status'),
      render: (_, task) => <TaskStatusTag status={task.status} />,
    },
  ];
  return (
    <Table<OverdueTask>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={tasks as OverdueTask[]}
      pagination={false}
    />
  );
}
