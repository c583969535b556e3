import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useOnsiteActions } from '../hooks/useOnsiteVerification';

const FIELDS = [
  'unitCount',
  'unitShare',
  'tasksPerUnit',
  'taskStatuses',
  'unitLevels',
  'deductionPoints',
  'seed',
  'reason',
] as const;

interface Values {
  scope: 'OVERALL' | 'PER_PREFECTURE';
  sizeBy: 'count' | 'share';
  unitCount?: number;
  unitSharePercent?: number;
  tasksPerUnit: number;
  taskStatuses: string[];
  unitLevels: string[];
  deductionPoints: number;
  seed?: string;
  reason?: string;
}

/** 抽取样本: the draw's parameters; a redraw (an earlier version exists) needs a reason. */
export function DrawOnsiteSampleDialog({
  cycleId,
  redraw,
  onDrawn,
  onClose,
}: {
  cycleId: string;
  redraw: boolean;
  onDrawn: (sampleId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sizeBy = Form.useWatch('sizeBy', form) ?? 'count';
  const { error, report, clear } = useFormSubmitError(form, FIELDS);
  const { draw, busy } = useOnsiteActions();

  const finish = async (v: Values) => {
    clear();
    try {
      const res = await draw({
        cycleId,
        scope: v.scope,
        unitCount: v.sizeBy === 'count' ? v.unitCount : null,
        unitShare:
          v.sizeBy === 'share' && v.unitSharePercent != null ? v.unitSharePercent / 100 : null,
        tasksPerUnit: v.tasksPerUnit,
        taskStatuses: v.taskStatuses,
        unitLevels: v.unitLevels,
        deductionPoints: v.deductionPoints,
        seed: v.seed?.trim() || null,
        reason: v.reason?.trim() || null,
      });
      const sample = res.data?.drawOnsiteSample;
      if (sample) {
        void message.success(t('assessmentOnsite.drawn', { version: sample.version }));
        onDrawn(sample.id);
      }
      onClose();
    } catch (thrown) {
      report(thrown);
    }
  };

  const required = { required: true, message: t('assessmentOnsite.form.required') };
  return (
    <Modal
      open
      title={t('assessmentOnsite.form.drawTitle')}
      okText={redraw ? t('assessmentOnsite.redraw') : t('assessmentOnsite.draw')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          scope: 'PER_PREFECTURE',
          sizeBy: 'count',
          unitCount: 2,
          unitSharePercent: 20,
          tasksPerUnit: 3,
          taskStatuses: ['VERIFIED'],
          unitLevels: ['county'],
          deductionPoints: 1,
        }}
        onFinish={(v) => void finish(v)}
      >
        <Form.Item name="scope" label={t('assessmentOnsite.form.scope')}>
          <Radio.Group>
            <Radio value="PER_PREFECTURE">{t('assessmentOnsite.scope.PER_PREFECTURE')}</Radio>
            <Radio value="OVERALL">{t('assessmentOnsite.scope.OVERALL')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="sizeBy" label={t('assessmentOnsite.form.sizeBy')}>
          <Radio.Group>
            <Radio value="count">{t('assessmentOnsite.form.byCount')}</Radio>
            <Radio value="share">{t('assessmentOnsite.form.byShare')}</Radio>
          </Radio.Group>
        </Form.Item>
        {sizeBy === 'count' ? (
          <Form.Item
            name="unitCount"
            label={t('assessmentOnsite.form.unitCount')}
            rules={[required]}
          >
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitSharePercent"
            label={t('assessmentOnsite.form.unitShare')}
            rules={[required]}
          >
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
        )}
        <Form.Item
          name="tasksPerUnit"
          label={t('assessmentOnsite.form.tasksPerUnit')}
          rules={[required]}
        >
          <InputNumber min={1} max={50} precision={0} />
        </Form.Item>
        <Form.Item
          name="taskStatuses"
          label={t('assessmentOnsite.form.taskStatuses')}
          rules={[{ ...required, type: 'array', min: 1 }]}
        >
          <Checkbox.Group
            options={(['VERIFIED', 'SUBMITTED'] as const).map((s) => ({
              value: s,
              label: t(`assessmentOnsite.taskStatus.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="unitLevels" label={t('assessmentOnsite.form.unitLevels')}>
          <Checkbox.Group
            options={(['county', 'prefecture', 'province'] as const).map((l) => ({
              value: l,
              label: t(`assessmentOnsite.levels.${l}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="deductionPoints"
          label={t('assessmentOnsite.form.deductionPoints')}
          rules={[required]}
        >
          <InputNumber min={0.01} max={100} step={0.5} precision={2} />
        </Form.Item>
        <Form.Item
          name="seed"
          label={t('assessmentOnsite.form.seed')}
          extra={t('assessmentOnsite.form.seedHelp')}
        >
          <Input maxLength={64} />
        </Form.Item>
        {redraw && (
          <Form.Item
            name="reason"
            label={t('assessmentOnsite.form.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('assessmentOnsite.form.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
