import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** 待签收 next to a task's status in lists (nothing once acknowledged or retired). */
export function AcknowledgeTag({
  task,
}: {
  task: { acknowledgedAt?: string | null; retiredAt?: string | null };
}) {
  const { t } = useTranslation();
  if (task.acknowledgedAt || task.retiredAt) return null;
  return <Tag color="orange">{t('tasks.assignment.ack.pending')}</Tag>;
}
