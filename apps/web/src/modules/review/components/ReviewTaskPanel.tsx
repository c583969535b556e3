import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { personText } from '../../../components/PersonName';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { ReviewTask } from '../hooks/useReviewTask';
import { ReturnTaskForm } from './ReturnTaskForm';

function LongText({ text }: { text: string }) {
  const { t } = useTranslation();
  return text.trim() ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
      {text}
    </Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">{t('review.task.none')}</Typography.Text>
  );
}

/** The submitted task: what the unit reports, and the two decisions. */
export function ReviewTaskPanel({
  task,
  returning,
  deciding,
  onVerify,
  onStartReturn,
  onReturn,
  onCancelReturn,
}: {
  task: ReviewTask;
  returning: boolean;
  deciding: boolean;
  onVerify: () => void;
  onStartReturn: () => void;
  onReturn: (reason: string) => void;
  onCancelReturn: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const waiting = task.status === 'SUBMITTED';
  const article = task.article.title
    ? t('review.task.articleValue', { number: task.article.number, title: task.article.title })
    : t('review.task.articleNoTitle', { number: task.article.number });
  const assists = task.assists.map((a) => a.department.name).join('、');

  return (
    <Card
      size="small"
      title={
        <Typography.Text strong ellipsis title={`${task.unit.name} ${article}`}>
          {task.unit.name} · {article}
        </Typography.Text>
      }
      extra={
        <Typography.Link onClick={() => navigate(`/tasks/${encodeURIComponent(task.id)}`)}>
          {t('review.task.openTask')}
        </Typography.Link>
      }
    >
      <Flex vertical gap="middle">
        {waiting ? (
          <Flex gap="small" wrap>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              onClick={onVerify}
              loading={deciding && !returning}
              disabled={deciding || returning}
              aria-keyshortcuts="V"
            >
              {t('review.actions.verify')}
            </Button>
            <Button
              danger
              icon={<RollbackOutlined />}
              onClick={onStartReturn}
              disabled={deciding || returning}
              aria-keyshortcuts="R"
            >
              {t('review.actions.return')}
            </Button>
          </Flex>
        ) : (
          <Alert type="warning" showIcon title={t('review.task.notSubmitted')} />
        )}
        {waiting && returning && (
          <Card size="small" title={t('review.actions.returnTitle')} type="inner">
            <ReturnTaskForm submitting={deciding} onSubmit={onReturn} onCancel={onCancelReturn} />
          </Card>
        )}
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'unit', label: t('review.task.unit'), children: task.unit.name },
            { key: 'article', label: t('review.task.article'), children: article },
            { key: 'duty', label: t('review.task.duty'), children: task.duty.subject },
            {
              key: 'dutyText',
              label: t('review.task.dutyText'),
              children: (
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 3, expandable: true }}
                  style={{ marginBottom: 0 }}
                >
                  {task.duty.text}
                </Typography.Paragraph>
              ),
            },
            {
              key: 'lead',
              label: t('review.task.leadDepartment'),
              children: task.leadDepartment.name,
            },
            ...(assists
              ? [{ key: 'assists', label: t('review.task.assists'), children: assists }]
              : []),
            { key: 'due', label: t('review.task.dueDate'), children: task.dueDate },
            {
              key: 'submitted',
              label: t('review.task.submitted'),
              children: t('review.task.submittedValue', {
                by: personText(task.submitter, task.updatedBy),
                at: formatDateTime(task.submittedAt ?? task.updatedAt, language),
              }),
            },
            ...(task.returnCount > 0
              ? [
                  {
                    key: 'returns',
                    label: t('review.task.returnCount'),
                    children: task.returnCount,
                  },
                ]
              : []),
          ]}
        />
        <div>
          <Typography.Title level={5}>{t('review.task.progressNote')}</Typography.Title>
          <LongText text={task.progressNote} />
        </div>
        <div>
          <Typography.Title level={5}>{t('review.task.measures')}</Typography.Title>
          <LongText text={task.measures} />
        </div>
      </Flex>
    </Card>
  );
}
