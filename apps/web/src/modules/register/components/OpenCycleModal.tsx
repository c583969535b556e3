import { ErrorCode } from '@duty/shared/errors';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import {
  DUTY_DUE_DATES,
  DutyDueDatesList,
  type DutyDueDateValue,
} from '../../cycles/components/DutyDueDatesList';
import { isDisplayableServerText } from '../../../graphql/errors';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useRegulation } from '../hooks/useRegisterData';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import {
  useCreateCycle,
  useOpenCycleProvinces,
  type CreatedCycle,
} from '../hooks/useRegulationCycles';
import { pendingMappingsOf } from '../utils/pendingMappings';

interface OpenCycleValues {
  /** Asked only when the deployment holds several provinces. */
  provinceCode?: string;
  regulationVersionId: string;
  year: number | null;
  title?: string;
  startDate: Dayjs | null;
  dueDate: Dayjs | null;
  dutyDueDates?: DutyDueDateValue[];
}

const SERVER_FIELDS = [
  'provinceCode',
  'regulationVersionId',
  'year',
  'title',
  'startDate',
  'dueDate',
] as const;
const DATE = 'YYYY-MM-DD';
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const validYear = (year: unknown): year is number =>
  Number.isInteger(year) && (year as number) >= MIN_YEAR && (year as number) <= MAX_YEAR;

/** A cycle runs over the calendar year by default. */
const yearBounds = (year: number) => ({
  startDate: dayjs(`${year}-01-01`),
  dueDate: dayjs(`${year}-12-31`),
});

/** The tasks page of one cycle. */
export const cycleTasksPath = (cycleId: string) => `/tasks?cycleId=${encodeURIComponent(cycleId)}`;

/** The row index of a server refusal of one per-duty due date (`dutyDueDates.<index>`). */
const dutyRowOf = (path: string) => /^(?:.*\.)?dutyDueDates\.(\d+)$/.exec(path)?.[1];

/**
 * 开启考核年度 for one regulation (provincial supervisors): version (default the latest), year,
 * title and dates (default the calendar year), and optionally due dates of single duties; then what was generated, by level, with a link
 * to the new cycle's tasks. Each refusal of the API is shown next to its field.
 */
export function OpenCycleModal({
  code,
  regulationTitle,
  onClose,
}: {
  code: string;
  regulationTitle: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [form] = Form.useForm<OpenCycleValues>();
  const { regulation } = useRegulation(code);
  const { create, creating } = useCreateCycle();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);
  const [created, setCreated] = useState<CreatedCycle>();
  const provinces = useOpenCycleProvinces();
  const unitCode = useSignedInUser().unit?.code;
  // A cycle is for one province: asked for only when the deployment holds several.
  const asksProvince = provinces.length > 1;
  const ownProvince = provinces.find((p) => p.code === unitCode)?.code;
  // The provinces may arrive after the form: the reader's own is the default.
  useEffect(() => {
    if (ownProvince && !form.getFieldValue('provinceCode')) {
      form.setFieldValue('provinceCode', ownProvince);
    }
  }, [form, ownProvince]);

  const versions = useMemo(
    () => [...(regulation?.versions ?? [])].sort((a, b) => b.versionNumber - a.versionNumber),
    [regulation],
  );
  const latestId = regulation?.latestVersion?.id ?? versions[0]?.id;
  const thisYear = dayjs().year();
  const year = Form.useWatch('year', form);
  const versionId = Form.useWatch('regulationVersionId', form);
  const versionTitle = versions.find((v) => v.id === versionId)?.title ?? regulationTitle;
  // The title the API gives a cycle left untitled.
  const defaultTitle = `${validYear(year) ? year : thisYear}年度${versionTitle.replace(/（草案）$/, '')}实施考核`;

  const onFinish = async (values: OpenCycleValues) => {
    clear();
    try {
      setCreated(
        await create(
          {
            regulationVersionId: values.regulationVersionId,
            ...(asksProvince && values.provinceCode ? { provinceCode: values.provinceCode } : {}),
            year: values.year as number,
            title: values.title?.trim() || undefined,
            startDate: (values.startDate as Dayjs).format(DATE),
            dueDate: (values.dueDate as Dayjs).format(DATE),
          },
          (values.dutyDueDates ?? []).map((d) => ({
            dutyLineageId: d.dutyLineageId as string,
            dueDate: (d.dueDate as Dayjs).format(DATE),
          })),
        ),
      );
    } catch (thrown) {
      const appError = report(thrown);
      // The codes whose field is known say so there, in the UI's language.
      const pendingMappings = pendingMappingsOf(appError);
      if (pendingMappings !== undefined) {
        // The version's mapping review is not finished: tasks would start new lineages.
        form.setFields([
          {
            name: 'regulationVersionId',
            errors: [t('register.cycles.form.mappingsPending', { count: pendingMappings })],
          },
        ]);
      } else if (appError.code === ErrorCode.CONFLICT) {
        form.setFields([
          { name: 'year', errors: [t('register.cycles.form.conflict', { year: values.year })] },
        ]);
      } else if (appError.code === ErrorCode.NOT_FOUND) {
        form.setFields([
          { name: 'regulationVersionId', errors: [t('register.cycles.form.versionNotFound')] },
        ]);
      }
      // A refused per-duty date shows on its row.
      const rows = Object.entries(appError.fieldErrors ?? {}).flatMap(([path, messages]) => {
        const row = dutyRowOf(path);
        return row === undefined
          ? []
          : [
              {
                name: [DUTY_DUE_DATES, Number(row), 'dueDate'] as [
                  typeof DUTY_DUE_DATES,
                  number,
                  'dueDate',
                ],
                errors: messages.map((m) =>
                  isDisplayableServerText(m, language) ? m : t('forms.fieldInvalid'),
                ),
              },
            ];
      });
      form.setFields(rows);
      const placed =
        rows.length > 0 ||
        appError.code === ErrorCode.CONFLICT ||
        appError.code === ErrorCode.NOT_FOUND ||
        Object.keys(appError.fieldErrors ?? {}).some((path) =>
          (SERVER_FIELDS as readonly string[]).includes(path.split('.').pop() ?? ''),
        );
      // Shown next to its field: no second copy above the form.
      if (placed) clear();
    }
  };

  if (created) {
    const { cycle, generation } = created;
    return (
      <Modal
        open
        title={t('register.cycles.form.title', { regulation: regulationTitle })}
        onCancel={onClose}
        footer={null}
      >
        <Result
          status={generation.total > 0 ? 'success' : 'warning'}
          title={t('register.cycles.result.title', { title: cycle.title })}
          subTitle={
            generation.total > 0 ? (
              <>
                <div>{t('register.cycles.result.generated', { count: generation.total })}</div>
                <ul
                  aria-label={t('register.cycles.result.generated', { count: generation.total })}
                  style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}
                >
                  {cycle.tasksByLevel.map((l) => (
                    <li key={l.level}>
                      {t('register.cycles.result.byLevel', {
                        level: t(`register.levels.${l.level}`),
                        count: l.count,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              t('register.cycles.result.none')
            )
          }
          extra={[
            <Button
              key="tasks"
              type="primary"
              href={cycleTasksPath(cycle.id)}
              onClick={(event) => {
                event.preventDefault();
                navigate(cycleTasksPath(cycle.id));
              }}
            >
              {t('register.cycles.result.viewTasks')}
            </Button>,
            <Button key="close" onClick={onClose}>
              {t('register.cycles.result.close')}
            </Button>,
          ]}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('register.cycles.form.title', { regulation: regulationTitle })}
      okText={t('register.cycles.form.submit')}
      cancelText={t('register.cycles.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={creating}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('register.cycles.form.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {latestId && (
        <Form<OpenCycleValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={creating}
          initialValues={{
            provinceCode: ownProvince,
            regulationVersionId: latestId,
            year: thisYear,
            ...yearBounds(thisYear),
          }}
          onValuesChange={(changed: Partial<OpenCycleValues>) => {
            // A new year moves dates still on the previous year's defaults.
            if (!('year' in changed) || !validYear(changed.year)) return;
            const next = yearBounds(changed.year);
            for (const field of ['startDate', 'dueDate'] as const) {
              if (!form.isFieldTouched(field)) form.setFieldValue(field, next[field]);
            }
          }}
        >
          {asksProvince && (
            <Form.Item
              name="provinceCode"
              label={t('register.cycles.form.province')}
              rules={[{ required: true, message: t('register.cycles.form.provinceRequired') }]}
            >
              <Select options={provinces.map((p) => ({ value: p.code, label: p.name }))} />
            </Form.Item>
          )}
          <Form.Item
            name="regulationVersionId"
            label={t('register.cycles.form.version')}
            rules={[{ required: true, message: t('register.cycles.form.versionRequired') }]}
          >
            <Select
              options={versions.map((v) => ({
                value: v.id,
                label:
                  t('register.version.option', {
                    number: v.versionNumber,
                    status: t(`register.version.status.${v.status}`),
                  }) + (v.id === latestId ? t('register.version.latest') : ''),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="year"
            label={t('register.cycles.form.year')}
            rules={[
              { required: true, message: t('register.cycles.form.yearRequired') },
              {
                validator: (_, value) =>
                  value === null || value === undefined || validYear(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('register.cycles.form.yearRange'))),
              },
            ]}
          >
            <InputNumber precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="title" label={t('register.cycles.form.name')}>
            <Input
              maxLength={200}
              placeholder={t('register.cycles.form.namePlaceholder', { example: defaultTitle })}
            />
          </Form.Item>
          <Form.Item
            name="startDate"
            label={t('register.cycles.form.startDate')}
            rules={[{ required: true, message: t('register.cycles.form.startDateRequired') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="dueDate"
            label={t('register.cycles.form.dueDate')}
            dependencies={['startDate']}
            rules={[
              { required: true, message: t('register.cycles.form.dueDateRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null) => {
                  const start = getFieldValue('startDate') as Dayjs | null;
                  return !value || !start || !value.isBefore(start, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('register.cycles.form.dueBeforeStart')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <DutyDueDatesList versionId={versionId} />
        </Form>
      )}
    </Modal>
  );
}
