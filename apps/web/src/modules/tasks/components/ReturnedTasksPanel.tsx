import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { AppError } from '../../../graphql/errors';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { ReturnedTask } from '../graphql/types';
import { taskPath } from './TaskTable';
import { personText } from '../../../components/PersonName';

export interface ReturnedTasksPanelProps {
  tasks: readonly ReturnedTask[];
  /** All returned tasks (the list holds the most recently changed ones). */
  totalCount: number;
  error?: AppError;
  onRetry: () => void;
}

const ALL_RETURNED = '/tasks?status=RETURNED';

/** The operator's returned tasks, first on the page, each with the supervisor's reason. */
export function ReturnedTasksPanel({ tasks, totalCount, error, onRetry }: ReturnedTasksPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // A failure must not hide returned work: say so, with a retry.
  if (error) return <QueryErrorAlert error={error} onRetry={onRetry} />;
  if (tasks.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('tasks.returned.title', { count: totalCount })}
      description={
        <div>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('tasks.returned.hint')}
          </Typography.Paragraph>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {tasks.map((task) => (
              <li key={task.id} style={{ padding: '6px 0' }}>
                <Typography.Link
                  href={taskPath(task.id)}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(taskPath(task.id));
                  }}
                >
                  {t('tasks.articleNumber', { number: task.article.number })} {task.duty.subject}
                </Typography.Link>
                <div>
                  <Typography.Text type="danger" strong>
                    {task.latestReturn?.reason
                      ? t('tasks.returned.reason', { reason: task.latestReturn.reason })
                      : t('tasks.returned.noReason')}
                  </Typography.Text>
                  {task.latestReturn && (
                    <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                      {t('tasks.returned.by', {
                        user: personText(task.latestReturn.actor, task.latestReturn.actorUsername),
                        time: formatDateTime(task.latestReturn.occurredAt, language),
                      })}
                    </Typography.Text>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {totalCount > tasks.length && (
            <Typography.Link
              href={ALL_RETURNED}
              onClick={(event) => {
                event.preventDefault();
                navigate(ALL_RETURNED);
              }}
            >
              {t('tasks.returned.showAll', { shown: tasks.length, count: totalCount })}
            </Typography.Link>
          )}
        </div>
      }
    />
  );
}
