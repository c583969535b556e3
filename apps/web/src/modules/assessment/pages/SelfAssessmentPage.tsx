import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useLocationSearch } from '../../../app/navigation';
import { CycleSelect } from '../../../components/CycleSelect';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import { useCycles } from '../../../hooks/useCycles';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { SelfScoreCard } from '../components/SelfScoreCard';
import { StageChangeList } from '../components/StageChangeList';
import { StageSchedule } from '../components/StageSchedule';
import { useStageActions, useUnitStageAssessment } from '../hooks/useStageAssessment';

/**
 * 考核自评 for a unit's operator: every indicator that applies to the unit with its self-score
 * and narrative, then one submission for the prefecture's preliminary review. What may be
 * changed when is decided by the server (`canEditSelf`).
 */
export function SelfAssessmentPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useSignedInUser();
  const search = useLocationSearch();
  const { cycles, cycle, loaded, error: cyclesError, retry } = useCycles(search.get('cycleId'));
  const unitCode = user.unit?.code;
  const { data, error, retry: reload } = useUnitStageAssessment(cycle?.id, unitCode);
  const { submitSelf, busy } = useStageActions();
  const view = data?.unitStageAssessment;
  const names = useMemo(
    () => new Map((view?.indicators ?? []).map((i) => [i.indicatorId, i.name])),
    [view],
  );

  const submit = async () => {
    if (!cycle || !unitCode) return;
    try {
      await submitSelf(cycle.id, unitCode);
      void message.success(t('assessmentStages.self.submitted'));
    } catch (thrown) {
      void message.error(errorText(toAppError(thrown)));
    }
  };

  let body;
  if (!unitCode)
    body = <Alert type="warning" showIcon message={t('assessmentStages.self.noUnit')} />;
  else if (cyclesError) body = <QueryErrorAlert error={cyclesError} onRetry={retry} />;
  else if (!loaded) body = <PageLoading rows={6} />;
  else if (!cycle) body = <Empty description={t('assessment.cycle.none')} />;
  else if (error) body = <QueryErrorAlert error={error} onRetry={reload} />;
  else if (!view) body = <PageLoading rows={6} />;
  else {
    body = (
      <Flex vertical gap={12}>
        <StageSchedule cycleId={cycle.id} />
        <Card size="small">
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong>{view.unitName}</Typography.Text>
            <Tag
              color={
                view.status === 'submitted'
                  ? 'blue'
                  : view.status === 'returned'
                    ? 'orange'
                    : undefined
              }
            >
              {t(`assessmentStages.status.${view.status as 'draft'}`)}
            </Tag>
            {view.submitCount > 0 && (
              <Tag color={view.late ? 'red' : 'green'}>
                {view.late ? t('assessmentStages.self.late') : t('assessmentStages.self.onTime')}
              </Tag>
            )}
            {view.dueAt && (
              <Typography.Text type="secondary">
                {t('assessmentStages.self.dueAt', { time: formatDateTime(view.dueAt, language) })}
              </Typography.Text>
            )}
            <Typography.Text>
              {t('assessmentStages.self.total', { score: view.finalScore })}
            </Typography.Text>
          </Flex>
        </Card>
        {view.status === 'returned' && view.returnReason && (
          <Alert
            type="warning"
            showIcon
            message={t('assessmentStages.self.returned', { reason: view.returnReason })}
          />
        )}
        {view.status === 'submitted' && view.submittedAt && (
          <Alert
            type="info"
            showIcon
            message={t('assessmentStages.self.submittedAt', {
              time: formatDateTime(view.submittedAt, language),
              count: view.submitCount,
            })}
          />
        )}
        {!view.canEditSelf && view.status !== 'submitted' && (
          <Alert type="info" showIcon message={t('assessmentStages.self.readOnly')} />
        )}
        {view.indicators.map((indicator) => (
          <SelfScoreCard
            key={`${indicator.indicatorId}-${indicator.selfScore ?? ''}`}
            cycleId={cycle.id}
            unitCode={view.unitCode}
            indicator={indicator}
            editable={view.canEditSelf}
            evidenceFiles={view.evidenceFiles}
          />
        ))}
        {view.canEditSelf && (
          <Flex justify="end">
            <Popconfirm
              title={t('assessmentStages.self.submitConfirm')}
              okText={t('assessmentStages.self.submit')}
              cancelText={t('common.cancel')}
              onConfirm={() => void submit()}
            >
              <Button type="primary" loading={busy}>
                {t('assessmentStages.self.submit')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
        <StageChangeList changes={view.changes} names={names} />
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('assessmentStages.self.title')}
        </Typography.Title>
        {cycles.length > 0 && (
          <CycleSelect
            cycles={cycles}
            value={cycle?.id}
            onChange={(id) => id && navigate(`/self-assessment?cycleId=${id}`)}
            style={{ minWidth: 240 }}
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('assessmentStages.self.intro')}
      </Typography.Paragraph>
      {body}
    </Flex>
  );
}
