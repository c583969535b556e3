import { Card, Empty, Timeline, Typography } from 'antd';
import { PersonName } from '../../../components/PersonName';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskHistoryEvent } from '../graphql/types';
import { useHistoryText } from '../hooks/useHistoryText';
import { statusAfter } from '../utils/history';

const colorOf = (event: TaskHistoryEvent): string => {
  if (event.kind === 'status') {
    const to = statusAfter(event);
    if (to === 'RETURNED') return 'red';
    if (to === 'VERIFIED') return 'green';
    return 'blue';
  }
  if (event.kind === 'evidence_withdrawn' || event.kind === 'retired') return 'gray';
  return 'blue';
};

/** 办理记录: who did what and when, newest first, with the reasons given. */
export function HistoryTimeline({ history }: { history: TaskHistoryEvent[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const describe = useHistoryText();
  const newestFirst = [...history].reverse();
  return (
    <Card title={t('tasks.history.title')}>
      {newestFirst.length === 0 ? (
        <Empty description={t('tasks.history.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={newestFirst.map((event) => ({
            key: event.id,
            color: colorOf(event),
            content: (
              <div>
                <Typography.Text>{describe(event)}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <PersonName person={event.actor} fallback={event.actorUsername} /> ·{' '}
                    <time dateTime={event.occurredAt}>
                      {formatDateTime(event.occurredAt, language)}
                    </time>
                  </Typography.Text>
                </div>
                {event.reason && (
                  <Typography.Paragraph
                    type={
                      event.kind === 'status' && statusAfter(event) === 'RETURNED'
                        ? 'danger'
                        : undefined
                    }
                    style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                  >
                    {t('tasks.history.reason', { reason: event.reason })}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
