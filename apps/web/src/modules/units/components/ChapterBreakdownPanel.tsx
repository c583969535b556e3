import { Col, Row, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import {
  ChartContainer,
  ChartLegendContent,
  ChartTooltipContent,
  chartColor,
} from '../../../components/charts';
import { useFormatters } from '../../overview/hooks/useFormatters';
import type { ChapterScore } from '../utils/chapterBreakdown';

/**
 * Marks earned of the marks available, per chapter: a table and a small bar chart. Where review
 * stages scored indicators, the table also shows what the rule gives and how many were reviewed.
 */
export function ChapterBreakdownPanel({ rows }: { rows: readonly ChapterScore[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const columns: TableColumnsType<ChapterScore> = [
    {
      key: 'chapter',
      title: t('units.breakdown.chapter'),
      render: (_, r) => (r.title ? `${f.chapter(r.chapter)} ${r.title}` : f.chapter(r.chapter)),
    },
    {
      key: 'indicators',
      title: t('units.breakdown.indicators'),
      align: 'right',
      render: (_, r) => f.number(r.indicators),
    },
    {
      key: 'marks',
      title: t('units.breakdown.marks'),
      align: 'right',
      render: (_, r) => f.number(r.marks),
    },
    {
      key: 'earned',
      title: t('units.breakdown.earned'),
      align: 'right',
      render: (_, r) => f.number(r.earned),
    },
    {
      key: 'rate',
      title: t('units.breakdown.rate'),
      align: 'right',
      render: (_, r) => f.percent(r.rate),
    },
  ];
  // Once a review stage has scored an indicator: what the rule gives, and how many were reviewed.
  if (rows.some((r) => r.reviewed > 0)) {
    columns.push(
      {
        key: 'computed',
        title: t('units.breakdown.computed'),
        align: 'right',
        render: (_, r) => f.number(r.computed),
      },
      {
        key: 'reviewed',
        title: t('units.breakdown.reviewed'),
        align: 'right',
        render: (_, r) => f.number(r.reviewed),
      },
    );
  }
  const chartRows = rows.map((r) => ({ ...r, label: f.chapter(r.chapter) }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={13}>
        <Table<ChapterScore>
          size="small"
          rowKey="chapter"
          columns={columns}
          dataSource={rows as ChapterScore[]}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Col>
      <Col xs={24} xl={11}>
        <ChartContainer
          title={t('units.breakdown.chartTitle')}
          height={Math.max(200, rows.length * 36 + 60)}
          config={{
            marks: { label: t('units.breakdown.marks'), color: '#c9d6ea' },
            earned: { label: t('units.breakdown.earned') },
          }}
        >
          <BarChart data={chartRows} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" />
            <YAxis type="category" dataKey="label" width={72} />
            <Tooltip content={<ChartTooltipContent />} />
            <Legend content={<ChartLegendContent />} />
            <Bar dataKey="marks" fill={chartColor('marks')} isAnimationActive={false} />
            <Bar dataKey="earned" fill={chartColor('earned')} isAnimationActive={false} />
          </BarChart>
        </ChartContainer>
      </Col>
    </Row>
  );
}
