import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useUnitStageAssessment } from '../hooks/useStageAssessment';
import { ReturnUnitDialog } from './ReturnUnitDialog';
import { ReviewScoreCard, type ReviewStage } from './ReviewScoreCard';
import { StageChangeList } from './StageChangeList';

/** Who reviews on the page: a prefecture supervisor (初审) or a provincial supervisor (复核). */
export type ReviewerLevel = 'prefecture' | 'province';

/**
 * One unit under review: each indicator with the unit's self-assessment and evidence and the
 * reviewer's score and comment, the return to the unit, and the record of changes. A provincial
 * supervisor scores the provincial review, or the preliminary review of a unit directly under
 * the province while that stage is open (the server says which via `can…Review`).
 */
export function StageUnitReview({
  cycleId,
  unitCode,
  level,
}: {
  cycleId: string;
  unitCode: string;
  level: ReviewerLevel;
}) {
  const { t } = useTranslation();
  const { data, error, retry } = useUnitStageAssessment(cycleId, unitCode);
  const [returning, setReturning] = useState(false);
  const view = data?.unitStageAssessment;
  const names = useMemo(
    () => new Map((view?.indicators ?? []).map((i) => [i.indicatorId, i.name])),
    [view],
  );
  const evidence = useMemo(
    () => new Map((view?.evidenceFiles ?? []).map((e) => [e.id, e])),
    [view],
  );
  if (error) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!view) return <PageLoading rows={4} />;
  const stage: ReviewStage =
    level === 'prefecture' || view.canPreliminaryReview ? 'PREFECTURE_REVIEW' : 'PROVINCIAL_REVIEW';
  const editable =
    stage === 'PREFECTURE_REVIEW' ? view.canPreliminaryReview : view.canProvincialReview;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {view.unitName}
          </Typography.Title>
          {view.submitCount > 0 && view.late && (
            <Tag color="red">{t('assessmentStages.self.late')}</Tag>
          )}
          <Typography.Text>
            {t('assessmentStages.self.total', { score: view.finalScore })}
          </Typography.Text>
        </Flex>
        {view.canPreliminaryReview && (
          <Button danger onClick={() => setReturning(true)}>
            {t('assessmentStages.review.returnUnit')}
          </Button>
        )}
      </Flex>
      {view.status !== 'submitted' ? (
        <Alert type="info" showIcon message={t('assessmentStages.review.notSubmitted')} />
      ) : (
        !editable && (
          <Alert
            type="info"
            showIcon
            message={
              stage === 'PROVINCIAL_REVIEW'
                ? t('assessmentStages.provincial.cannotReview')
                : t('assessmentStages.review.cannotReview')
            }
          />
        )
      )}
      {view.indicators.map((indicator) => (
        <ReviewScoreCard
          key={[
            indicator.indicatorId,
            stage,
            indicator.prefectureScore ?? '',
            indicator.provincialScore ?? '',
          ].join('-')}
          cycleId={cycleId}
          unitCode={unitCode}
          indicator={indicator}
          editable={editable}
          stage={stage}
          evidence={evidence}
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
