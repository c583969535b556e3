import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { lazyChart } from '../../../components/charts/lazyChart';
import type { Cycle } from '../graphql/types';
import { useFormatters } from '../hooks/useFormatters';
import { OVERDUE_LIST_SIZE, useOverviewData, type RankingLevel } from '../hooks/useOverviewData';
import { overviewPath, tasksPath, unitPath, type TaskListQuery } from '../utils/links';
import type { OverviewScope } from '../utils/scope';
import { AppLink } from './AppLink';
import { BehindScheduleTable } from './BehindScheduleTable';
import { ChapterHeatmap } from './ChapterHeatmap';
import { KpiCards } from './KpiCards';
import { OverdueTasksTable } from './OverdueTasksTable';
import { QueryBlock } from './QueryBlock';
import { RankingTable } from './RankingTable';

const BEHIND_ANCHOR = 'overview-behind-schedule';

// The charts load after the figures and tables (recharts is the page's largest library).
const UnitCompletionPanel = lazyChart(
  () => import('./UnitCompletionPanel').then((m) => m.UnitCompletionPanel),
  420,
);
const CompletionTrendChart = lazyChart(
  () => import('./CompletionTrendChart').then((m) => m.CompletionTrendChart),
  280,
);
// The map (modules/map) loads after the figures, in its own chunk.
const ProvinceMap = lazyChart(
  () => import('../../map/components/ProvinceMap').then((m) => m.ProvinceMap),
  480,
);

export interface OverviewDashboardProps {
  cycle: Cycle;
  scope: OverviewScope;
  /** The name of what is shown: the cycle's province or a prefecture. */
  scopeName: string;
}

/** The figures of one cycle and scope, each block with its own loading and error state. */
export function OverviewDashboard({ cycle, scope, scopeName }: OverviewDashboardProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [rankingLevel, setRankingLevel] = useState<RankingLevel>('county');
  const data = useOverviewData(cycle.id, scope, rankingLevel);
  const prefectureCode = scope.prefectureCode ?? undefined;
  const taskScope: TaskListQuery = { cycleId: cycle.id, prefectureCode };
  const level = prefectureCode ? 'county' : rankingLevel;
  const unitsTitle = scope.prefectureCode
    ? t('overview.units.titleCounties', { scope: scopeName })
    : t('overview.units.titlePrefectures', { scope: scopeName });

  return (
    <Flex vertical gap="middle">
      <QueryBlock
        query={data.summary}
        emptyText={t('overview.empty')}
        isEmpty={(d) => d.analyticsSummary.tasks === 0}
        rows={3}
      >
        {(d) => (
          <KpiCards
            summary={d.analyticsSummary}
            cycle={cycle}
            taskScope={taskScope}
            behindScheduleAnchor={BEHIND_ANCHOR}
          />
        )}
      </QueryBlock>

      <Card size="small" title={t('map.titleScope', { scope: scopeName })}>
        <ProvinceMap
          cycleId={cycle.id}
          provinceCode={scope.provinceCode}
          prefectureCode={scope.prefectureCode}
          scopeName={scopeName}
          canDrill={scope.canDrill}
          onDrill={(code) => navigate(overviewPath(cycle.id, code))}
          onOpenUnit={(code) => navigate(unitPath(code, cycle.id))}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card size="small" title={unitsTitle} style={{ height: '100%' }}>
            <QueryBlock
              query={data.units}
              emptyText={t('overview.units.empty')}
              isEmpty={(d) => d.unitAnalytics.length === 0}
            >
              {(d) => (
                <UnitCompletionPanel
                  rows={d.unitAnalytics}
                  cycleId={cycle.id}
                  canDrill={scope.canDrill}
                  onDrill={(code) => navigate(overviewPath(cycle.id, code))}
                  title={unitsTitle}
                />
              )}
            </QueryBlock>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('overview.trend.title')} style={{ height: '100%' }}>
            <QueryBlock
              query={data.trend}
              emptyText={t('overview.trend.empty')}
              isEmpty={(d) => d.completionTrend.length === 0}
            >
              {(d) => (
                <CompletionTrendChart
                  points={d.completionTrend}
                  cycle={cycle}
                  title={t('overview.trend.title')}
                />
              )}
            </QueryBlock>
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('overview.matrix.title')}>
        <QueryBlock
          query={data.matrix}
          emptyText={t('overview.matrix.empty')}
          isEmpty={(d) => d.chapterUnitMatrix.length === 0}
        >
          {(d) => (
            <ChapterHeatmap
              cells={d.chapterUnitMatrix}
              cycleId={cycle.id}
              title={t('overview.matrix.title')}
            />
          )}
        </QueryBlock>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('overview.ranking.title')}
            style={{ height: '100%' }}
            extra={
              <Flex gap="small" align="center">
                {!prefectureCode && (
                  <Segmented
                    size="small"
                    aria-label={t('overview.ranking.level')}
                    value={rankingLevel}
                    onChange={(v) => setRankingLevel(v as RankingLevel)}
                    options={[
                      { value: 'county', label: t('overview.ranking.county') },
                      { value: 'prefecture', label: t('overview.ranking.prefecture') },
                    ]}
                  />
                )}
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  href={`/api/assessment/ranking.xlsx?${new URLSearchParams({ cycleId: cycle.id, level }).toString()}`}
                >
                  {t('overview.ranking.download')}
                </Button>
              </Flex>
            }
          >
            <QueryBlock
              query={data.scores}
              emptyText={t('overview.ranking.empty')}
              isEmpty={(d) => d.assessmentScores.length === 0}
            >
              {(d) => <RankingTable scores={d.assessmentScores} cycleId={cycle.id} />}
            </QueryBlock>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            id={BEHIND_ANCHOR}
            size="small"
            title={t('overview.behind.title')}
            style={{ height: '100%' }}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('overview.behind.hint')}
            </Typography.Paragraph>
            <QueryBlock
              query={data.behind}
              emptyText={t('overview.behind.empty')}
              isEmpty={(d) => d.behindSchedule.length === 0}
            >
              {(d) => <BehindScheduleTable rows={d.behindSchedule} cycleId={cycle.id} />}
            </QueryBlock>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        title={t('overview.overdueList.title')}
        extra={
          data.overdue.data && data.overdue.data.tasks.totalCount > 0 ? (
            <AppLink to={tasksPath({ ...taskScope, overdue: true })}>
              {t('overview.overdueList.viewAll', {
                n: f.number(data.overdue.data.tasks.totalCount),
              })}
            </AppLink>
          ) : undefined
        }
      >
        <QueryBlock
          query={data.overdue}
          emptyText={t('overview.overdueList.empty')}
          isEmpty={(d) => d.tasks.totalCount === 0}
        >
          {(d) => (
            <Flex vertical gap="small">
              <OverdueTasksTable tasks={d.tasks.nodes} />
              {d.tasks.totalCount > OVERDUE_LIST_SIZE && (
                <Typography.Text type="secondary">
                  {t('overview.overdueList.more', {
                    shown: f.number(d.tasks.nodes.length),
                    total: f.number(d.tasks.totalCount),
                  })}
                </Typography.Text>
              )}
            </Flex>
          )}
        </QueryBlock>
      </Card>
    </Flex>
  );
}
