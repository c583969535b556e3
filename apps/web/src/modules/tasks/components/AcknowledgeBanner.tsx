import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useAcknowledgeTasks } from '../hooks/useAcknowledge';
import { useReassignState } from '../hooks/useReassign';
import { personText } from '../../../components/PersonName';

export interface AcknowledgeBannerProps {
  taskId: string;
  /** Called after the task changed (the page reloads the task: its row version moved). */
  onChanged: () => void;
}

/** 签收 on the task page: 待签收 with the button for the lead department, or who acknowledged. */
export function AcknowledgeBanner({ taskId, onChanged }: AcknowledgeBannerProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { task, reload } = useReassignState(taskId);
  const { acknowledge, acknowledging } = useAcknowledgeTasks();
  if (!task || task.retiredAt) return null;

  if (task.acknowledgedAt) {
    return (
      <Typography.Text type="secondary" data-testid="acknowledged-by">
        <CheckCircleOutlined style={{ color: '#52c41a', marginRight: 6 }} />
        {t('tasks.assignment.ack.acknowledgedBy', {
          user: personText(task.acknowledger, task.acknowledgedBy),
          time: formatDateTime(task.acknowledgedAt, language),
        })}
      </Typography.Text>
    );
  }
  const canAcknowledge = task.assignmentCapabilities.acknowledge;
  const submit = async () => {
    try {
      await acknowledge([task.id]);
      void message.success(t('tasks.assignment.ack.done'));
      await reload();
      onChanged();
    } catch (error) {
      void message.error(errorText(toAppError(error)));
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      title={t('tasks.assignment.ack.pendingTitle')}
      description={
        canAcknowledge
          ? t('tasks.assignment.ack.pendingOperator')
          : t('tasks.assignment.ack.pendingOthers')
      }
      action={
        canAcknowledge ? (
          <Button type="primary" loading={acknowledging} onClick={() => void submit()}>
            {t('tasks.assignment.ack.acknowledge')}
          </Button>
        ) : undefined
      }
    />
  );
}
