import { Table, Tooltip, Typography, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { DISPLAY_TIME_ZONE, formatDateTime } from '../../../utils/formatDateTime';
import type { SortDirection, TaskListRow, TaskSort } from '../graphql/types';
import { formatDay } from '../utils/format';
import { PAGE_SIZES } from '../utils/taskFilters';
import { AcknowledgeTag } from './AcknowledgeTag';
import { NotApplicableTag } from './NotApplicableTag';
import { TaskStatusTag } from './TaskStatusTag';

export interface TaskTablePaging {
  /** 1-based. */
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

export interface TaskTableProps {
  tasks: TaskListRow[];
  loading: boolean;
  showUnit: boolean;
  /** 牵头部门: left out where it would only repeat the operator's own department. */
  showLeadDepartment?: boolean;
  /** Supervisors' return reasons by task id (shown under a returned task's status). */
  returnReasons?: ReadonlyMap<string, string>;
  /** The server-side sort shown on the column headers; absent: not sortable. */
  sort?: { sort: TaskSort; direction: SortDirection };
  /** A header click: the new sort, or undefined to return to the default (due date, ascending). */
  onSortChange?: (sort: TaskSort | undefined, direction: SortDirection) => void;
  /** Server-side page numbers under the table; absent: no paging. */
  paging?: TaskTablePaging;
}

export const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/** At most two lines of the duty; the whole of it in the tooltip. */
const CLAMP: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  overflowWrap: 'anywhere',
};

const dayInChina = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE }).format(new Date(iso));

/**
 * The task list table. Fixed columns are kept narrow so that the duty (职责事项) takes the rest
 * of the width; it is clamped to two lines with the full statement on hover, so that a page of
 * 50 stays a sensible height.
 */
export function TaskTable({
  tasks,
  loading,
  showUnit,
  showLeadDepartment = true,
  returnReasons,
  sort,
  onSortChange,
  paging,
}: TaskTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;

  const sortable = (key: TaskSort) =>
    sort && onSortChange
      ? {
          sorter: true,
          sortDirections: ['ascend', 'descend'] as SortOrder[],
          sortOrder:
            sort.sort === key
              ? ((sort.direction === 'DESC' ? 'descend' : 'ascend') as SortOrder)
              : null,
        }
      : {};

  const columns: TableProps<TaskListRow>['columns'] = [
    {
      key: 'ARTICLE',
      title: t('tasks.columns.article'),
      width: 72,
      ...sortable('ARTICLE'),
      render: (_, task) => (
        <Tooltip title={task.article.title}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {t('tasks.articleNumber', { number: task.article.number })}
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'subject',
      title: t('tasks.columns.subject'),
      render: (_, task) => (
        <Tooltip
          title={
            <div style={{ maxWidth: 480 }}>
              <div>{task.duty.subject}</div>
              {task.duty.text !== task.duty.subject && (
                <div style={{ marginTop: 4, opacity: 0.85 }}>{task.duty.text}</div>
              )}
            </div>
          }
          placement="topLeft"
          mouseEnterDelay={0.4}
        >
          <div style={CLAMP}>
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
          </div>
        </Tooltip>
      ),
    },
    ...(showUnit
      ? [
          {
            key: 'UNIT',
            title: t('tasks.columns.unit'),
            width: 96,
            ...sortable('UNIT'),
            render: (_: unknown, task: TaskListRow) => task.unit.name,
          },
        ]
      : []),
    ...(showLeadDepartment
      ? [
          {
            key: 'leadDepartment',
            title: t('tasks.columns.leadDepartment'),
            width: 130,
            render: (_: unknown, task: TaskListRow) => (
              <span style={CLAMP}>{task.leadDepartment.name}</span>
            ),
          },
        ]
      : []),
    {
      key: 'STATUS',
      title: t('tasks.columns.status'),
      width: 124,
      ...sortable('STATUS'),
      render: (_, task) => {
        const reason = task.status === 'RETURNED' ? returnReasons?.get(task.id) : undefined;
        return (
          <div>
            <TaskStatusTag status={task.status} overdue={task.overdue} retired={!!task.retiredAt} />
            <NotApplicableTag status={task.notApplicableStatus} />
            <AcknowledgeTag task={task} />
            {reason && (
              <Tooltip title={reason}>
                <Typography.Text
                  type="danger"
                  style={{ ...CLAMP, margin: '4px 0 0', fontSize: 12 }}
                >
                  {t('tasks.returned.reason', { reason })}
                </Typography.Text>
              </Tooltip>
            )}
          </div>
        );
      },
    },
    {
      key: 'DUE_DATE',
      title: t('tasks.columns.dueDate'),
      width: 116,
      ...sortable('DUE_DATE'),
      render: (_, task) => (
        <Typography.Text type={task.overdue ? 'danger' : undefined}>
          {formatDay(task.dueDate, language)}
        </Typography.Text>
      ),
    },
    {
      key: 'evidence',
      title: t('tasks.columns.evidence'),
      width: 64,
      render: (_, task) =>
        task.evidenceCount > 0 ? (
          t('tasks.evidenceCount', { count: task.evidenceCount })
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'UPDATED_AT',
      title: t('tasks.columns.updatedAt'),
      width: 116,
      ...sortable('UPDATED_AT'),
      render: (_, task) => (
        <Tooltip title={formatDateTime(task.updatedAt, language)}>
          <time dateTime={task.updatedAt}>{formatDay(dayInChina(task.updatedAt), language)}</time>
        </Tooltip>
      ),
    },
  ];

  return (
    <>
      <Table<TaskListRow>
        className="task-list-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tasks}
        loading={loading}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('tasks.list.empty') }}
        pagination={
          paging
            ? {
                current: paging.page,
                pageSize: paging.pageSize,
                total: paging.total,
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES.map(String),
                showQuickJumper: true,
                showTotal: (total) => t('tasks.list.total', { count: total }),
                onChange: paging.onChange,
              }
            : false
        }
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action !== 'sort' || !onSortChange || Array.isArray(sorter)) return;
          const key = sorter.columnKey as TaskSort | undefined;
          if (!sorter.order || !key) onSortChange(undefined, 'ASC');
          else onSortChange(key, sorter.order === 'descend' ? 'DESC' : 'ASC');
        }}
        onRow={(task) => ({
          onClick: () => navigate(taskPath(task.id)),
          style: { cursor: 'pointer' },
        })}
      />
      {/* The table leaves its pagination (and the total in it) out when nothing matches. */}
      {paging && paging.total === 0 && !loading && (
        <Typography.Text type="secondary">{t('tasks.list.total', { count: 0 })}</Typography.Text>
      )}
    </>
  );
}
