import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { ReturnedTaskWithReason } from '../hooks/useReturnedTasks';
import { taskPath } from './TaskTable';

/** The operator's returned tasks, first on the page, each with the supervisor's reason. */
export function ReturnedTasksPanel({ items }: { items: ReturnedTaskWithReason[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (items.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={t('tasks.returned.title', { count: items.length })}
      description={
        <div>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('tasks.returned.hint')}
          </Typography.Paragraph>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map(({ task, returnEvent }) => (
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
                    {returnEvent?.reason
                      ? t('tasks.returned.reason', { reason: returnEvent.reason })
                      : t('tasks.returned.noReason')}
                  </Typography.Text>
                  {returnEvent && (
                    <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                      {t('tasks.returned.by', {
                        user: returnEvent.actorUsername,
                        time: formatDateTime(returnEvent.occurredAt, language),
                      })}
                    </Typography.Text>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </div>
      }
    />
  );
}
