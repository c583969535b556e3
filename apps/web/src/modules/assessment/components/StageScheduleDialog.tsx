import { Alert, App, DatePicker, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentStage } from '../../../graphql/generated/graphql';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { useSetStageSchedule } from '../hooks/useStageAssessment';
import {
  beijingPickerValue,
  checkSchedule,
  scheduleServerProblems,
  STAGE_ORDER,
  type ScheduledWindow,
  type ScheduleProblem,
  type WindowDraft,
} from '../utils/stageWindows';

type Values = Partial<Record<AssessmentStage, WindowDraft>>;
const FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * 设置阶段时间 (provincial supervisors): the opening and closing time of each stage of the cycle,
 * in Beijing time. Stages not changed keep their windows; a scheduled stage cannot be cleared.
 * Problems, found here or answered by the API, show at the stage they concern.
 */
export function StageScheduleDialog({
  cycleId,
  windows,
  onClose,
}: {
  cycleId: string;
  windows: readonly ScheduledWindow[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const { setSchedule, busy } = useSetStageSchedule();
  const [alert, setAlert] = useState<string[]>([]);
  const stageName = (stage: AssessmentStage) => t(`assessmentStages.stageNames.${stage}`);

  const problemText = (p: ScheduleProblem) =>
    p.stage && (p.code !== 'STAGE_WINDOW_ORDER' || p.previous)
      ? t(`assessmentStages.scheduleDialog.problems.${p.code}`, {
          stage: stageName(p.stage),
          previous: p.previous ? stageName(p.previous) : '',
        })
      : t(`assessmentStages.scheduleDialog.general.${p.code}`);

  /** Field problems under their fields; the others (and all, listed) in the alert. */
  const show = (problems: readonly ScheduleProblem[]) => {
    form.setFields(
      problems.flatMap((p) =>
        p.stage && p.field ? [{ name: [p.stage, p.field], errors: [problemText(p)] }] : [],
      ),
    );
    setAlert(problems.filter((p) => !p.stage || !p.field).map(problemText));
  };

  const finish = async () => {
    setAlert([]);
    const { problems, changed } = checkSchedule(windows, form.getFieldsValue(true) as Values);
    if (problems.length) return show(problems);
    if (changed.length === 0) {
      void message.info(t('assessmentStages.scheduleDialog.unchanged'));
      return onClose();
    }
    try {
      await setSchedule({ cycleId, windows: changed });
      void message.success(t('assessmentStages.scheduleDialog.saved'));
      onClose();
    } catch (thrown) {
      const error = toAppError(thrown);
      const known = scheduleServerProblems(error.details, changed);
      if (known.length) show(known);
      else setAlert([errorText(error)]);
    }
  };

  const initial: Values = Object.fromEntries(
    windows.map((w) => [
      w.stage,
      { opensAt: beijingPickerValue(w.opensAt), closesAt: beijingPickerValue(w.closesAt) },
    ]),
  );

  return (
    <Modal
      open
      width={720}
      title={t('assessmentStages.scheduleDialog.title')}
      okText={t('assessmentStages.scheduleDialog.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void finish()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {t('assessmentStages.scheduleDialog.intro')}
      </Typography.Paragraph>
      <Form<Values> form={form} name="stage-schedule" layout="vertical" initialValues={initial}>
        {STAGE_ORDER.map((stage) => (
          <Flex key={stage} gap={12} wrap align="start">
            {(['opensAt', 'closesAt'] as const).map((field) => (
              <Form.Item
                key={field}
                name={[stage, field]}
                label={t(`assessmentStages.scheduleDialog.${field}`, { stage: stageName(stage) })}
                style={{ flex: '1 1 240px', marginBottom: 12 }}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format={FORMAT}
                  needConfirm={false}
                  style={{ width: '100%' }}
                  onChange={() => form.setFields([{ name: [stage, field], errors: [] }])}
                />
              </Form.Item>
            ))}
          </Flex>
        ))}
      </Form>
      {alert.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={alert.length === 1 ? alert[0] : t('assessmentStages.scheduleDialog.failed')}
          description={alert.length > 1 ? alert.join(' ') : undefined}
        />
      )}
    </Modal>
  );
}
