import { App, Button, Card, Flex, Table, Typography, type TableProps } from 'antd';
import { PersonName } from '../../../components/PersonName';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useRoleLabel } from '../../auth/hooks/useRoleLabel';
import type { PasswordResetRequest } from '../graphql/types';
import {
  useApprovePasswordReset,
  usePendingPasswordResets,
  useRejectPasswordReset,
} from '../hooks/usePasswordResetRequests';
import { ReasonModal } from './ReasonModal';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { useConfirmPasswordReset } from '../hooks/useConfirmPasswordReset';
import { accountText } from '../utils/accountText';

/**
 * Pending password reset requests of privileged accounts (dual control). A security
 * administrator who is neither the requester nor the account approves — and is then shown the
 * temporary password once — or rejects with a reason; others see what awaits a decision.
 * Nothing is shown while nothing is pending.
 */
export function PasswordResetRequestsCard({
  viewerIsSecurityAdmin,
}: {
  viewerIsSecurityAdmin: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const roleLabel = useRoleLabel();
  const { requests, loading, error, retry } = usePendingPasswordResets();
  const { approvePasswordReset } = useApprovePasswordReset();
  const { rejectPasswordReset, loading: rejecting } = useRejectPasswordReset();
  const [rejected, setRejected] = useState<PasswordResetRequest | null>(null);
  const { temporaryPassword, setTemporaryPassword, confirmReset } = useConfirmPasswordReset();

  const confirmApprove = (request: PasswordResetRequest) =>
    confirmReset(
      {
        title: t('userAdmin.resetRequests.approve.confirmTitle'),
        content: t('userAdmin.resetRequests.approve.confirmContent', {
          username: accountText(request.target),
        }),
        okText: t('userAdmin.resetRequests.approve.ok'),
      },
      () => approvePasswordReset(request.id),
    );

  const columns: TableProps<PasswordResetRequest>['columns'] = [
    {
      key: 'account',
      title: t('userAdmin.resetRequests.list.columns.account'),
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text>{r.target.username}</Typography.Text>
          <Typography.Text type="secondary">{r.target.displayName}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'role',
      title: t('userAdmin.resetRequests.list.columns.role'),
      render: (_, r) => roleLabel(r.targetRole),
    },
    {
      key: 'reason',
      title: t('userAdmin.resetRequests.list.columns.reason'),
      dataIndex: 'reason',
    },
    {
      key: 'requestedBy',
      title: t('userAdmin.resetRequests.list.columns.requestedBy'),
      render: (_, r) => <PersonName person={r.requester} fallback={r.requestedBy} />,
    },
    {
      key: 'requestedAt',
      title: t('userAdmin.resetRequests.list.columns.requestedAt'),
      render: (_, r) => formatDateTime(r.requestedAt, language),
    },
    {
      key: 'expiresAt',
      title: t('userAdmin.resetRequests.list.columns.expiresAt'),
      render: (_, r) => formatDateTime(r.expiresAt, language),
    },
    {
      key: 'actions',
      title: t('userAdmin.resetRequests.list.columns.actions'),
      render: (_, r) =>
        r.canDecide ? (
          <Flex wrap>
            <Button
              type="link"
              size="small"
              onClick={() => confirmApprove(r)}
              aria-label={`${t('userAdmin.resetRequests.list.approve')} ${r.target.username}`}
            >
              {t('userAdmin.resetRequests.list.approve')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setRejected(r)}
              aria-label={`${t('userAdmin.resetRequests.list.reject')} ${r.target.username}`}
            >
              {t('userAdmin.resetRequests.list.reject')}
            </Button>
          </Flex>
        ) : (
          <Typography.Text type="secondary">
            {viewerIsSecurityAdmin
              ? t('userAdmin.resetRequests.list.awaitingOther')
              : t('userAdmin.resetRequests.list.awaitingApproval')}
          </Typography.Text>
        ),
    },
  ];

  const rejectedUsername = accountText(rejected?.target);
  return (
    <>
      {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
      {requests.length > 0 && (
        <Card title={t('userAdmin.resetRequests.list.title')}>
          <Flex vertical gap="middle">
            <Typography.Text type="secondary">
              {t('userAdmin.resetRequests.list.intro')}
            </Typography.Text>
            <Table<PasswordResetRequest>
              rowKey="id"
              columns={columns}
              dataSource={requests}
              pagination={false}
              scroll={{ x: 'max-content' }}
              size="small"
            />
          </Flex>
        </Card>
      )}
      <ReasonModal
        open={rejected !== null}
        title={t('userAdmin.resetRequests.reject.title', { username: rejectedUsername })}
        label={t('userAdmin.resetRequests.reject.reason')}
        requiredMessage={t('userAdmin.resetRequests.reject.reasonRequired')}
        okText={t('userAdmin.resetRequests.reject.submit')}
        danger
        loading={rejecting}
        onSubmit={async (reason) => {
          if (!rejected) return;
          await rejectPasswordReset(rejected.id, reason);
          void message.success(
            t('userAdmin.resetRequests.reject.done', { username: rejectedUsername }),
          );
        }}
        onClose={() => setRejected(null)}
      />
      <TemporaryPasswordModal
        value={temporaryPassword}
        onClose={() => setTemporaryPassword(null)}
      />
    </>
  );
}
