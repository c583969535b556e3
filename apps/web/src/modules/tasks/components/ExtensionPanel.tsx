import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskDetail, TaskExtensionRequest } from '../graphql/types';
import { formatDay } from '../utils/format';
import { PersonName, personText } from '../../../components/PersonName';

const STATE_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', refused: 'red' };
const KNOWN_STATES = ['pending', 'approved', 'refused'] as const;
const REQUEST_FIELDS = ['newDueDate', 'reason'] as const;
const DECIDE_FIELDS = ['note'] as const;

/** A picker date (dayjs, from antd) as far as this form needs it. */
interface PickedDate {
  format: (pattern: string) => string;
}

export interface ExtensionPanelProps {
  task: TaskDetail;
  requesting: boolean;
  deciding: boolean;
  askExtension: (
    expectedRowVersion: number,
    newDueDate: string,
    reason: string,
  ) => Promise<unknown>;
  decideOnExtension: (
    expectedRowVersion: number,
    requestId: string,
    approve: boolean,
    note?: string,
  ) => Promise<unknown>;
}

/** 延期申请: the requests so far, the operator's request form and the supervisor's decision. */
export function ExtensionPanel({
  task,
  requesting,
  deciding,
  askExtension,
  decideOnExtension,
}: ExtensionPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const [requestOpen, setRequestOpen] = useState(false);
  const [decidingRequest, setDeciding] = useState<TaskExtensionRequest>();
  const [requestForm] = Form.useForm<{ newDueDate: PickedDate; reason: string }>();
  const [decideForm] = Form.useForm<{ note?: string }>();
  const requestError = useFormSubmitError(requestForm, REQUEST_FIELDS);
  const decideError = useFormSubmitError(decideForm, DECIDE_FIELDS);
  const pending = task.extensionRequests.some((r) => r.state === 'pending');
  const writable = !task.retiredAt;
  const canRequest = writable && task.capabilities.requestExtension && !pending;
  const canDecide = writable && task.capabilities.decideExtension;

  const stateLabel = (state: string) =>
    (KNOWN_STATES as readonly string[]).includes(state)
      ? t(`tasks.extension.states.${state as (typeof KNOWN_STATES)[number]}`)
      : state;

  const submitRequest = async () => {
    const values = await requestForm.validateFields();
    requestError.clear();
    try {
      await askExtension(
        task.rowVersion,
        values.newDueDate.format('YYYY-MM-DD'),
        values.reason.trim(),
      );
      void message.success(t('tasks.extension.submitted'));
      setRequestOpen(false);
    } catch (error) {
      requestError.report(error);
    }
  };

  const decide = async (approve: boolean) => {
    if (!decidingRequest) return;
    const { note } = decideForm.getFieldsValue();
    decideError.clear();
    try {
      await decideOnExtension(
        task.rowVersion,
        decidingRequest.id,
        approve,
        note?.trim() || undefined,
      );
      void message.success(t(approve ? 'tasks.extension.approved' : 'tasks.extension.refused'));
      setDeciding(undefined);
    } catch (error) {
      decideError.report(error);
    }
  };

  const columns: TableProps<TaskExtensionRequest>['columns'] = [
    {
      key: 'requestedDueDate',
      title: t('tasks.extension.requestedDueDate'),
      width: 140,
      render: (_, r) => formatDay(r.requestedDueDate, language),
    },
    { key: 'reason', title: t('tasks.extension.reason'), dataIndex: 'reason' },
    {
      key: 'requested',
      title: t('tasks.extension.requestedBy'),
      width: 170,
      render: (_, r) => (
        <Flex vertical>
          <PersonName person={r.requester} fallback={r.requestedBy} />
          <Typography.Text type="secondary">
            {formatDateTime(r.requestedAt, language)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'state',
      title: t('tasks.extension.state'),
      width: 200,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          <Tag color={STATE_COLORS[r.state]}>{stateLabel(r.state)}</Tag>
          {r.decidedBy && r.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tasks.extension.decidedBy', {
                user: personText(r.decider, r.decidedBy),
                time: formatDateTime(r.decidedAt, language),
              })}
            </Typography.Text>
          )}
          {r.decisionNote && <Typography.Text>{r.decisionNote}</Typography.Text>}
          {r.state === 'pending' && canDecide && (
            <Button size="small" type="primary" onClick={() => setDeciding(r)}>
              {t('tasks.extension.decideTitle')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      title={t('tasks.extension.title')}
      extra={
        canRequest ? (
          <Button onClick={() => setRequestOpen(true)}>{t('tasks.extension.request')}</Button>
        ) : undefined
      }
    >
      <Table<TaskExtensionRequest>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={task.extensionRequests}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('tasks.extension.empty') }}
      />
      <Modal
        open={requestOpen}
        title={t('tasks.extension.requestTitle')}
        okText={t('tasks.extension.submit')}
        okButtonProps={{ loading: requesting }}
        onOk={() => void submitRequest().catch(() => undefined)}
        onCancel={() => {
          requestError.clear();
          setRequestOpen(false);
        }}
        destroyOnHidden
      >
        {requestError.error && (
          <Alert type="error" showIcon title={requestError.error} style={{ marginBottom: 12 }} />
        )}
        <Form form={requestForm} layout="vertical" preserve={false}>
          <Form.Item
            name="newDueDate"
            label={t('tasks.extension.newDueDate')}
            extra={t('tasks.extension.mustBeLater', { date: formatDay(task.dueDate, language) })}
            rules={[{ required: true, message: t('tasks.extension.newDueDateRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(date) => date.format('YYYY-MM-DD') <= task.dueDate}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('tasks.extension.reason')}
            rules={[
              { required: true, whitespace: true, message: t('tasks.extension.reasonRequired') },
            ]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!decidingRequest}
        title={t('tasks.extension.decideTitle')}
        onCancel={() => {
          decideError.clear();
          setDeciding(undefined);
        }}
        destroyOnHidden
        footer={
          <Flex gap="small" justify="flex-end">
            <Button onClick={() => setDeciding(undefined)}>{t('common.cancel')}</Button>
            <Button danger loading={deciding} onClick={() => void decide(false)}>
              {t('tasks.extension.refuse')}
            </Button>
            <Button type="primary" loading={deciding} onClick={() => void decide(true)}>
              {t('tasks.extension.approve')}
            </Button>
          </Flex>
        }
      >
        {decidingRequest && (
          <Typography.Paragraph>
            {t('tasks.extension.decideSummary', {
              from: formatDay(task.dueDate, language),
              to: formatDay(decidingRequest.requestedDueDate, language),
              reason: decidingRequest.reason,
            })}
          </Typography.Paragraph>
        )}
        {decideError.error && (
          <Alert type="error" showIcon title={decideError.error} style={{ marginBottom: 12 }} />
        )}
        <Form form={decideForm} layout="vertical" preserve={false}>
          <Form.Item name="note" label={t('tasks.extension.note')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
