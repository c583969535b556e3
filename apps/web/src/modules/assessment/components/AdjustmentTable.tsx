import { Button, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { Adjustment } from '../graphql/types';
import { formatPoints } from '../utils/format';
import { personText } from '../../../components/PersonName';

const KIND_COLORS: Record<string, string> = { bonus: 'green', deduction: 'red', remark: 'blue' };

export interface AdjustmentTableProps {
  adjustments: Adjustment[];
  loading: boolean;
  canRevoke: boolean;
  onRevoke: (adjustment: Adjustment) => void;
}

export function AdjustmentTable({
  adjustments,
  loading,
  canRevoke,
  onRevoke,
}: AdjustmentTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const kindLabel = (kind: string) =>
    ['bonus', 'deduction', 'remark'].includes(kind)
      ? t(`assessment.adjustments.kinds.${kind as 'bonus'}`)
      : kind;

  const columns: TableProps<Adjustment>['columns'] = [
    {
      key: 'kind',
      title: t('assessment.adjustments.columns.kind'),
      render: (_, a) => <Tag color={KIND_COLORS[a.kind]}>{kindLabel(a.kind)}</Tag>,
    },
    {
      key: 'points',
      title: t('assessment.adjustments.columns.points'),
      align: 'right',
      render: (_, a) =>
        a.kind === 'remark'
          ? '—'
          : `${a.kind === 'deduction' ? '−' : '+'}${formatPoints(a.points, language)}`,
    },
    {
      key: 'reason',
      title: t('assessment.adjustments.columns.reason'),
      render: (_, a) => (
        <Typography.Text delete={!!a.revokedAt} style={{ whiteSpace: 'pre-wrap' }}>
          {a.reason}
        </Typography.Text>
      ),
    },
    {
      key: 'created',
      title: t('assessment.adjustments.columns.created'),
      render: (_, a) =>
        t('assessment.adjustments.createdBy', {
          user: personText(a.creator, a.createdBy),
          time: formatDateTime(a.createdAt, language),
        }),
    },
    {
      key: 'state',
      title: t('assessment.adjustments.columns.state'),
      render: (_, a) =>
        a.revokedAt ? (
          <span>
            <Tag>{t('assessment.adjustments.revoked')}</Tag>
            <Typography.Text type="secondary">
              {t('assessment.adjustments.revokedBy', {
                user: personText(a.revoker, a.revokedBy),
                time: formatDateTime(a.revokedAt, language),
                reason: a.revokeReason ?? '',
              })}
            </Typography.Text>
          </span>
        ) : (
          <Tag color="success">{t('assessment.adjustments.active')}</Tag>
        ),
    },
    ...(canRevoke
      ? [
          {
            key: 'actions',
            title: t('assessment.adjustments.columns.actions'),
            render: (_: unknown, a: Adjustment) =>
              a.revokedAt ? null : (
                <Button size="small" danger onClick={() => onRevoke(a)}>
                  {t('assessment.adjustments.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<Adjustment>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={adjustments}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('assessment.adjustments.empty') }}
    />
  );
}
