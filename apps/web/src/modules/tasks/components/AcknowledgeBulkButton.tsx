import { App, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { useAcknowledgeTasks } from '../hooks/useAcknowledge';
import { unacknowledgedIds } from '../utils/reassignText';

export interface AcknowledgeBulkButtonProps {
  /** The tasks shown on the page. */
  tasks: ReadonlyArray<{ id: string; acknowledgedAt?: string | null; retiredAt?: string | null }>;
  onDone: () => void;
}

/** Bulk 签收 of the page's unacknowledged tasks (the operator's list); hidden when none. */
export function AcknowledgeBulkButton({ tasks, onDone }: AcknowledgeBulkButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { acknowledge, acknowledging } = useAcknowledgeTasks();
  const ids = unacknowledgedIds(tasks);
  if (ids.length === 0) return null;
  const submit = async () => {
    try {
      const count = await acknowledge(ids);
      void message.success(t('tasks.assignment.ack.bulkDone', { count }));
      onDone();
    } catch (error) {
      void message.error(errorText(toAppError(error)));
    }
  };
  return (
    <Flex justify="flex-end">
      <Popconfirm
        title={t('tasks.assignment.ack.bulkConfirm', { count: ids.length })}
        onConfirm={() => submit()}
      >
        <Button type="primary" loading={acknowledging}>
          {t('tasks.assignment.ack.bulk', { count: ids.length })}
        </Button>
      </Popconfirm>
    </Flex>
  );
}
