import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartContainer, ChartTooltipContent, chartColor } from '../../../components/charts';

export interface IndicatorSeries {
  indicatorId: string;
  name: string;
  points: ReadonlyArray<{ year: number; score: number; marks: number | null }>;
}

/** One small line chart per indicator (marks earned per year), on a shared year axis. */
export function IndicatorSmallMultiples({
  indicators,
  years,
}: {
  indicators: readonly IndicatorSeries[];
  years: readonly number[];
}) {
  const { t } = useTranslation();
  const max = Math.max(
    1,
    ...indicators.flatMap((i) => i.points.map((p) => Math.max(p.score, p.marks ?? 0))),
  );
  return (
    <Row gutter={[12, 12]}>
      {indicators.map((ind) => {
        const byYear = new Map(ind.points.map((p) => [p.year, p.score]));
        const data = years.map((year) => ({ year: String(year), score: byYear.get(year) ?? null }));
        return (
          <Col key={ind.indicatorId} xs={24} sm={12} lg={8} xl={6}>
            <Typography.Text ellipsis={{ tooltip: ind.name }} style={{ display: 'block' }}>
              {ind.name}
            </Typography.Text>
            <ChartContainer
              title={t('assessmentHistory.unitCard.chartTitle', { name: ind.name })}
              height={120}
              config={{ score: { label: t('assessmentHistory.unitCard.score') } }}
            >
              <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
                <CartesianGrid vertical={false} strokeDasharray="3 3" />
                <XAxis dataKey="year" tick={{ fontSize: 11 }} />
                <YAxis domain={[0, Math.ceil(max)]} tick={{ fontSize: 11 }} />
                <Tooltip content={<ChartTooltipContent />} />
                <Line
                  dataKey="score"
                  stroke={chartColor('score')}
                  connectNulls
                  dot
                  isAnimationActive={false}
                />
              </LineChart>
            </ChartContainer>
          </Col>
        );
      })}
    </Row>
  );
}
