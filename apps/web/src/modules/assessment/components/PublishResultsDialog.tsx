import { App, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/FormDialog';
import { useObjectionActions } from '../hooks/useObjections';
import { useStageSchedule } from '../hooks/useStageAssessment';

const FIELDS = ['objectionClosesAt'] as const;

interface Values {
  objectionClosesAt: Dayjs;
}

/** The objection period ends at the end of the chosen day, Beijing time (all users are in Hubei). */
export const endOfDayInBeijing = (day: string) => `${day}T23:59:59+08:00`;

/**
 * The last day (Beijing time) of a window that closes at `closesAt` (exclusive), e.g. a window
 * closing 2026-08-21T00:00+08:00 lasts through 2026-08-20.
 */
export function lastDayInBeijing(closesAt: string): string {
  return new Date(new Date(closesAt).getTime() - 1).toLocaleDateString('sv-SE', {
    timeZone: 'Asia/Shanghai',
  });
}

/**
 * 发布公示: publishes the provisional results with the objection period's last day — filled in
 * from the stage schedule's 异议 window when the cycle has one.
 */
export function PublishResultsDialog({
  cycleId,
  onClose,
}: {
  cycleId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { publish, busy } = useObjectionActions();
  const schedule = useStageSchedule(cycleId);
  const objectionWindow = schedule.data?.assessmentStageSchedule.find(
    (w) => w.stage === 'OBJECTION',
  );
  const scheduledDay = objectionWindow ? lastDayInBeijing(objectionWindow.closesAt) : undefined;
  useEffect(() => {
    if (scheduledDay && !form.getFieldValue('objectionClosesAt')) {
      form.setFieldsValue({ objectionClosesAt: dayjs(scheduledDay) });
    }
  }, [form, scheduledDay]);

  const submit = async (v: Values) => {
    const res = await publish(cycleId, endOfDayInBeijing(v.objectionClosesAt.format('YYYY-MM-DD')));
    void message.success(
      t('assessmentObjections.tab.published', {
        version: res.data?.publishAssessmentResults.version,
      }),
    );
  };

  return (
    <FormDialog<Values>
      open
      form={form}
      title={t('assessmentObjections.publishDialog.title')}
      okText={t('assessmentObjections.publishDialog.ok')}
      intro={t('assessmentObjections.publishDialog.intro')}
      loading={busy}
      serverFields={FIELDS}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="objectionClosesAt"
        label={t('assessmentObjections.publishDialog.closesAt')}
        extra={
          scheduledDay
            ? t('assessmentObjections.publishDialog.fromSchedule', { day: scheduledDay })
            : undefined
        }
        rules={[
          { required: true, message: t('assessmentObjections.publishDialog.closesRequired') },
        ]}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}
