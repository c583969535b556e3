import { Table, theme, Tooltip, Typography, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useDeferredValue, useMemo, type CSSProperties } from 'react';
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

/**
 * Rows drawn in the first pass. The rest of the page (50 or 100 rows) follows in a background
 * render (React's deferred value), so the first rows are on screen without waiting for all.
 */
const FIRST_PASS_ROWS = 12;

/** One formatter for every row (building an Intl formatter costs more than using it). */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE });
const dayInChina = (iso: string) => CHINA_DAY.format(new Date(iso));

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
  // Plain elements in the theme's colours, not Typography in every cell (see the duty column).
  const { token } = theme.useToken();
  const firstPass = useMemo(() => tasks.slice(0, FIRST_PASS_ROWS), [tasks]);
  const shownTasks = useDeferredValue(tasks, firstPass);

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
      // A plain title, not a Tooltip: a page has 50–100 rows, and every Tooltip is a component
      // tree of its own to build before the first rows show (issue 17: first rows within 1 s).
      render: (_, task) => (
        <span style={{ whiteSpace: 'nowrap' }} title={task.article.title ?? undefined}>
          {t('tasks.articleNumber', { number: task.article.number })}
        </span>
      ),
    },
    {
      key: 'subject',
      title: t('tasks.columns.subject'),
      // The link and the native hint, not Typography.Link in a Tooltip: on a page of 50–100
      // rows those component trees were most of the time before the first rows showed.
      render: (_, task) => (
        <div
          style={CLAMP}
          title={
            task.duty.text !== task.duty.subject
              ? `${task.duty.subject}\n\n${task.duty.text}`
              : task.duty.subject
          }
        >
          <a
            href={taskPath(task.id)}
            onClick={(event) => {
              event.preventDefault();
              event.stopPropagation();
              navigate(taskPath(task.id));
            }}
          >
            {task.duty.subject}
          </a>
        </div>
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
        <span style={task.overdue ? { color: token.colorError } : undefined}>
          {formatDay(task.dueDate, language)}
        </span>
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
          <span style={{ color: token.colorTextSecondary }}>—</span>
        ),
    },
    {
      key: 'UPDATED_AT',
      title: t('tasks.columns.updatedAt'),
      width: 116,
      ...sortable('UPDATED_AT'),
      render: (_, task) => (
        <time dateTime={task.updatedAt} title={formatDateTime(task.updatedAt, language)}>
          {formatDay(dayInChina(task.updatedAt), language)}
        </time>
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
        dataSource={shownTasks}
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
