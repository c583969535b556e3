import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BehindScheduleRow } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { tasksPath, UNFINISHED_STATUSES, unitPath } from '../utils/links';
import { AppLink } from './AppLink';

export interface BehindScheduleTableProps {
  rows: readonly BehindScheduleRow[];
  cycleId: string;
}

/** Units whose own completion trails the schedule, largest gap first (the API's order). */
export function BehindScheduleTable({ rows, cycleId }: BehindScheduleTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const columns: TableColumnsType<BehindScheduleRow> = [
    {
      key: 'unit',
      title: t('overview.behind.unit'),
      render: (_, r) => <AppLink to={unitPath(r.unit.code, cycleId)}>{r.unit.name}</AppLink>,
    },
    {
      key: 'completion',
      title: t('overview.behind.completion'),
      align: 'right',
      render: (_, r) => f.percent(r.completionRate),
    },
    {
      key: 'expected',
      title: t('overview.behind.expected'),
      align: 'right',
      render: (_, r) => f.percent(r.expected),
    },
    {
      key: 'gap',
      title: t('overview.behind.gap'),
      align: 'right',
      render: (_, r) => <span style={{ color: '#c0392b' }}>{f.percent(r.gap)}</span>,
    },
    {
      key: 'open',
      title: t('overview.behind.open'),
      align: 'right',
      render: (_, r) => (
        <AppLink
          to={tasksPath({ cycleId, unitCode: r.unit.code, statuses: UNFINISHED_STATUSES })}
          aria-label={t('overview.behind.openLabel', {
            unit: r.unit.name,
            n: f.number(r.tasks - r.verified),
          })}
        >
          {t('overview.behind.openValue', {
            open: f.number(r.tasks - r.verified),
            tasks: f.number(r.tasks),
          })}
        </AppLink>
      ),
    },
  ];
  return (
    <Table<BehindScheduleRow>
      size="small"
      rowKey={(r) => r.unit.code}
      columns={columns}
      dataSource={rows as BehindScheduleRow[]}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
    />
  );
}
