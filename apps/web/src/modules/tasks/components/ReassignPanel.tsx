import { ArrowRightOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReassignRecordFieldsFragment } from '../../../graphql/generated/graphql';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useReassignMutations, useReassignState, useReassignTargets } from '../hooks/useReassign';
import { PersonName, personText } from '../../../components/PersonName';

type Record = ReassignRecordFieldsFragment;
const STATUS_COLORS: { [status: string]: string } = {
  PENDING: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  APPLIED: 'blue',
};
const MOVE_FIELDS = ['toDepartmentId', 'reason'] as const;
const DECIDE_FIELDS = ['reason'] as const;

export interface ReassignPanelProps {
  taskId: string;
  /** Called after the task changed (lead, row version): the page reloads it. */
  onChanged: () => void;
}

/**
 * 转办 on the task page: the records so far, the lead department's request, the supervisor's
 * decision on a pending request and the supervisor's direct reassignment.
 */
export function ReassignPanel({ taskId, onChanged }: ReassignPanelProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const { task, reload } = useReassignState(taskId);
  const mutations = useReassignMutations(taskId);
  const [moving, setMoving] = useState<'request' | 'direct'>();
  const [deciding, setDeciding] = useState<Record>();
  const [moveForm] = Form.useForm<{ toDepartmentId: string; reason: string }>();
  const [decideForm] = Form.useForm<{ reason?: string }>();
  const moveError = useFormSubmitError(moveForm, MOVE_FIELDS);
  const decideError = useFormSubmitError(decideForm, DECIDE_FIELDS);
  const { targets, loading: loadingTargets } = useReassignTargets(taskId, !moving);
  if (!task) return null;
  const can = task.assignmentCapabilities;

  const afterChange = async () => {
    await reload();
    onChanged();
  };

  const submitMove = async () => {
    const values = await moveForm.validateFields();
    moveError.clear();
    try {
      if (moving === 'direct') {
        await mutations.reassign(values.toDepartmentId, values.reason.trim(), task.rowVersion);
        void message.success(t('tasks.assignment.reassign.applied'));
      } else {
        await mutations.requestReassignment(values.toDepartmentId, values.reason.trim());
        void message.success(t('tasks.assignment.reassign.submitted'));
      }
      setMoving(undefined);
      await afterChange();
    } catch (error) {
      moveError.report(error);
    }
  };

  const decide = async (approve: boolean) => {
    if (!deciding) return;
    const reason = decideForm.getFieldValue('reason')?.trim() || undefined;
    if (!approve && !reason) {
      decideForm.setFields([
        { name: 'reason', errors: [t('tasks.assignment.reassign.decisionReasonRequired')] },
      ]);
      return;
    }
    decideError.clear();
    try {
      await mutations.decideReassignment(deciding.id, approve, reason);
      void message.success(
        t(approve ? 'tasks.assignment.reassign.approved' : 'tasks.assignment.reassign.rejected'),
      );
      setDeciding(undefined);
      await afterChange();
    } catch (error) {
      decideError.report(error);
    }
  };

  const columns: TableProps<Record>['columns'] = [
    {
      key: 'route',
      title: t('tasks.assignment.reassign.columns.route'),
      render: (_, r) => (
        <Flex vertical gap={2}>
          <span>
            {r.fromDepartment.name} <ArrowRightOutlined /> {r.toDepartment.name}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`tasks.assignment.reassign.kind.${r.kind}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'reason', title: t('tasks.assignment.reassign.columns.reason'), dataIndex: 'reason' },
    {
      key: 'requested',
      title: t('tasks.assignment.reassign.columns.requested'),
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
      key: 'status',
      title: t('tasks.assignment.reassign.columns.status'),
      width: 200,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          <Tag color={STATUS_COLORS[r.status]}>
            {t(`tasks.assignment.reassign.status.${r.status}`)}
          </Tag>
          {r.kind === 'REQUEST' && r.decidedBy && r.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tasks.assignment.reassign.decidedBy', {
                user: personText(r.decider, r.decidedBy),
                time: formatDateTime(r.decidedAt, language),
              })}
            </Typography.Text>
          )}
          {r.decisionReason && <Typography.Text>{r.decisionReason}</Typography.Text>}
          {r.status === 'PENDING' && can.decideReassignment && (
            <Button size="small" type="primary" onClick={() => setDeciding(r)}>
              {t('tasks.assignment.reassign.decide')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  const pending = task.reassignments.some((r) => r.status === 'PENDING');
  const actions = (
    <Flex gap="small">
      {can.requestReassignment && (
        <Button onClick={() => setMoving('request')}>
          {t('tasks.assignment.reassign.request')}
        </Button>
      )}
      {can.reassign && (
        <Button onClick={() => setMoving('direct')}>{t('tasks.assignment.reassign.direct')}</Button>
      )}
    </Flex>
  );

  return (
    <Card title={t('tasks.assignment.reassign.title')} extra={actions}>
      {pending && (
        <Alert
          type="info"
          showIcon
          title={t('tasks.assignment.reassign.pendingNotice')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Record>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={task.reassignments}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('tasks.assignment.reassign.empty') }}
      />
      <Modal
        open={!!moving}
        title={t(
          moving === 'direct'
            ? 'tasks.assignment.reassign.directTitle'
            : 'tasks.assignment.reassign.requestTitle',
        )}
        okText={t(
          moving === 'direct'
            ? 'tasks.assignment.reassign.submitDirect'
            : 'tasks.assignment.reassign.submit',
        )}
        okButtonProps={{ loading: mutations.saving }}
        onOk={() => void submitMove().catch(() => undefined)}
        onCancel={() => {
          moveError.clear();
          setMoving(undefined);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t(
            moving === 'direct'
              ? 'tasks.assignment.reassign.directHint'
              : 'tasks.assignment.reassign.requestHint',
          )}
        </Typography.Paragraph>
        {moveError.error && (
          <Alert type="error" showIcon title={moveError.error} style={{ marginBottom: 12 }} />
        )}
        <Form form={moveForm} layout="vertical" preserve={false}>
          <Form.Item
            name="toDepartmentId"
            label={t('tasks.assignment.reassign.target')}
            rules={[{ required: true, message: t('tasks.assignment.reassign.targetRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={loadingTargets}
              placeholder={t('tasks.assignment.reassign.targetPlaceholder')}
              options={targets.map((d) => ({
                value: d.id,
                label: d.assisting
                  ? `${d.name}（${t('tasks.assignment.reassign.assisting')}）`
                  : d.name,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('tasks.assignment.reassign.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('tasks.assignment.reassign.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!deciding}
        title={t('tasks.assignment.reassign.decideTitle')}
        onCancel={() => {
          decideError.clear();
          setDeciding(undefined);
        }}
        destroyOnHidden
        footer={
          <Flex gap="small" justify="flex-end">
            <Button onClick={() => setDeciding(undefined)}>{t('common.cancel')}</Button>
            <Button danger loading={mutations.saving} onClick={() => void decide(false)}>
              {t('tasks.assignment.reassign.reject')}
            </Button>
            <Button type="primary" loading={mutations.saving} onClick={() => void decide(true)}>
              {t('tasks.assignment.reassign.approve')}
            </Button>
          </Flex>
        }
      >
        {deciding && (
          <Typography.Paragraph>
            {t('tasks.assignment.reassign.decideSummary', {
              user: personText(deciding.requester, deciding.requestedBy),
              from: deciding.fromDepartment.name,
              to: deciding.toDepartment.name,
              reason: deciding.reason,
            })}
          </Typography.Paragraph>
        )}
        {decideError.error && (
          <Alert type="error" showIcon title={decideError.error} style={{ marginBottom: 12 }} />
        )}
        <Form form={decideForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('tasks.assignment.reassign.decisionReason')}
            extra={t('tasks.assignment.reassign.decisionReasonHint')}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
