import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonName, personText } from '../../../components/PersonName';
import { AppLink } from '../../overview/components/AppLink';
import { useFormatters } from '../../overview/hooks/useFormatters';
import type { Adjustment, Deduction } from '../graphql/types';

const KIND_COLORS: Record<string, string> = {
  bonus: 'success',
  deduction: 'error',
  remark: 'default',
};
const KIND_KEYS = {
  bonus: 'units.adjustments.kind.bonus',
  deduction: 'units.adjustments.kind.deduction',
  remark: 'units.adjustments.kind.remark',
} as const;

/** Supervisors' bonuses, deductions and remarks, revoked ones struck through. */
export function AdjustmentsTable({ adjustments }: { adjustments: readonly Adjustment[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const columns: TableColumnsType<Adjustment> = [
    {
      key: 'kind',
      title: t('units.adjustments.kindLabel'),
      width: 88,
      render: (_, a) => {
        const key = KIND_KEYS[a.kind as keyof typeof KIND_KEYS];
        return <Tag color={KIND_COLORS[a.kind] ?? 'default'}>{key ? t(key) : a.kind}</Tag>;
      },
    },
    {
      key: 'points',
      title: t('units.adjustments.points'),
      align: 'right',
      width: 72,
      render: (_, a) =>
        a.kind === 'remark' ? '—' : `${a.kind === 'deduction' ? '−' : '+'}${f.number(a.points)}`,
    },
    {
      key: 'reason',
      title: t('units.adjustments.reason'),
      render: (_, a) => (
        <>
          <Typography.Text delete={!!a.revokedAt}>{a.reason}</Typography.Text>
          {a.revokedAt && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('units.adjustments.revoked', {
                  by: personText(a.revoker, a.revokedBy),
                  at: f.dateTime(a.revokedAt),
                  reason: a.revokeReason ?? '',
                })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'by',
      title: t('units.adjustments.by'),
      render: (_, a) => (
        <>
          <div>
            <PersonName person={a.creator} fallback={a.createdBy} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.dateTime(a.createdAt)}
          </Typography.Text>
        </>
      ),
    },
  ];
  return (
    <Table<Adjustment>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={adjustments as Adjustment[]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('units.adjustments.empty') }}
    />
  );
}

/** Deductions the scoring rules applied (e.g. for overdue tasks). */
export function DeductionsList({ deductions }: { deductions: readonly Deduction[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (deductions.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {deductions.map((d, i) => (
        <li key={`${d.taskId ?? ''}-${i}`}>
          {d.reason}（−{f.number(d.points)}）
          {d.taskId && (
            <>
              {' '}
              <AppLink to={`/tasks/${encodeURIComponent(d.taskId)}`}>
                {t('units.adjustments.openTask')}
              </AppLink>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
