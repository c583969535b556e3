import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useVersionDuties } from '../hooks/useCycleAdmin';

/** One row of the list: a duty (by lineage) and its due date. */
export interface DutyDueDateValue {
  dutyLineageId?: string;
  dueDate?: Dayjs | null;
}

/** The form field of the list (inside a Form whose values hold `startDate`). */
export const DUTY_DUE_DATES = 'dutyDueDates' as const;

/**
 * 按职责设置截止日期 in the form that opens a cycle: rows of a tracked government duty of the
 * chosen version and its own due date (not before the cycle's start); the duties are fetched
 * once the first row is added. Server refusals of a row (`dutyDueDates.<index>`) are placed on
 * its date by the form.
 */
export function DutyDueDatesList({ versionId }: { versionId: string | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rows = Form.useWatch<DutyDueDateValue[] | undefined>(DUTY_DUE_DATES, form);
  const { duties, total, loading, error } = useVersionDuties(versionId, !rows?.length);
  const options = useMemo(
    () =>
      duties.map((d) => ({
        value: d.lineageId,
        label: `${t('cycles.dueDates.article', { number: d.article.number })} ${d.text}`,
      })),
    [duties, t],
  );

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 'inherit', fontWeight: 600, marginBottom: 4, border: 0 }}>
        {t('cycles.dueDates.title')}
      </legend>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('cycles.dueDates.hint')}
      </Typography.Paragraph>
      {error && <QueryErrorAlert error={error} />}
      {total > duties.length && (
        <Typography.Paragraph type="warning">
          {t('cycles.dueDates.tooMany', { shown: duties.length, total })}
        </Typography.Paragraph>
      )}
      <Form.List name={DUTY_DUE_DATES}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap="small" align="start">
                <Form.Item
                  name={[field.name, 'dutyLineageId']}
                  label={t('cycles.dueDates.duty')}
                  style={{ flex: 1, minWidth: 0, marginBottom: 12 }}
                  rules={[
                    { required: true, message: t('cycles.dueDates.dutyRequired') },
                    ({ getFieldValue }) => ({
                      validator: (_, value?: string) => {
                        const all = (getFieldValue(DUTY_DUE_DATES) ?? []) as DutyDueDateValue[];
                        const duplicate =
                          value && all.some((r, i) => i < index && r?.dutyLineageId === value);
                        return duplicate
                          ? Promise.reject(new Error(t('cycles.dueDates.duplicate')))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={loading}
                    placeholder={
                      loading ? t('cycles.dueDates.loading') : t('cycles.dueDates.dutyPlaceholder')
                    }
                    options={options}
                    aria-label={`${t('cycles.dueDates.duty')} ${index + 1}`}
                    popupMatchSelectWidth={false}
                    styles={{ popup: { root: { maxWidth: 560 } } }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'dueDate']}
                  label={t('cycles.dueDates.dueDate')}
                  style={{ width: 170, marginBottom: 12 }}
                  dependencies={['startDate']}
                  rules={[
                    { required: true, message: t('cycles.dueDates.dueDateRequired') },
                    ({ getFieldValue }) => ({
                      validator: (_, value: Dayjs | null | undefined) => {
                        const start = getFieldValue('startDate') as Dayjs | null;
                        return !value || !start || !value.isBefore(start, 'day')
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('cycles.dueDates.beforeStart')));
                      },
                    }),
                  ]}
                >
                  <DatePicker
                    style={{ width: '100%' }}
                    aria-label={`${t('cycles.dueDates.dueDate')} ${index + 1}`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('cycles.dueDates.remove')}
                  title={t('cycles.dueDates.remove')}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              disabled={!versionId}
              block
            >
              {t('cycles.dueDates.add')}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
