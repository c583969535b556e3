import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDay } from '../../../utils/format';
import { formFieldErrors } from '../../../utils/formFieldErrors';
import {
  useCycleDutyDueDates,
  useVersionDuties,
  type CycleDutyDueDateRow,
} from '../hooks/useCycleAdmin';

const DATE = 'YYYY-MM-DD';

interface EditorValues {
  dutyLineageId?: string;
  dueDate?: Dayjs | null;
}

/**
 * 按职责设置的截止日期 of one cycle: the duties given their own due date, with their tasks, and
 * — while the cycle is open — setting, changing and restoring them (the API moves the tasks
 * not extended and records each change in the task's history). A date outside the cycle's
 * start and due dates is refused on the field before anything is sent; the server checks it
 * too, and its refusals (a duty not tracked, a cycle closed meanwhile) are shown in Chinese.
 */
export function CycleDueDatesModal({
  cycle,
  onClose,
}: {
  cycle: {
    id: string;
    title: string;
    state: string;
    startDate: string;
    dueDate: string;
    regulationVersionId: string;
  };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const number = new Intl.NumberFormat(language);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const open = cycle.state === 'open';
  const { rows, loaded, loading, error, retry, set, remove, busy } = useCycleDutyDueDates(cycle.id);
  const duties = useVersionDuties(cycle.regulationVersionId, !open);
  const [form] = Form.useForm<EditorValues>();
  const [editing, setEditing] = useState<CycleDutyDueDateRow>();
  const [failure, setFailure] = useState<string>();
  const article = (n: number | null | undefined) =>
    n === null || n === undefined ? '—' : t('cycles.dueDates.article', { number: n });
  const options = useMemo(
    () =>
      duties.duties.map((d) => ({
        value: d.lineageId,
        label: `${t('cycles.dueDates.article', { number: d.article.number })} ${d.text}`,
      })),
    [duties.duties, t],
  );

  const refused = (thrown: unknown) => {
    const appError = toAppError(thrown);
    const fields = formFieldErrors(
      appError,
      ['dutyLineageId', 'dueDate'] as const,
      language,
      errorText(appError),
    );
    if (fields.length) form.setFields(fields);
    else setFailure(t('cycles.dueDateEditor.failed', { reason: errorText(appError) }));
  };

  const save = async (values: EditorValues) => {
    setFailure(undefined);
    const date = (values.dueDate as Dayjs).format(DATE);
    try {
      const moved = await set(values.dutyLineageId!, date);
      void message.success(
        t('cycles.dueDateEditor.saved', {
          count: number.format(moved),
          date: formatDay(date, language),
        }),
      );
      form.resetFields();
      setEditing(undefined);
    } catch (thrown) {
      refused(thrown);
    }
  };

  const restore = async (row: CycleDutyDueDateRow) => {
    setFailure(undefined);
    try {
      const moved = await remove(row.dutyLineageId);
      void message.success(
        t('cycles.dueDateEditor.restored', {
          count: number.format(moved),
          date: formatDay(cycle.dueDate, language),
        }),
      );
      if (editing?.dutyLineageId === row.dutyLineageId) {
        form.resetFields();
        setEditing(undefined);
      }
    } catch (thrown) {
      setFailure(t('cycles.dueDateEditor.failed', { reason: errorText(toAppError(thrown)) }));
    }
  };

  const edit = (row: CycleDutyDueDateRow) => {
    setFailure(undefined);
    setEditing(row);
    form.setFieldsValue({ dutyLineageId: row.dutyLineageId, dueDate: dayjs(row.dueDate) });
  };

  const columns: TableProps<CycleDutyDueDateRow>['columns'] = [
    {
      key: 'article',
      title: t('cycles.dueDateEditor.columns.article'),
      width: 90,
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{article(r.articleNumber)}</span>,
    },
    {
      key: 'duty',
      title: t('cycles.dueDateEditor.columns.duty'),
      render: (_, r) =>
        r.text ?? (
          <Typography.Text type="secondary">
            {t('cycles.dueDateEditor.missingDuty')}
          </Typography.Text>
        ),
    },
    {
      key: 'dueDate',
      title: t('cycles.dueDateEditor.columns.dueDate'),
      width: 140,
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDay(r.dueDate, language)}</span>
      ),
    },
    {
      key: 'tasks',
      title: t('cycles.dueDateEditor.columns.tasks'),
      width: 120,
      align: 'right',
      render: (_, r) => (
        <Flex vertical align="end">
          <span>{number.format(r.tasks)}</span>
          {r.extended > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cycles.dueDateEditor.extended', { count: r.extended })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];
  if (open) {
    columns.push({
      key: 'actions',
      title: t('cycles.dueDateEditor.columns.actions'),
      width: 200,
      render: (_, r) => (
        <Space size="small" wrap>
          <Button
            size="small"
            disabled={busy}
            onClick={() => edit(r)}
            aria-label={`${t('cycles.dueDateEditor.edit')} · ${article(r.articleNumber)}`}
          >
            {t('cycles.dueDateEditor.edit')}
          </Button>
          <Popconfirm
            title={t('cycles.dueDateEditor.restoreConfirm', {
              due: formatDay(cycle.dueDate, language),
            })}
            onConfirm={() => restore(r)}
          >
            <Button
              size="small"
              disabled={busy}
              aria-label={`${t('cycles.dueDateEditor.restore')} · ${article(r.articleNumber)}`}
            >
              {t('cycles.dueDateEditor.restore')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Modal
      open
      title={t('cycles.dueDateEditor.title', { title: cycle.title })}
      width={920}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('cycles.dueDateEditor.close')}</Button>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('cycles.dueDateEditor.intro', {
          start: formatDay(cycle.startDate, language),
          due: formatDay(cycle.dueDate, language),
        })}
      </Typography.Paragraph>
      {!open && (
        <Alert
          type="info"
          showIcon
          title={t('cycles.dueDateEditor.readOnly')}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && !loading ? (
        <QueryErrorAlert error={error} onRetry={retry} />
      ) : (
        <Table<CycleDutyDueDateRow>
          rowKey="dutyLineageId"
          size="small"
          loading={!loaded}
          columns={columns}
          dataSource={[...rows]}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          locale={{ emptyText: t('cycles.dueDateEditor.empty') }}
        />
      )}
      {open && (
        <section aria-labelledby="cycle-due-date-form" style={{ marginTop: 16 }}>
          <Typography.Title level={5} id="cycle-due-date-form">
            {editing
              ? t('cycles.dueDateEditor.editing', { article: article(editing.articleNumber) })
              : t('cycles.dueDateEditor.formTitle')}
          </Typography.Title>
          {duties.error && <QueryErrorAlert error={duties.error} />}
          <Form<EditorValues>
            form={form}
            layout="vertical"
            onFinish={(values) => void save(values)}
            onValuesChange={() => setFailure(undefined)}
          >
            <Flex gap="small" align="start" wrap>
              <Form.Item
                name="dutyLineageId"
                label={t('cycles.dueDates.duty')}
                style={{ flex: 1, minWidth: 240, marginBottom: 12 }}
                rules={[{ required: true, message: t('cycles.dueDates.dutyRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={duties.loading}
                  disabled={!!editing}
                  placeholder={
                    duties.loading
                      ? t('cycles.dueDates.loading')
                      : t('cycles.dueDates.dutyPlaceholder')
                  }
                  options={options}
                  popupMatchSelectWidth={false}
                  styles={{ popup: { root: { maxWidth: 560 } } }}
                />
              </Form.Item>
              <Form.Item
                name="dueDate"
                label={t('cycles.dueDates.dueDate')}
                style={{ width: 170, marginBottom: 12 }}
                rules={[
                  { required: true, message: t('cycles.dueDates.dueDateRequired') },
                  {
                    validator: (_, value: Dayjs | null | undefined) =>
                      !value || !value.isBefore(dayjs(cycle.startDate), 'day')
                        ? !value || !value.isAfter(dayjs(cycle.dueDate), 'day')
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('cycles.dueDates.afterDue')))
                        : Promise.reject(new Error(t('cycles.dueDates.beforeStart'))),
                  },
                ]}
              >
                <DatePicker style={{ width: '100%' }} defaultPickerValue={dayjs(cycle.dueDate)} />
              </Form.Item>
              <Space style={{ marginTop: 30 }}>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('cycles.dueDateEditor.save')}
                </Button>
                {editing && (
                  <Button
                    onClick={() => {
                      setEditing(undefined);
                      form.resetFields();
                    }}
                  >
                    {t('cycles.dueDateEditor.cancelEdit')}
                  </Button>
                )}
              </Space>
            </Flex>
          </Form>
          {duties.total > duties.duties.length && (
            <Typography.Paragraph type="warning">
              {t('cycles.dueDates.tooMany', { shown: duties.duties.length, total: duties.total })}
            </Typography.Paragraph>
          )}
        </section>
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
