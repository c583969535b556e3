import { Button, Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { navigate } from '../../../app/navigation';
import { ChartContainer, ChartTooltipContent, chartColor } from '../../../components/charts';
import type { UnitAnalyticsRow } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { tasksPath, unitPath, unitTaskScope } from '../utils/links';
import { unitFigures, type UnitFigures } from '../utils/units';
import { AppLink } from './AppLink';

interface Row extends UnitFigures {
  code: string;
  name: string;
  isPrefecture: boolean;
}

export interface UnitCompletionPanelProps {
  rows: readonly UnitAnalyticsRow[];
  cycleId: string;
  /** Province-wide view: a prefecture drills down into its counties. */
  canDrill: boolean;
  onDrill: (prefectureCode: string) => void;
  /** Accessible name of the chart. */
  title: string;
}

/** Completion per unit as a bar chart or a table; numbers lead to the tasks behind them. */
export function UnitCompletionPanel({
  rows,
  cycleId,
  canDrill,
  onDrill,
  title,
}: UnitCompletionPanelProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const data = useMemo<Row[]>(
    () =>
      rows.map((r) => ({
        code: r.unit.code,
        name: r.unit.name,
        isPrefecture: r.unit.level === 'PREFECTURE',
        ...unitFigures(r),
      })),
    [rows],
  );
  const drills = (row: Row) => canDrill && row.isPrefecture;
  const open = (row: Row) =>
    drills(row) ? onDrill(row.code) : navigate(unitPath(row.code, cycleId));

  const tasksOf = (row: Row) => ({ cycleId, ...unitTaskScope(row.code, row.isPrefecture) });
  const columns: TableColumnsType<Row> = [
    {
      key: 'unit',
      title: t('overview.units.unit'),
      render: (_, row) =>
        drills(row) ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => onDrill(row.code)}
            aria-label={t('overview.units.drillLabel', { unit: row.name })}
          >
            {row.name}
          </Button>
        ) : (
          <AppLink to={unitPath(row.code, cycleId)}>{row.name}</AppLink>
        ),
    },
    {
      key: 'tasks',
      title: t('overview.units.tasks'),
      align: 'right',
      render: (_, row) => <AppLink to={tasksPath(tasksOf(row))}>{f.number(row.tasks)}</AppLink>,
    },
    {
      key: 'verified',
      title: t('overview.units.verified'),
      align: 'right',
      render: (_, row) => (
        <AppLink to={tasksPath({ ...tasksOf(row), statuses: ['VERIFIED'] })}>
          {f.number(row.verified)}
        </AppLink>
      ),
    },
    {
      key: 'overdue',
      title: t('overview.units.overdue'),
      align: 'right',
      render: (_, row) => (
        <AppLink
          to={tasksPath({ ...tasksOf(row), overdue: true })}
          style={row.overdue > 0 ? { color: '#c0392b' } : undefined}
        >
          {f.number(row.overdue)}
        </AppLink>
      ),
    },
    {
      key: 'completion',
      title: t('overview.units.completion'),
      align: 'right',
      render: (_, row) => f.percent(row.completionRate),
    },
    {
      key: 'evidence',
      title: t('overview.units.evidence'),
      align: 'right',
      render: (_, row) => f.number(row.evidenceCount),
    },
    {
      key: 'detail',
      title: t('overview.units.assessment'),
      render: (_, row) => (
        <AppLink
          to={unitPath(row.code, cycleId)}
          aria-label={t('overview.units.assessmentLabel', { unit: row.name })}
        >
          {t('overview.units.assessmentLink')}
        </AppLink>
      ),
    },
  ];

  return (
    <Flex vertical gap="small">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Text type="secondary">
          {canDrill ? t('overview.units.drillHint') : t('overview.units.openHint')}
        </Typography.Text>
        <Segmented
          size="small"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          options={[
            { value: 'chart', label: t('overview.units.viewChart') },
            { value: 'table', label: t('overview.units.viewTable') },
          ]}
        />
      </Flex>
      {view === 'chart' ? (
        <ChartContainer
          config={{ completionRate: { label: t('overview.units.completion') } }}
          title={title}
          height={Math.max(240, data.length * 26 + 40)}
          valueFormatter={f.percent}
        >
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => f.percent(v)} />
            <YAxis type="category" dataKey="name" width={labelWidth(data)} interval={0} />
            <Tooltip content={<ChartTooltipContent />} cursor={{ fillOpacity: 0.3 }} />
            <Bar
              dataKey="completionRate"
              fill={chartColor('completionRate')}
              isAnimationActive={false}
              style={{ cursor: 'pointer' }}
              onClick={(_: unknown, index: number) => {
                const row = data[index];
                if (row) open(row);
              }}
            >
              {data.map((row) => (
                <Cell key={row.code} fill={chartColor('completionRate')} />
              ))}
            </Bar>
          </BarChart>
        </ChartContainer>
      ) : (
        <Table<Row>
          size="small"
          rowKey="code"
          columns={columns}
          dataSource={data}
          pagination={false}
          scroll={{ y: 360 }}
        />
      )}
    </Flex>
  );
}

/** Room for the longest unit name on the axis (e.g. 恩施土家族苗族自治州), within bounds. */
function labelWidth(rows: ReadonlyArray<{ name: string }>): number {
  const longest = rows.reduce((max, row) => Math.max(max, [...row.name].length), 0);
  return Math.min(200, Math.max(64, longest * 14 + 12));
}
