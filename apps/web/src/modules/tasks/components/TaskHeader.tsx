import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskDetail } from '../graphql/types';
import { formatDay } from '../utils/format';
import { latestReturn } from '../utils/history';
import { TaskStatusTag } from './TaskStatusTag';
import { personText } from '../../../components/PersonName';

/** Title, status and the facts of a task, with the status actions beside them. */
export function TaskHeader({ task, actions }: { task: TaskDetail; actions: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const assists = task.assists.map((a) => a.department.name).join('、');
  // What the operator has to fix comes first, not only in the history at the bottom.
  const lastReturn = task.status === 'RETURNED' ? latestReturn(task.history) : undefined;
  return (
    <Flex vertical gap="middle">
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingLeft: 0 }}
          onClick={() => navigate('/tasks')}
        >
          {t('tasks.detail.back')}
        </Button>
        <Typography.Title level={3} style={{ margin: '4px 0 8px' }}>
          {t('tasks.articleNumber', { number: task.article.number })} {task.duty.subject}
        </Typography.Title>
        <TaskStatusTag status={task.status} overdue={task.overdue} retired={!!task.retiredAt} />
      </div>
      {task.retiredAt && <Alert type="warning" showIcon title={t('tasks.detail.retiredNotice')} />}
      {task.status === 'RETURNED' && (
        <Alert
          type="error"
          showIcon
          data-testid="task-return-notice"
          title={t('tasks.detail.returnedNotice')}
          description={
            lastReturn ? (
              <Flex vertical gap={2}>
                <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }}>
                  {lastReturn.reason
                    ? t('tasks.returned.reason', { reason: lastReturn.reason })
                    : t('tasks.returned.noReason')}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('tasks.returned.by', {
                    user: personText(lastReturn.actor, lastReturn.actorUsername),
                    time: formatDateTime(lastReturn.occurredAt, language),
                  })}
                </Typography.Text>
              </Flex>
            ) : undefined
          }
        />
      )}
      <Card size="small">
        <Flex vertical gap="middle">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('tasks.detail.unit')}>{task.unit.name}</Descriptions.Item>
            <Descriptions.Item label={t('tasks.detail.leadDepartment')}>
              {task.leadDepartment.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('tasks.detail.assists')}>
              {assists || t('tasks.detail.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('tasks.detail.dueDate')}>
              <Typography.Text type={task.overdue ? 'danger' : undefined}>
                {formatDay(task.dueDate, language)}
              </Typography.Text>
              {task.extensionCount > 0 && (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {t('tasks.detail.extensions', { count: task.extensionCount })}
                </Typography.Text>
              )}
            </Descriptions.Item>
            {/* Worded as history, and gone once the task is verified: it no longer matters. */}
            {task.returnCount > 0 && task.status !== 'VERIFIED' && (
              <Descriptions.Item label={t('tasks.detail.returnsLabel')}>
                {t('tasks.detail.returns', { count: task.returnCount })}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('tasks.columns.updatedAt')}>
              {t('tasks.detail.updated', {
                user: personText(task.updater, task.updatedBy),
                time: formatDateTime(task.updatedAt, language),
              })}
            </Descriptions.Item>
          </Descriptions>
          <Flex gap="small" align="center" wrap>
            <Typography.Text strong>{t('tasks.actions.title')}</Typography.Text>
            {actions}
          </Flex>
        </Flex>
      </Card>
    </Flex>
  );
}
