import { Alert, DatePicker, Form, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import {
  useBulletinActions,
  useGoodPracticeCandidates,
  usePrefectures,
} from '../hooks/useBulletins';
import type { BulletinDetail, GoodPracticePick } from '../graphql/types';
import { chinaToday, defaultPeriod, periodKeyOf, type PeriodKind } from '../utils/periods';
import { GoodPracticePicker } from './GoodPracticePicker';

interface FormValues {
  periodKind: PeriodKind;
  period: Dayjs;
  scopeUnitCode?: string;
  goodPractices: GoodPracticePick[];
}

export interface GenerateBulletinDialogProps {
  open: boolean;
  cycleId: string;
  /** Provincial supervisors choose the province or one prefecture; others their own scope. */
  provincial: boolean;
  onClose: () => void;
  onGenerated: (bulletin: BulletinDetail) => void;
}

function defaultDay(kind: PeriodKind): Dayjs {
  const { year, monthIndex } = defaultPeriod(kind, chinaToday());
  return dayjs(new Date(year, monthIndex, 1));
}

/** 生成通报: the period, the scope (province only) and the good practice picks. */
export function GenerateBulletinDialog({
  open,
  cycleId,
  provincial,
  onClose,
  onGenerated,
}: GenerateBulletinDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<AppError>();
  const kind = Form.useWatch('periodKind', form) ?? 'MONTH';
  const scope = Form.useWatch('scopeUnitCode', form);
  const prefectures = usePrefectures(!provincial || !open);
  const { candidates, loading } = useGoodPracticeCandidates(open ? cycleId : undefined, scope);
  const { generate, busy } = useBulletinActions();

  const submit = async (values: FormValues) => {
    setError(undefined);
    const outcome = await generate({
      cycleId,
      periodKind: values.periodKind,
      period: periodKeyOf(values.periodKind, values.period.year(), values.period.month()),
      scopeUnitCode: values.scopeUnitCode || undefined,
      goodPractices: values.goodPractices.map((g) => ({
        taskId: g.taskId,
        comment: g.comment.trim(),
      })),
    });
    if (outcome.ok) onGenerated(outcome.value);
    else setError(outcome.error);
  };

  return (
    <Modal
      open={open}
      title={t('bulletins.form.title')}
      okText={t('bulletins.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ periodKind: 'MONTH', period: defaultDay('MONTH'), goodPractices: [] }}
        onFinish={submit}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.periodKind) form.setFieldValue('period', defaultDay(changed.periodKind));
          if ('scopeUnitCode' in changed) form.setFieldValue('goodPractices', []);
        }}
      >
        <Form.Item name="periodKind" label={t('bulletins.form.periodKind')}>
          <Radio.Group
            optionType="button"
            options={(['MONTH', 'QUARTER'] as const).map((k) => ({
              value: k,
              label: t(`bulletins.periodKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('bulletins.form.period')}
          rules={[{ required: true, message: t('bulletins.form.periodRequired') }]}
        >
          <DatePicker
            picker={kind === 'MONTH' ? 'month' : 'quarter'}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        {provincial && (
          <Form.Item name="scopeUnitCode" label={t('bulletins.form.scope')}>
            <Select
              allowClear
              placeholder={t('bulletins.form.province')}
              options={[
                { value: '', label: t('bulletins.form.province') },
                ...prefectures.map((p) => ({ value: p.code, label: p.name })),
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="goodPractices"
          label={t('bulletins.form.goodPractices')}
          rules={[
            {
              validator: (_, value: GoodPracticePick[] = []) =>
                value.every((v) => v.comment.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('bulletins.form.commentRequired'))),
            },
          ]}
        >
          <GoodPracticePicker candidates={candidates} loading={loading} />
        </Form.Item>
        <Alert type="info" showIcon title={t('bulletins.form.existingDraft')} />
        {error && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(error)} />
        )}
      </Form>
    </Modal>
  );
}
