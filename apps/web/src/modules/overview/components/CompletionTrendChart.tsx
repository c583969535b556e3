import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import {
  ChartContainer,
  ChartLegendContent,
  ChartTooltipContent,
  chartColor,
} from '../../../components/charts';
import type { Cycle, TrendPoint } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { trendRows } from '../utils/trend';

export interface CompletionTrendChartProps {
  points: readonly TrendPoint[];
  cycle: Cycle;
  title: string;
}

/** Daily completion over the cycle next to the pace needed to stay on schedule. */
export function CompletionTrendChart({ points, cycle, title }: CompletionTrendChartProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const data = useMemo(() => trendRows(points, cycle), [points, cycle]);
  const config = useMemo(
    () => ({
      completion: { label: t('overview.trend.completion') },
      expected: { label: t('overview.trend.expected'), color: '#8d99ae' },
    }),
    [t],
  );
  return (
    <ChartContainer config={config} title={title} height={280} valueFormatter={f.percent}>
      <LineChart data={data} margin={{ left: 0, right: 16, top: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={(d: string) => f.shortDate(d)} minTickGap={24} />
        <YAxis domain={[0, 1]} tickFormatter={(v: number) => f.percent(v)} width={48} />
        <Tooltip
          content={({ active, payload, label }) => (
            <ChartTooltipContent
              active={active}
              payload={payload}
              label={label === undefined ? undefined : f.date(String(label))}
            />
          )}
        />
        <Legend content={<ChartLegendContent />} />
        <Line
          type="monotone"
          dataKey="completion"
          stroke={chartColor('completion')}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="expected"
          stroke={chartColor('expected')}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartContainer>
  );
}
