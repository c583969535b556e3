import { Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { SecurityAuditEntry } from '../graphql/types';
import { useAuditLabels } from '../hooks/useAuditLabels';
import { AuditTargets } from './AuditTargets';
import { PersonName } from '../../../components/PersonName';

/** Failures and refusals stand out in red; unknown results stay neutral. */
const RESULT_COLORS: Record<string, string> = { success: 'green', failure: 'red', denied: 'red' };

const hasDetail = (entry: SecurityAuditEntry) =>
  entry.detail !== null && entry.detail !== undefined;

export interface SecurityAuditTableProps {
  entries: SecurityAuditEntry[];
  totalCount: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}

export function SecurityAuditTable({
  entries,
  totalCount,
  loading,
  page,
  pageSize,
  onPageChange,
}: SecurityAuditTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const labels = useAuditLabels();
  const missing = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: TableProps<SecurityAuditEntry>['columns'] = [
    {
      key: 'occurredAt',
      title: t('securityAudit.columns.occurredAt'),
      render: (_, entry) => (
        <time dateTime={entry.occurredAt}>
          {formatDateTime(entry.occurredAt, language, { seconds: true })}
        </time>
      ),
    },
    {
      key: 'actor',
      title: t('securityAudit.columns.actor'),
      render: (_, entry) =>
        entry.actor ? (
          <PersonName person={entry.actor} showUsername />
        ) : (
          <Typography.Text type="secondary">{t('securityAudit.anonymous')}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t('securityAudit.columns.action'),
      render: (_, entry) => (
        <span title={t('securityAudit.actionCodeHint', { code: entry.action })}>
          {labels.action(entry.action)}
        </span>
      ),
    },
    {
      key: 'target',
      title: t('securityAudit.columns.target'),
      render: (_, entry) =>
        entry.targets.length ? <AuditTargets targets={entry.targets} /> : missing,
    },
    {
      key: 'result',
      title: t('securityAudit.columns.result'),
      render: (_, entry) => (
        <Tag color={RESULT_COLORS[entry.result]}>{labels.result(entry.result)}</Tag>
      ),
    },
    {
      key: 'ip',
      title: t('securityAudit.columns.ip'),
      render: (_, entry) => entry.ip ?? missing,
    },
  ];

  return (
    <Table<SecurityAuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      scroll={{ x: 'max-content' }}
      expandable={{
        rowExpandable: hasDetail,
        expandedRowRender: (entry) => (
          <div>
            <Typography.Text strong>{t('securityAudit.detail')}</Typography.Text>
            <pre style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(entry.detail, null, 2)}
            </pre>
          </div>
        ),
      }}
      pagination={{
        current: page,
        pageSize,
        total: totalCount,
        showSizeChanger: true,
        showTotal: (count) => t('securityAudit.total', { count }),
        onChange: onPageChange,
      }}
    />
  );
}
