import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useErrorText } from '../../../hooks/useErrorText';
import { toAppError } from '../../../graphql/errors';
import { useSignedInUser } from '../../auth/hooks/signedInUser';
import { hasRole } from '../../auth/utils/roles';
import { BindRoleModal } from '../components/BindRoleModal';
import { CreateUserModal } from '../components/CreateUserModal';
import { EditProfileModal } from '../components/EditProfileModal';
import { SingleSignOnModal } from '../components/SingleSignOnModal';
import { PasswordResetRequestsCard } from '../components/PasswordResetRequestsCard';
import { ReasonModal } from '../components/ReasonModal';
import { RequestPasswordResetModal } from '../components/RequestPasswordResetModal';
import { SetUserDisabledModal } from '../components/SetUserDisabledModal';
import { TemporaryPasswordModal } from '../components/TemporaryPasswordModal';
import { UserFilters } from '../components/UserFilters';
import { UserTable, type UserAction } from '../components/UserTable';
import type { UserAccount, UserFilterInput } from '../graphql/types';
import {
  useResetUserPassword,
  useResetUserSecondFactor,
  useUnlockUser,
} from '../hooks/useUserAdminMutations';
import { useUsers } from '../hooks/useUsers';
import { useConfirmPasswordReset } from '../hooks/useConfirmPasswordReset';
import { accountText } from '../utils/accountText';

const DEFAULT_PAGE_SIZE = 20;

/** Who may do what here; the API enforces the same rules. */
function allowedActionsOf(user: ReturnType<typeof useSignedInUser>): Set<UserAction> {
  const actions = new Set<UserAction>();
  if (hasRole(user, 'SYSTEM_ADMIN')) {
    actions.add('editProfile');
    actions.add('resetPassword');
    actions.add('requestReset');
    actions.add('setDisabled');
  }
  if (hasRole(user, 'SECURITY_ADMIN')) {
    actions.add('bindRole');
    actions.add('unlock');
    actions.add('requestReset');
    actions.add('resetSecondFactor');
    actions.add('singleSignOn');
  }
  return actions;
}

export function UserAdminPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const me = useSignedInUser();
  const allowedActions = useMemo(() => allowedActionsOf(me), [me]);
  const canCreate = hasRole(me, 'SYSTEM_ADMIN');

  const [filter, setFilter] = useState<UserFilterInput>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const { users, totalCount, initialLoading, loading, error, retry } = useUsers(filter, {
    first: pageSize,
    offset: (page - 1) * pageSize,
  });

  const [creating, setCreating] = useState(false);
  const { temporaryPassword, setTemporaryPassword, confirmReset } = useConfirmPasswordReset();
  const [disabling, setDisabling] = useState<UserAccount | null>(null);
  const [binding, setBinding] = useState<UserAccount | null>(null);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [singleSignOn, setSingleSignOn] = useState<UserAccount | null>(null);
  const [requestingReset, setRequestingReset] = useState<UserAccount | null>(null);
  const { resetUserPassword } = useResetUserPassword();
  const { unlockUser } = useUnlockUser();
  const [resettingFactor, setResettingFactor] = useState<UserAccount | null>(null);
  const { resetUserSecondFactor, loading: resettingFactorBusy } = useResetUserSecondFactor();

  const confirmResetPassword = (user: UserAccount) =>
    confirmReset(
      {
        title: t('userAdmin.resetPassword.confirmTitle'),
        content: t('userAdmin.resetPassword.confirmContent', { username: accountText(user) }),
        okText: t('userAdmin.resetPassword.ok'),
      },
      () => resetUserPassword(user.id),
    );

  const confirmUnlock = (user: UserAccount) => {
    modal.confirm({
      title: t('userAdmin.unlock.confirmTitle'),
      content: t('userAdmin.unlock.confirmContent', { username: accountText(user) }),
      okText: t('userAdmin.unlock.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await unlockUser(user);
          void message.success(t('userAdmin.unlock.done', { username: accountText(user) }));
        } catch (thrown) {
          void message.error(errorText(toAppError(thrown)));
        }
      },
    });
  };

  const onAction = (action: UserAction, user: UserAccount) => {
    if (action === 'editProfile') setEditing(user);
    else if (action === 'resetPassword') confirmResetPassword(user);
    else if (action === 'requestReset') setRequestingReset(user);
    else if (action === 'unlock') confirmUnlock(user);
    else if (action === 'resetSecondFactor') setResettingFactor(user);
    else if (action === 'setDisabled') setDisabling(user);
    else if (action === 'singleSignOn') setSingleSignOn(user);
    else setBinding(user);
  };

  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('userAdmin.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('userAdmin.subtitle')}</Typography.Text>
      </div>
      <PasswordResetRequestsCard viewerIsSecurityAdmin={hasRole(me, 'SECURITY_ADMIN')} />
      <Card>
        <Flex vertical gap="middle">
          <Flex wrap gap="small" justify="space-between">
            <UserFilters
              value={filter}
              onChange={(next) => {
                setFilter(next);
                setPage(1);
              }}
            />
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('userAdmin.actions.create')}
              </Button>
            )}
          </Flex>
          {error && !loading && <QueryErrorAlert error={error} onRetry={retry} />}
          <UserTable
            users={users}
            totalCount={totalCount}
            loading={initialLoading || loading}
            page={page}
            pageSize={pageSize}
            onPageChange={(nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            }}
            allowedActions={allowedActions}
            currentUserId={me.id}
            onAction={onAction}
          />
        </Flex>
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setTemporaryPassword({
            reason: 'created',
            username: accountText(result.user),
            password: result.temporaryPassword,
          });
        }}
      />
      <TemporaryPasswordModal
        value={temporaryPassword}
        onClose={() => setTemporaryPassword(null)}
      />
      <SetUserDisabledModal user={disabling} onClose={() => setDisabling(null)} />
      <BindRoleModal user={binding} onClose={() => setBinding(null)} />
      <EditProfileModal user={editing} onClose={() => setEditing(null)} />
      <SingleSignOnModal user={singleSignOn} onClose={() => setSingleSignOn(null)} />
      <RequestPasswordResetModal user={requestingReset} onClose={() => setRequestingReset(null)} />
      <ReasonModal
        open={resettingFactor !== null}
        title={t('userAdmin.secondFactor.title', { username: accountText(resettingFactor) })}
        intro={t('userAdmin.secondFactor.intro')}
        label={t('userAdmin.secondFactor.reason')}
        requiredMessage={t('userAdmin.secondFactor.reasonRequired')}
        placeholder={t('userAdmin.secondFactor.reasonPlaceholder')}
        okText={t('userAdmin.secondFactor.ok')}
        danger
        loading={resettingFactorBusy}
        onSubmit={async (reason) => {
          if (!resettingFactor) return;
          await resetUserSecondFactor(resettingFactor, reason);
          void message.success(
            t('userAdmin.secondFactor.done', { username: accountText(resettingFactor) }),
          );
        }}
        onClose={() => setResettingFactor(null)}
      />
    </Flex>
  );
}
