import { Button, Card, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useAcknowledgeCounts } from '../hooks/useAcknowledge';

interface CountRow {
  unitCode: string;
  unitName: string;
  count: number;
  oldestCreatedAt: string;
}

export interface AcknowledgeCountsPanelProps {
  cycleId: string;
  /** Opens the list of a unit's unacknowledged tasks. */
  onPickUnit: (unitCode: string) => void;
}

/** Supervisors: units with unacknowledged tasks, most first. */
export function AcknowledgeCountsPanel({ cycleId, onPickUnit }: AcknowledgeCountsPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { counts, loading, error, retry } = useAcknowledgeCounts(cycleId, false);
  const columns: TableProps<CountRow>['columns'] = [
    {
      key: 'unit',
      title: t('tasks.assignment.ack.countsUnit'),
      render: (_, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onPickUnit(row.unitCode)}>
          {row.unitName}
        </Button>
      ),
    },
    {
      key: 'count',
      title: t('tasks.assignment.ack.countsCount'),
      dataIndex: 'count',
      width: 110,
      align: 'right',
    },
    {
      key: 'oldest',
      title: t('tasks.assignment.ack.countsOldest'),
      width: 180,
      render: (_, row) => formatDateTime(row.oldestCreatedAt, language),
    },
  ];
  return (
    <Card
      title={t('tasks.assignment.ack.countsTitle')}
      extra={
        <Typography.Text type="secondary">{t('tasks.assignment.ack.countsHint')}</Typography.Text>
      }
    >
      {error && <QueryErrorAlert error={error} onRetry={retry} />}
      <Table<CountRow>
        rowKey="unitCode"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={counts}
        pagination={counts.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: t('tasks.assignment.ack.countsEmpty') }}
      />
    </Card>
  );
}
