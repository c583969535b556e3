import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../graphql/types';

// Red is kept for "overdue" (see theme.ts), so no status uses it.
const STATUS_COLORS: Record<TaskStatus, string> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'processing',
  SUBMITTED: 'gold',
  RETURNED: 'orange',
  VERIFIED: 'success',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`overview.status.${status}`)}</Tag>;
}

export function OverdueTag() {
  const { t } = useTranslation();
  return <Tag color="error">{t('overview.status.overdue')}</Tag>;
}
