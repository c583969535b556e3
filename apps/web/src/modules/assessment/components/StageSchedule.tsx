import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStage } from '../../../graphql/generated/graphql';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useStageSchedule } from '../hooks/useStageAssessment';
import { StageScheduleDialog } from './StageScheduleDialog';

/**
 * The stage windows of a cycle as steps, the running one highlighted; with `editable` (provincial
 * supervisors) a button opens the dialog that sets them.
 */
export function StageSchedule({
  cycleId,
  editable = false,
}: {
  cycleId: string;
  editable?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data } = useStageSchedule(cycleId);
  const [editing, setEditing] = useState(false);
  // The stage running when the page opened (the server decides what may be done).
  const [now] = useState(() => Date.now());
  const windows = data?.assessmentStageSchedule ?? [];
  if (!data) return null;
  const current = windows.findIndex(
    (w) => new Date(w.opensAt).getTime() <= now && now < new Date(w.closesAt).getTime(),
  );
  return (
    <Flex vertical gap={8}>
      {editable && (
        <Flex justify="end">
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('assessmentStages.scheduleDialog.open')}
          </Button>
        </Flex>
      )}
      {windows.length === 0 ? (
        <Alert type="info" showIcon message={t('assessmentStages.schedule.none')} />
      ) : (
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
      )}
      {editing && (
        <StageScheduleDialog
          cycleId={cycleId}
          windows={windows}
          onClose={() => setEditing(false)}
        />
      )}
    </Flex>
  );
}
