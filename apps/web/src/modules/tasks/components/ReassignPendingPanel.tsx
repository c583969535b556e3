import { ArrowRightOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { ReassignPendingDocument } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';
import { taskPath } from './TaskTable';
import { PersonName } from '../../../components/PersonName';

/**
 * Supervisors and operators: the pending 转办 requests in their jurisdiction (to decide, or
 * awaiting a decision), oldest first, each linking to its task; nothing when there are none.
 */
export function ReassignPendingPanel({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data } = useQuery(ReassignPendingDocument, {
    variables: { cycleId },
    fetchPolicy: 'cache-and-network',
  });
  const pending = data?.pendingTaskReassignments ?? [];
  if (pending.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t('tasks.assignment.reassign.pendingListTitle', { count: pending.length })}
      description={
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {pending.map((r) => (
            <li key={r.id} style={{ padding: '4px 0' }}>
              <Typography.Link onClick={() => navigate(taskPath(r.task.id))}>
                {r.task.unit.name}：{r.task.duty.subject}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {r.fromDepartment.name} <ArrowRightOutlined /> {r.toDepartment.name}
                {' · '}
                <PersonName person={r.requester} fallback={r.requestedBy} />{' '}
                {formatDateTime(r.requestedAt, language)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
