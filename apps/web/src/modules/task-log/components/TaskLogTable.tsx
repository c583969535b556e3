import { Empty, Table, Tag, Typography, type TableProps } from 'antd';
import { PersonName } from '../../../components/PersonName';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useHistoryText } from '../../tasks/hooks/useHistoryText';
import { isHistoryKind, statusAfter } from '../../tasks/utils/history';
import type { TaskLogEvent } from '../graphql/types';
import { useKindLabel } from '../hooks/useKindLabel';

export const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;

/**
 * Returns stand out in red, verifications in green; withdrawals, retirements and kinds the app
 * does not know stay grey.
 */
function kindColor(event: TaskLogEvent): string | undefined {
  if (!isHistoryKind(event.kind)) return undefined;
  if (event.kind === 'status') {
    const to = statusAfter(event);
    if (to === 'RETURNED') return 'red';
    if (to === 'VERIFIED') return 'green';
    return 'blue';
  }
  if (event.kind === 'evidence_withdrawn' || event.kind === 'retired') return undefined;
  return 'geekblue';
}

export interface TaskLogTableProps {
  events: TaskLogEvent[];
  loading: boolean;
}

export function TaskLogTable({ events, loading }: TaskLogTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const kindLabel = useKindLabel();
  const describe = useHistoryText();
  const missing = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: TableProps<TaskLogEvent>['columns'] = [
    {
      key: 'occurredAt',
      title: t('taskLog.columns.occurredAt'),
      width: 180,
      render: (_, event) => (
        <time dateTime={event.occurredAt}>
          {formatDateTime(event.occurredAt, language, { seconds: true })}
        </time>
      ),
    },
    {
      key: 'actor',
      title: t('taskLog.columns.actor'),
      width: 200,
      render: (_, event) => <PersonName person={event.actor} fallback={event.actorUsername} />,
    },
    {
      key: 'kind',
      title: t('taskLog.columns.kind'),
      width: 110,
      render: (_, event) => <Tag color={kindColor(event)}>{kindLabel(event.kind)}</Tag>,
    },
    {
      key: 'task',
      title: t('taskLog.columns.task'),
      width: 280,
      render: (_, { task }) => (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {task.unit.name} · {t('taskLog.articleNumber', { number: task.article.number })}
          </Typography.Text>
          <div>
            <Typography.Link
              href={taskPath(task.id)}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                navigate(taskPath(task.id));
              }}
            >
              {task.duty.subject}
            </Typography.Link>
          </div>
        </div>
      ),
    },
    {
      key: 'details',
      title: t('taskLog.columns.details'),
      render: (_, event) => (
        <div style={{ minWidth: 220 }}>
          <Typography.Text>{describe(event)}</Typography.Text>
          {event.reason && (
            <Typography.Paragraph
              type={
                event.kind === 'status' && statusAfter(event) === 'RETURNED' ? 'danger' : undefined
              }
              style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
            >
              {t('taskLog.reason', { reason: event.reason })}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      key: 'ip',
      title: t('taskLog.columns.ip'),
      width: 120,
      render: (_, event) => event.ip ?? missing,
    },
  ];

  return (
    <Table<TaskLogEvent>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={events}
      loading={loading}
      pagination={false}
      scroll={{ x: 1040 }}
      locale={{ emptyText: <Empty description={t('taskLog.empty')} /> }}
    />
  );
}
