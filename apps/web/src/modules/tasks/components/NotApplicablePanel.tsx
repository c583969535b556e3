import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { TaskDetail } from '../graphql/types';
import { useNotApplicable, type NotApplicableRequestItem } from '../hooks/useNotApplicable';
import {
  MAX_NA_DOCUMENT_REFERENCE,
  MAX_NA_REASON,
  notApplicableDraftProblem,
} from '../utils/notApplicable';
import { NotApplicableTag } from './NotApplicableTag';
import { personText } from '../../../components/PersonName';

const STATE_COLORS: Record<string, string> = {
  PENDING: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  REVOKED: 'default',
};
const REQUEST_FIELDS = ['reason', 'documentReference', 'evidenceIds'] as const;
const REASON_FIELDS = ['reason'] as const;

type Dialog =
  { kind: 'request' } | { kind: 'decide' | 'revoke'; request: NotApplicableRequestItem };

/**
 * 不适用: the task's status (a tag and what it means for the figures), its requests, and the
 * operator's request, the supervisor's decision and the provincial supervisor's revocation.
 */
export function NotApplicablePanel({
  task,
  onChanged,
}: {
  task: TaskDetail;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const { state, error, retry, request, decide, revoke, busy } = useNotApplicable(
    task.id,
    onChanged,
  );
  const [dialog, setDialog] = useState<Dialog>();
  const [requestForm] = Form.useForm<{
    reason: string;
    documentReference?: string;
    evidenceIds?: string[];
  }>();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const requestError = useFormSubmitError(requestForm, REQUEST_FIELDS);
  const reasonError = useFormSubmitError(reasonForm, REASON_FIELDS);
  const [draftProblem, setDraftProblem] = useState<string>();

  if (error) return <QueryErrorAlert error={error} onRetry={retry} />;
  if (!state) return null;
  const pending = state.requests.find((r) => r.status === 'PENDING');
  const approved = state.requests.find((r) => r.status === 'APPROVED');
  const currentEvidence = task.evidence.filter((e) => e.current);
  // Operators without a request and nothing to do need not see the panel.
  if (state.requests.length === 0 && !state.canRequest) return null;

  const close = () => {
    requestError.clear();
    reasonError.clear();
    setDraftProblem(undefined);
    setDialog(undefined);
  };

  const submitRequest = async () => {
    const values = await requestForm.validateFields();
    const draft = {
      reason: values.reason,
      documentReference: values.documentReference,
      evidenceIds: values.evidenceIds ?? [],
    };
    const problem = notApplicableDraftProblem(draft);
    if (problem) {
      setDraftProblem(t(`notApplicable.errors.${problem}`));
      return;
    }
    setDraftProblem(undefined);
    requestError.clear();
    try {
      await request({
        reason: draft.reason.trim(),
        documentReference: draft.documentReference?.trim() || undefined,
        evidenceIds: draft.evidenceIds,
      });
      void message.success(t('notApplicable.submitted'));
      close();
    } catch (e) {
      requestError.report(e);
    }
  };

  const submitReason = async (approve?: boolean) => {
    if (!dialog || dialog.kind === 'request') return;
    const { reason } = await reasonForm.validateFields();
    reasonError.clear();
    try {
      if (dialog.kind === 'decide') {
        await decide(dialog.request.id, !!approve, reason.trim());
        void message.success(t(approve ? 'notApplicable.approved' : 'notApplicable.rejected'));
      } else {
        await revoke(dialog.request.id, reason.trim());
        void message.success(t('notApplicable.revoked'));
      }
      close();
    } catch (e) {
      reasonError.report(e);
    }
  };

  const actions = (
    <Flex gap="small">
      {state.canRequest && (
        <Button onClick={() => setDialog({ kind: 'request' })}>{t('notApplicable.request')}</Button>
      )}
      {state.canDecide && pending && (
        <Button type="primary" onClick={() => setDialog({ kind: 'decide', request: pending })}>
          {t('notApplicable.decide')}
        </Button>
      )}
      {state.canRevoke && approved && (
        <Button danger onClick={() => setDialog({ kind: 'revoke', request: approved })}>
          {t('notApplicable.revoke')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Card
      title={
        <Flex gap="small" align="center">
          {t('notApplicable.title')}
          <NotApplicableTag status={state.status} />
        </Flex>
      }
      extra={actions}
      data-testid="not-applicable-panel"
    >
      {state.status === 'APPROVED' && (
        <Alert
          type="warning"
          showIcon
          title={t('notApplicable.approvedNote')}
          style={{ marginBottom: 12 }}
        />
      )}
      {state.status === 'REQUESTED' && (
        <Alert
          type="info"
          showIcon
          title={t('notApplicable.requestedNote')}
          style={{ marginBottom: 12 }}
        />
      )}
      {state.requests.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('notApplicable.intro')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          header={t('notApplicable.history')}
          dataSource={state.requests}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap="small" align="center" wrap>
                  <Tag color={STATE_COLORS[r.status]}>{t(`notApplicable.states.${r.status}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('notApplicable.requestedBy', {
                      user: personText(r.requester, r.requestedBy),
                      time: formatDateTime(r.requestedAt, language),
                    })}
                  </Typography.Text>
                </Flex>
                <Typography.Text>{r.reason}</Typography.Text>
                {(r.documentReference || r.evidenceIds.length > 0) && (
                  <Typography.Text type="secondary">
                    {[
                      r.documentReference,
                      r.evidenceIds.length
                        ? t('notApplicable.proofFiles', { count: r.evidenceIds.length })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                )}
                {r.decidedBy && r.decidedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('notApplicable.decidedBy', {
                      user: personText(r.decider, r.decidedBy),
                      time: formatDateTime(r.decidedAt, language),
                    })}
                    {r.decisionReason ? `：${r.decisionReason}` : ''}
                  </Typography.Text>
                )}
                {r.revokedBy && r.revokedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('notApplicable.revokedBy', {
                      user: personText(r.revoker, r.revokedBy),
                      time: formatDateTime(r.revokedAt, language),
                    })}
                    {r.revokeReason ? `：${r.revokeReason}` : ''}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={dialog?.kind === 'request'}
        title={t('notApplicable.requestTitle')}
        okText={t('notApplicable.submit')}
        okButtonProps={{ loading: busy }}
        onOk={() => void submitRequest().catch(() => undefined)}
        onCancel={close}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('notApplicable.intro')}</Typography.Paragraph>
        {(draftProblem || requestError.error) && (
          <Alert
            type="error"
            showIcon
            title={draftProblem ?? requestError.error}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form form={requestForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('notApplicable.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('notApplicable.errors.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={MAX_NA_REASON}
              showCount
              placeholder={t('notApplicable.reasonPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="evidenceIds"
            label={t('notApplicable.evidence')}
            extra={currentEvidence.length === 0 ? t('notApplicable.noEvidence') : undefined}
          >
            <Select
              mode="multiple"
              allowClear
              disabled={currentEvidence.length === 0}
              placeholder={t('notApplicable.evidencePlaceholder')}
              options={currentEvidence.map((e) => ({ value: e.id, label: e.fileName }))}
            />
          </Form.Item>
          <Form.Item name="documentReference" label={t('notApplicable.documentReference')}>
            <Input
              maxLength={MAX_NA_DOCUMENT_REFERENCE}
              placeholder={t('notApplicable.documentReferencePlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog?.kind === 'decide' || dialog?.kind === 'revoke'}
        title={t(
          dialog?.kind === 'revoke' ? 'notApplicable.revokeTitle' : 'notApplicable.decideTitle',
        )}
        onCancel={close}
        destroyOnHidden
        footer={
          <Flex gap="small" justify="flex-end">
            <Button onClick={close}>{t('common.cancel')}</Button>
            {dialog?.kind === 'decide' ? (
              <>
                <Button
                  danger
                  loading={busy}
                  onClick={() => void submitReason(false).catch(() => undefined)}
                >
                  {t('notApplicable.reject')}
                </Button>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void submitReason(true).catch(() => undefined)}
                >
                  {t('notApplicable.approve')}
                </Button>
              </>
            ) : (
              <Button
                danger
                type="primary"
                loading={busy}
                onClick={() => void submitReason().catch(() => undefined)}
              >
                {t('notApplicable.revoke')}
              </Button>
            )}
          </Flex>
        }
      >
        {dialog && dialog.kind !== 'request' && (
          <Typography.Paragraph>{dialog.request.reason}</Typography.Paragraph>
        )}
        {reasonError.error && (
          <Alert type="error" showIcon title={reasonError.error} style={{ marginBottom: 12 }} />
        )}
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t(
              dialog?.kind === 'revoke'
                ? 'notApplicable.revokeReason'
                : 'notApplicable.decisionReason',
            )}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('notApplicable.errors.reasonRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={MAX_NA_REASON} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
