import { Card, Empty, Flex, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { lazyChart } from '../../../components/charts/lazyChart';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import {
  AssessmentUnitYearOverYearDocument,
  type AssessmentUnitYearOverYearQuery,
} from '../../../graphql/generated/graphql';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { useFormatters } from '../../overview/hooks/useFormatters';
import { TrendArrow } from './TrendArrow';

type UnitYoy = AssessmentUnitYearOverYearQuery['unitYearOverYear'];
type Point = UnitYoy['points'][number];
type Indicator = UnitYoy['indicators'][number];

// recharts loads after the figures (the page's largest library).
const IndicatorSmallMultiples = lazyChart(
  () => import('./IndicatorSmallMultiples').then((m) => m.IndicatorSmallMultiples),
  160,
);

const signed = (n: number, format: (v: number) => string) => (n > 0 ? `+${format(n)}` : format(n));

/**
 * 历年对比 on the unit's assessment page: this cycle against the earlier ones (frozen cycles and
 * imported history) — score, rank, grade and completion with arrows, each indicator's change,
 * and one small chart per indicator.
 */
export function UnitYearOverYearCard({ cycleId, unitCode }: { cycleId: string; unitCode: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error, retry } = useAppQuery(AssessmentUnitYearOverYearDocument, {
    cycleId,
    unitCode,
  });
  const yoy = data?.unitYearOverYear;
  const title = t('assessmentHistory.unitCard.title');
  if (error && !loading) {
    return (
      <Card size="small" title={title}>
        <QueryErrorAlert error={error} onRetry={retry} />
      </Card>
    );
  }
  if (!yoy) {
    return (
      <Card size="small" title={title}>
        <PageLoading rows={3} />
      </Card>
    );
  }
  if (yoy.points.length < 2) {
    return (
      <Card size="small" title={title}>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('assessmentHistory.unitCard.empty')}
        />
      </Card>
    );
  }
  const sources = new Map(yoy.periods.map((p) => [p.year, p]));
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? t('assessmentHistory.unitCard.noValue') : f.percent(v);
  const rankText = (change: number | null | undefined) =>
    change === null || change === undefined
      ? ''
      : change > 0
        ? t('assessmentHistory.unitCard.rankUp', { n: change })
        : change < 0
          ? t('assessmentHistory.unitCard.rankDown', { n: -change })
          : t('assessmentHistory.unitCard.rankSame');

  const columns: TableProps<Point>['columns'] = [
    {
      key: 'year',
      title: t('assessmentHistory.unitCard.yearColumn'),
      render: (_, p) => {
        const period = sources.get(p.year);
        const tag = (
          <Tag color={p.source === 'imported' ? 'gold' : p.source === 'live' ? 'blue' : 'default'}>
            {t(`assessmentHistory.source.${p.source as 'frozen'}`)}
          </Tag>
        );
        return (
          <Flex gap="small" align="center">
            <span>{t('assessmentHistory.unitCard.year', { year: p.year })}</span>
            {period?.sourceFileName ? (
              <Tooltip
                title={t('assessmentHistory.source.importedFrom', {
                  file: period.sourceFileName,
                  user: period.importedBy ?? '',
                })}
              >
                {tag}
              </Tooltip>
            ) : (
              tag
            )}
          </Flex>
        );
      },
    },
    {
      key: 'score',
      title: t('assessmentHistory.unitCard.score'),
      align: 'right',
      render: (_, p) => f.number(p.score),
    },
    {
      key: 'rank',
      title: t('assessmentHistory.unitCard.rank'),
      align: 'right',
      render: (_, p) => f.number(p.rank),
    },
    {
      key: 'grade',
      title: t('assessmentHistory.unitCard.grade'),
      render: (_, p) => p.grade ?? t('assessmentHistory.unitCard.noValue'),
    },
    {
      key: 'completion',
      title: t('assessmentHistory.unitCard.completion'),
      align: 'right',
      render: (_, p) => pct(p.completion),
    },
  ];
  const indicatorColumns: TableProps<Indicator>['columns'] = [
    { key: 'name', title: t('assessmentHistory.unitCard.indicator'), dataIndex: 'name' },
    ...yoy.points.map((p) => ({
      key: `y${p.year}`,
      title: t('assessmentHistory.unitCard.year', { year: p.year }),
      align: 'right' as const,
      render: (_: unknown, ind: Indicator) => {
        const point = ind.points.find((q) => q.year === p.year);
        return point ? f.number(point.score) : t('assessmentHistory.unitCard.noValue');
      },
    })),
    {
      key: 'change',
      title: t('assessmentHistory.unitCard.change'),
      align: 'right',
      render: (_, ind) => (
        <TrendArrow
          change={ind.scoreChange}
          text={ind.scoreChange === null ? '' : signed(ind.scoreChange, f.number)}
        />
      ),
    },
  ];
  return (
    <Card size="small" title={title}>
      <Flex vertical gap="middle">
        <Flex gap="large" wrap>
          <Flex vertical>
            <Typography.Text type="secondary">
              {t('assessmentHistory.unitCard.score')} · {t('assessmentHistory.unitCard.change')}
            </Typography.Text>
            <TrendArrow
              change={yoy.scoreChange}
              text={yoy.scoreChange === null ? '' : signed(yoy.scoreChange, f.number)}
            />
          </Flex>
          <Flex vertical>
            <Typography.Text type="secondary">
              {t('assessmentHistory.unitCard.rank')} · {t('assessmentHistory.unitCard.change')}
            </Typography.Text>
            <TrendArrow change={yoy.rankChange} text={rankText(yoy.rankChange)} />
          </Flex>
          <Flex vertical>
            <Typography.Text type="secondary">
              {t('assessmentHistory.unitCard.completion')} ·{' '}
              {t('assessmentHistory.unitCard.change')}
            </Typography.Text>
            <TrendArrow
              change={yoy.completionChange}
              text={yoy.completionChange === null ? '' : signed(yoy.completionChange, f.percent)}
            />
          </Flex>
        </Flex>
        <Table<Point>
          size="small"
          rowKey="year"
          columns={columns}
          dataSource={[...yoy.points].reverse()}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        {yoy.indicators.length > 0 && (
          <>
            <Typography.Text strong>
              {t('assessmentHistory.unitCard.indicatorsTitle')}
            </Typography.Text>
            <Table<Indicator>
              size="small"
              rowKey="indicatorId"
              columns={indicatorColumns}
              dataSource={yoy.indicators}
              pagination={yoy.indicators.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 'max-content' }}
            />
            <IndicatorSmallMultiples
              indicators={yoy.indicators}
              years={yoy.points.map((p) => p.year)}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
