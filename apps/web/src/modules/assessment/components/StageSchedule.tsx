import { Alert, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStage } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useStageSchedule } from '../hooks/useStageAssessment';

/** The stage windows of a cycle as steps, the running one highlighted. */
export function StageSchedule({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data } = useStageSchedule(cycleId);
  // The stage running when the page opened (the server decides what may be done).
  const [now] = useState(() => Date.now());
  const windows = data?.assessmentStageSchedule ?? [];
  if (!data) return null;
  if (windows.length === 0) {
    return <Alert type="info" showIcon message={t('assessmentStages.schedule.none')} />;
  }
  const current = windows.findIndex(
    (w) => new Date(w.opensAt).getTime() <= now && now < new Date(w.closesAt).getTime(),
  );
  return (
    <Steps
      size="small"
      aria-label={t('assessmentStages.schedule.title')}
      current={current}
      items={windows.map((w) => ({
        title: t(`assessmentStages.stageNames.${w.stage as AssessmentStage}`),
        description: t('assessmentStages.schedule.window', {
          from: formatDateTime(w.opensAt, language),
          to: formatDateTime(w.closesAt, language),
        }),
      }))}
    />
  );
}
