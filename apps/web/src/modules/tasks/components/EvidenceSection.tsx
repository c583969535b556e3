import {
  Alert,
  Button,
  Card,
  Flex,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskDetail, TaskEvidence } from '../graphql/types';
import { fileSizeParts, formatDay } from '../utils/format';
import { evidenceFrozen } from '../utils/taskStatus';
import { EvidencePreviewModal } from './EvidencePreviewModal';
import { EvidenceUploader } from './EvidenceUploader';
import { WithdrawEvidenceModal } from './WithdrawEvidenceModal';
import { PersonName } from '../../../components/PersonName';

export interface EvidenceSectionProps {
  task: TaskDetail;
  username: string;
  withdrawing: boolean;
  onWithdraw: (evidenceId: string, reason: string) => Promise<unknown>;
  /** Reload the task after an upload. */
  onChanged: () => void;
}

/** 佐证材料: the current files, preview/download, and for the operator upload/replace/withdraw. */
export function EvidenceSection({
  task,
  username,
  withdrawing,
  onWithdraw,
  onChanged,
}: EvidenceSectionProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [previewing, setPreviewing] = useState<TaskEvidence>();
  const [replacing, setReplacing] = useState<TaskEvidence>();
  const [withdrawingFile, setWithdrawingFile] = useState<TaskEvidence>();
  const frozen = evidenceFrozen(task.status);
  // capabilities.edit: the task's own operator while the task is neither submitted nor verified.
  const canChange = task.capabilities.edit && !task.retiredAt;
  const missing = <Typography.Text type="secondary">—</Typography.Text>;

  const size = (bytes: number) => {
    const { unit, value } = fileSizeParts(bytes, language);
    return t(`tasks.evidence.size_${unit}`, { value });
  };

  const columns: TableProps<TaskEvidence>['columns'] = [
    {
      key: 'fileName',
      title: t('tasks.evidence.fileName'),
      render: (_, e) => (
        <Flex vertical>
          <Space size={4} wrap>
            <Typography.Text strong style={{ wordBreak: 'break-all' }}>
              {e.fileName}
            </Typography.Text>
            <Tag>{e.fileType.toUpperCase()}</Tag>
            {e.version > 1 && (
              <Tag color="blue">{t('tasks.evidence.version', { version: e.version })}</Tag>
            )}
          </Space>
          {e.description && <Typography.Text type="secondary">{e.description}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'documentNumber',
      title: t('tasks.evidence.documentNumber'),
      render: (_, e) =>
        e.documentNumber || e.issuingAuthority || e.documentDate ? (
          <Flex vertical>
            {e.documentNumber && <span>{e.documentNumber}</span>}
            {e.issuingAuthority && (
              <Typography.Text type="secondary">{e.issuingAuthority}</Typography.Text>
            )}
            {e.documentDate && (
              <Typography.Text type="secondary">
                {formatDay(e.documentDate, language)}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          missing
        ),
    },
    { key: 'size', title: t('tasks.evidence.size'), width: 84, render: (_, e) => size(e.size) },
    {
      key: 'uploaded',
      title: t('tasks.evidence.uploadedAt'),
      width: 170,
      render: (_, e) => (
        <Flex vertical>
          <PersonName person={e.uploader} fallback={e.uploadedBy} />
          <Typography.Text type="secondary">
            <time dateTime={e.uploadedAt}>{formatDateTime(e.uploadedAt, language)}</time>
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'operations',
      title: t('tasks.evidence.operations'),
      // Pinned to the right edge: when the table scrolls inside a narrow card (task detail at
      // 1366 px, a phone) 预览/下载 stay in view instead of being cut off.
      fixed: 'right',
      width: 128,
      render: (_, e) => (
        <Space size={0} wrap style={{ rowGap: 0 }}>
          {e.previewable && (
            <Button type="link" size="small" onClick={() => setPreviewing(e)}>
              {t('tasks.evidence.preview')}
            </Button>
          )}
          <Button type="link" size="small" href={e.contentUrl}>
            {t('tasks.evidence.download')}
          </Button>
          {canChange && (
            <Button type="link" size="small" onClick={() => setReplacing(e)}>
              {t('tasks.evidence.replace')}
            </Button>
          )}
          {canChange && e.uploadedBy === username && (
            <Button type="link" size="small" danger onClick={() => setWithdrawingFile(e)}>
              {t('tasks.evidence.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('tasks.evidence.title')}>
      <Flex vertical gap="middle">
        {frozen && (
          <Alert
            type="info"
            showIcon
            title={t('tasks.evidence.frozen', { status: t(`tasks.status.${task.status}`) })}
          />
        )}
        <Table<TaskEvidence>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={task.evidence}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('tasks.evidence.empty') }}
        />
        {canChange && <EvidenceUploader taskId={task.id} onUploaded={onChanged} />}
      </Flex>
      <EvidencePreviewModal evidence={previewing} onClose={() => setPreviewing(undefined)} />
      <Modal
        open={!!replacing}
        title={
          replacing ? t('tasks.evidence.replaceTitle', { name: replacing.fileName }) : undefined
        }
        footer={null}
        width={760}
        onCancel={() => setReplacing(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('tasks.evidence.replaceHint')}
        </Typography.Paragraph>
        {replacing && (
          <EvidenceUploader
            taskId={task.id}
            supersedes={replacing.id}
            onUploaded={() => {
              setReplacing(undefined);
              onChanged();
            }}
          />
        )}
      </Modal>
      <WithdrawEvidenceModal
        evidence={withdrawingFile}
        withdrawing={withdrawing}
        onWithdraw={async (id, reason) => {
          await onWithdraw(id, reason);
          onChanged();
        }}
        onClose={() => setWithdrawingFile(undefined)}
      />
    </Card>
  );
}
