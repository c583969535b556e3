import { ArrowLeftOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { useRouteParams } from '../../../app/routes';
import { CycleSelect } from '../../../components/CycleSelect';
import { OfficeDownloads } from '../../../components/OfficeDownloads';
import { PageLoading } from '../../../components/PageLoading';
import { lazyChart } from '../../../components/charts/lazyChart';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCycles } from '../../../hooks/useCycles';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { overviewPath, unitPath } from '../../overview/utils/links';
import { AdjustmentsTable, DeductionsList } from '../components/AdjustmentsTable';
import { UnitNotFound } from '../components/UnitNotFound';
import { UnitScoreCard } from '../components/UnitScoreCard';
import { UnitTasksTable } from '../components/UnitTasksTable';
import { useUnitAssessment } from '../hooks/useUnitAssessment';
import { useUnitTasks } from '../hooks/useUnitTasks';
import { UnitUrgingList } from '../../urging/components/UnitUrgingList';
import { UnitMeasuresCard } from '../../assessment/components/UnitMeasuresCard';
import { UnitPublicationCard } from '../../assessment/components/UnitPublicationCard';
import { UnitReportPdfButton } from '../../assessment/components/UnitReportPdfButton';
import { UnitYearOverYearCard } from '../../assessment/components/UnitYearOverYearCard';
import { chapterBreakdown } from '../utils/chapterBreakdown';
import { chapterTitles } from '../utils/tasksByArticle';

// The chart loads after the score and the task table (recharts is the page's largest library).
const ChapterBreakdownPanel = lazyChart(
  () => import('../components/ChapterBreakdownPanel').then((m) => m.ChapterBreakdownPanel),
  320,
);

const reportQuery = (cycleId: string, unitCode: string) =>
  new URLSearchParams({ cycleId, unitCode }).toString();

/** 单位考核: one unit's assessment and tasks for a cycle. */
export function UnitPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const code = useRouteParams().code ?? '';
  const search = useLocationSearch();
  const cyclesQuery = useCycles(search.get('cycleId'));
  const { cycles, cycle } = cyclesQuery;
  const assessment = useUnitAssessment(cycle?.id, code);
  const tasks = useUnitTasks(cycle?.id, code);
  const breakdown = useMemo(
    () =>
      chapterBreakdown(assessment.data?.unitAssessment.breakdown ?? [], chapterTitles(tasks.tasks)),
    [assessment.data, tasks.tasks],
  );
  const mayOpenOverview = user.role !== 'COUNTY_OPERATOR';
  const backPath = mayOpenOverview ? overviewPath(cycle?.id) : '/';
  const unit = assessment.data?.unitAssessment;
  const notFound =
    (!assessment.loading && assessment.error?.code === 'NOT_FOUND') ||
    (!tasks.loading && tasks.error?.code === 'NOT_FOUND');

  let body;
  if (cyclesQuery.error && !cyclesQuery.loading) {
    body = <QueryErrorAlert error={cyclesQuery.error} onRetry={cyclesQuery.retry} />;
  } else if (!cyclesQuery.loaded) {
    body = <PageLoading rows={8} />;
  } else if (!cycle) {
    body = (
      <Card>
        <Empty description={t('units.noCycle')} />
      </Card>
    );
  } else if (notFound) {
    body = <UnitNotFound code={code} backPath={backPath} />;
  } else {
    body = (
      <Flex vertical gap="middle">
        {assessment.error && !assessment.loading ? (
          <QueryErrorAlert error={assessment.error} onRetry={assessment.retry} />
        ) : !unit ? (
          <PageLoading rows={6} />
        ) : (
          <>
            <UnitScoreCard assessment={unit} />
            <Card size="small" title={t('units.breakdown.title')}>
              {breakdown.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('units.breakdown.empty')}
                />
              ) : (
                <ChapterBreakdownPanel rows={breakdown} />
              )}
            </Card>
            <Card size="small" title={t('units.adjustments.title')}>
              <Flex vertical gap="small">
                <AdjustmentsTable adjustments={unit.adjustments} />
                {unit.deductions.length > 0 && (
                  <div>
                    <Typography.Text strong>{t('units.adjustments.deductions')}</Typography.Text>
                    <DeductionsList deductions={unit.deductions} />
                  </div>
                )}
              </Flex>
            </Card>
            <UnitPublicationCard cycleId={cycle.id} unitCode={code} />
            <UnitMeasuresCard cycleId={cycle.id} unitCode={code} />
            <UnitYearOverYearCard cycleId={cycle.id} unitCode={code} />
          </>
        )}
        <UnitUrgingList cycleId={cycle.id} unitCode={code} />
        <Card size="small" title={t('units.tasks.title')}>
          {tasks.error && !tasks.loading ? (
            <QueryErrorAlert error={tasks.error} onRetry={tasks.retry} />
          ) : tasks.loading && tasks.tasks.length === 0 ? (
            <PageLoading rows={6} />
          ) : (
            <UnitTasksTable
              tasks={tasks.tasks}
              totalCount={tasks.totalCount}
              cycleId={cycle.id}
              unitCode={code}
              hasMore={tasks.hasMore}
              loadingMore={tasks.loadingMore}
              onLoadMore={tasks.loadMore}
            />
          )}
        </Card>
      </Flex>
    );
  }

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="flex-start" wrap gap="middle">
        <div>
          {mayOpenOverview && (
            <Button
              type="link"
              icon={<ArrowLeftOutlined />}
              style={{ paddingInline: 0 }}
              onClick={() => navigate(backPath)}
            >
              {t('units.back')}
            </Button>
          )}
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 0 }}>
            {unit ? t('units.pageTitle', { unit: unit.unitName }) : t('units.title')}
          </Typography.Title>
        </div>
        {cycle && (
          // On a phone the selector shrinks to the screen instead of widening the page.
          <Flex gap="small" wrap align="center" style={{ minWidth: 0, maxWidth: '100%' }}>
            <CycleSelect
              cycles={cycles}
              value={cycle.id}
              onChange={(id) => navigate(unitPath(code, id))}
              style={{ width: 320, maxWidth: '100%' }}
            />
            {!notFound && (
              <>
                <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
                  {t('units.print')}
                </Button>
                <Button
                  icon={<PrinterOutlined />}
                  href={`/api/assessment/report?${reportQuery(cycle.id, code)}`}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {t('units.report')}
                </Button>
                <UnitReportPdfButton
                  cycleId={cycle.id}
                  unitCode={code}
                  unitName={unit?.unitName ?? code}
                />
                <Button
                  icon={<FileExcelOutlined />}
                  href={`/api/assessment/unit.xlsx?${reportQuery(cycle.id, code)}`}
                >
                  {t('units.xlsx')}
                </Button>
                <OfficeDownloads
                  label={t('units.form')}
                  docxUrl={`/api/assessment/unit-form.docx?${reportQuery(cycle.id, code)}`}
                  xlsxUrl={`/api/assessment/unit-form.xlsx?${reportQuery(cycle.id, code)}`}
                />
              </>
            )}
          </Flex>
        )}
      </Flex>
      {body}
    </Flex>
  );
}
