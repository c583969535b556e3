import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../graphql/types';
import { STATUS_COLORS } from '../utils/taskStatus';

export interface TaskStatusTagProps {
  status: TaskStatus;
  overdue?: boolean;
  retired?: boolean;
}

/** The status in Chinese, plus the derived 已逾期 flag and 已停用 for retired tasks. */
export function TaskStatusTag({ status, overdue = false, retired = false }: TaskStatusTagProps) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[status]}>{t(`tasks.status.${status}`)}</Tag>
      {overdue && <Tag color="volcano">{t('tasks.overdue')}</Tag>}
      {retired && <Tag>{t('tasks.retired')}</Tag>}
    </Space>
  );
}
