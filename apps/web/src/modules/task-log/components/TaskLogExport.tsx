import { DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../hooks/useErrorText';
import type { TaskLogExportState } from '../hooks/useTaskLogExport';
import { EXPORT_LIMIT } from '../utils/taskLogExport';

/** The CSV export button; while it runs, its progress and a cancel button. */
export function TaskLogExportButton({
  state,
  disabled,
  onStart,
  onCancel,
}: {
  state: TaskLogExportState;
  disabled: boolean;
  onStart: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  if (state.kind !== 'running') {
    return (
      <Button icon={<DownloadOutlined />} disabled={disabled} onClick={onStart}>
        {t('taskLog.export.button')}
      </Button>
    );
  }
  const percent = state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 0;
  return (
    <Flex gap="small" align="center" wrap>
      <Progress
        percent={percent}
        status="active"
        size="small"
        style={{ width: 140, margin: 0 }}
        aria-label={t('taskLog.export.progress', { loaded: state.loaded, total: state.total })}
      />
      <Typography.Text type="secondary">
        {t('taskLog.export.progress', { loaded: state.loaded, total: state.total })}
      </Typography.Text>
      <Button icon={<StopOutlined />} onClick={onCancel}>
        {t('taskLog.export.cancel')}
      </Button>
    </Flex>
  );
}

/** What the last export came to (nothing while idle or running). */
export function TaskLogExportResult({
  state,
  onClose,
}: {
  state: TaskLogExportState;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  switch (state.kind) {
    case 'done':
      return (
        <Alert
          type={state.truncated ? 'warning' : 'success'}
          showIcon
          closable={{ onClose }}
          title={t('taskLog.export.done', { count: state.count, fileName: state.fileName })}
          description={
            state.truncated
              ? t('taskLog.export.truncated', { total: state.total, limit: EXPORT_LIMIT })
              : undefined
          }
        />
      );
    case 'cancelled':
      return (
        <Alert type="info" showIcon closable={{ onClose }} title={t('taskLog.export.cancelled')} />
      );
    case 'failed':
      return (
        <Alert
          type="error"
          showIcon
          closable={{ onClose }}
          title={t('taskLog.export.failed')}
          description={errorText(state.error)}
        />
      );
    default:
      return null;
  }
}
