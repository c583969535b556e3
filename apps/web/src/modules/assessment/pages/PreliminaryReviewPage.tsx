import { Alert, Button, Card, Empty, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { StageAssessmentUnitsQuery } from '../../../graphql/generated/graphql';
import { useCycles } from '../../../hooks/useCycles';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { ReturnUnitDialog } from '../components/ReturnUnitDialog';
import { ReviewScoreCard } from '../components/ReviewScoreCard';
import { StageChangeList } from '../components/StageChangeList';
import { StageSchedule } from '../components/StageSchedule';
import { useStageUnits, useUnitStageAssessment } from '../hooks/useStageAssessment';

type UnitRow = StageAssessmentUnitsQuery['stageAssessmentUnits'][number];
type Status = 'draft' | 'submitted' | 'returned';
const STATUS_COLOUR: Record<Status, string | undefined> = {
  draft: undefined,
  submitted: 'blue',
  returned: 'orange',
};

/**
 * 考核初审 for a prefecture supervisor: the units under the prefecture with their
 * self-assessment state; for the chosen unit, each indicator's self-score and narrative with a
 * review score and comment, and a return to the unit with a reason.
 */
export function PreliminaryReviewPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const user = useSignedInUser();
  const search = useLocationSearch();
  const { cycles, cycle, loaded, error: cyclesError, retry } = useCycles(search.get('cycleId'));
  const unitCode = search.get('unitCode') ?? undefined;
  const units = useStageUnits(cycle?.id);
  // Only the units this supervisor reviews: those directly under their prefecture.
  const rows = useMemo(
    () =>
      (units.data?.stageAssessmentUnits ?? []).filter(
        (u) => !user.unit || u.parentCode === user.unit.code,
      ),
    [units.data, user.unit],
  );
  const go = (next: { cycleId?: string; unitCode?: string }) => {
    const params = new URLSearchParams();
    const id = next.cycleId ?? cycle?.id;
    if (id) params.set('cycleId', id);
    if (next.unitCode) params.set('unitCode', next.unitCode);
    navigate(`/preliminary-review?${params.toString()}`);
  };

  const columns: TableProps<UnitRow>['columns'] = [
    { key: 'unit', title: t('assessmentStages.columns.unit'), dataIndex: 'unitName' },
    {
      key: 'status',
      title: t('assessmentStages.columns.status'),
      render: (_, u) => (
        <Flex gap={4}>
          <Tag color={STATUS_COLOUR[u.status as Status]}>
            {t(`assessmentStages.status.${u.status as Status}`)}
          </Tag>
          {u.submittedAt && u.late && <Tag color="red">{t('assessmentStages.self.late')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'submittedAt',
      title: t('assessmentStages.columns.submittedAt'),
      render: (_, u) => (u.submittedAt ? formatDateTime(u.submittedAt, language) : '—'),
    },
    { key: 'score', title: t('assessmentStages.columns.finalScore'), dataIndex: 'finalScore' },
    {
      key: 'open',
      title: '',
      render: (_, u) => (
        <Button
          size="small"
          type={u.unitCode === unitCode ? 'primary' : 'default'}
          onClick={() => go({ unitCode: u.unitCode })}
        >
          {t('assessmentStages.review.open')}
        </Button>
      ),
    },
  ];

  let body;
  if (cyclesError) body = <QueryErrorAlert error={cyclesError} onRetry={retry} />;
  else if (!loaded) body = <PageLoading rows={6} />;
  else if (!cycle) body = <Empty description={t('assessment.cycle.none')} />;
  else if (units.error) body = <QueryErrorAlert error={units.error} onRetry={units.retry} />;
  else {
    body = (
      <Flex vertical gap={12}>
        <StageSchedule cycleId={cycle.id} />
        <Card size="small" title={t('assessmentStages.review.unitsTitle')}>
          <Table<UnitRow>
            rowKey="unitCode"
            size="small"
            loading={!units.data}
            columns={columns}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('assessmentStages.review.empty') }}
            scroll={{ x: 'max-content' }}
          />
        </Card>
        {unitCode ? (
          <UnitReview key={`${cycle.id}-${unitCode}`} cycleId={cycle.id} unitCode={unitCode} />
        ) : (
          rows.length > 0 && (
            <Typography.Text type="secondary">
              {t('assessmentStages.review.chooseUnit')}
            </Typography.Text>
          )
        )}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('assessmentStages.review.title')}
        </Typography.Title>
        {cycles.length > 0 && (
          <CycleSelect
            cycles={cycles}
            value={cycle?.id}
            onChange={(id) => id && go({ cycleId: id })}
            style={{ minWidth: 240 }}
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('assessmentStages.review.intro')}
      </Typography.Paragraph>
      {body}
    </Flex>
  );
}

function UnitReview({ cycleId, unitCode }: { cycleId: string; unitCode: string }) {
  const { t } = useTranslation();
  const { data, error, retry } = useUnitStageAssessment(cycleId, unitCode);
  const [returning, setReturning] = useState(false);
  const view = data?.unitStageAssessment;
  const names = useMemo(
    () => new Map((view?.indicators ?? []).map((i) => [i.indicatorId, i.name])),
    [view],
  );
  if (error) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!view) return <PageLoading rows={4} />;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {view.unitName}
        </Typography.Title>
        {view.canPreliminaryReview && (
          <Button danger onClick={() => setReturning(true)}>
            {t('assessmentStages.review.returnUnit')}
          </Button>
        )}
      </Flex>
      {view.status !== 'submitted' ? (
        <Alert type="info" showIcon message={t('assessmentStages.review.notSubmitted')} />
      ) : (
        !view.canPreliminaryReview && (
          <Alert type="info" showIcon message={t('assessmentStages.review.cannotReview')} />
        )
      )}
      {view.indicators.map((indicator) => (
        <ReviewScoreCard
          key={`${indicator.indicatorId}-${indicator.prefectureScore ?? ''}`}
          cycleId={cycleId}
          unitCode={unitCode}
          indicator={indicator}
          editable={view.canPreliminaryReview}
        />
      ))}
      <StageChangeList changes={view.changes} names={names} />
      {returning && (
        <ReturnUnitDialog
          cycleId={cycleId}
          unitCode={unitCode}
          unitName={view.unitName}
          onClose={() => setReturning(false)}
        />
      )}
    </Flex>
  );
}
