import { Button, Flex, Table, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from '../../auth/hooks/useRoleLabel';
import { unitLabel } from '../../auth/utils/unitLabel';
import { formatDateTime } from '../../../utils/formatDateTime';
import type { UserAccount } from '../graphql/types';
import { isAdminRole, isPrivilegedRole } from '../utils/roleSeparation';
import { isLocked } from '../utils/userState';
import { takesScopeProvinces } from '../utils/roleScope';
import { UserStateTags } from './UserStateTags';

/**
 * `resetPassword` resets an ordinary account at once; `requestReset` asks for a privileged
 * account's reset, which a security administrator approves (dual control).
 */
export type UserAction =
  | 'editProfile'
  | 'resetPassword'
  | 'requestReset'
  | 'setDisabled'
  | 'bindRole'
  | 'unlock'
  | 'resetSecondFactor'
  | 'singleSignOn';

export interface UserTableProps {
  users: UserAccount[];
  totalCount: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  /** The actions the signed-in administrator may take (by role). */
  allowedActions: ReadonlySet<UserAction>;
  /** The signed-in user's id: the API refuses administering one's own account here. */
  currentUserId: string;
  onAction: (action: UserAction, user: UserAccount) => void;
}

export function UserTable({
  users,
  totalCount,
  loading,
  page,
  pageSize,
  onPageChange,
  allowedActions,
  currentUserId,
  onAction,
}: UserTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const roleLabel = useRoleLabel();

  const actionsOf = (user: UserAccount) => {
    const buttons: ReactNode[] = [];
    if (user.id === currentUserId) return buttons;
    const button = (action: UserAction, label: string, danger = false) => (
      <Button
        key={action}
        type="link"
        size="small"
        danger={danger}
        onClick={() => onAction(action, user)}
        aria-label={`${label} ${user.username}`}
      >
        {label}
      </Button>
    );
    if (allowedActions.has('editProfile'))
      buttons.push(button('editProfile', t('userAdmin.profile.action')));
    // An administrator account keeps its role (三权分立): nothing to bind.
    if (allowedActions.has('bindRole') && !isAdminRole(user.role))
      buttons.push(button('bindRole', t('userAdmin.actions.bindRole')));
    if (allowedActions.has('singleSignOn'))
      buttons.push(button('singleSignOn', t('userAdmin.singleSignOn.action')));
    if (allowedActions.has('unlock') && isLocked(user)) {
      buttons.push(button('unlock', t('userAdmin.actions.unlock')));
    }
    if (allowedActions.has('resetSecondFactor') && user.totpEnabled) {
      buttons.push(button('resetSecondFactor', t('userAdmin.secondFactor.action'), true));
    }
    if (isPrivilegedRole(user.role)) {
      if (allowedActions.has('requestReset')) {
        buttons.push(button('requestReset', t('userAdmin.resetRequests.action')));
      }
    } else if (allowedActions.has('resetPassword')) {
      buttons.push(button('resetPassword', t('userAdmin.actions.resetPassword')));
    }
    if (allowedActions.has('setDisabled')) {
      buttons.push(
        user.disabled
          ? button('setDisabled', t('userAdmin.actions.enable'))
          : button('setDisabled', t('userAdmin.actions.disable'), true),
      );
    }
    return buttons;
  };

  const columns: TableProps<UserAccount>['columns'] = [
    {
      key: 'username',
      title: t('userAdmin.columns.username'),
      render: (_, user) =>
        user.externalSubject ? (
          <Flex vertical>
            <span>{user.username}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('userAdmin.singleSignOn.boundTo', { subject: user.externalSubject })}
            </Typography.Text>
          </Flex>
        ) : (
          user.username
        ),
    },
    { key: 'displayName', title: t('userAdmin.columns.displayName'), dataIndex: 'displayName' },
    {
      key: 'office',
      title: t('userAdmin.profile.office'),
      render: (_, user) =>
        user.office || user.phone ? (
          <Flex vertical>
            {user.office && <span>{user.office}</span>}
            {user.phone && <Typography.Text type="secondary">{user.phone}</Typography.Text>}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      key: 'role',
      title: t('userAdmin.columns.role'),
      render: (_, user) =>
        user.role ? (
          roleLabel(user.role)
        ) : (
          <Typography.Text type="secondary">{roleLabel(null)}</Typography.Text>
        ),
    },
    {
      key: 'unit',
      title: t('userAdmin.columns.unit'),
      render: (_, user) =>
        unitLabel(user.unit, user.department) ||
        (takesScopeProvinces(user.role)
          ? user.scopeProvinces.map((p) => p.name).join('、') ||
            t('userAdmin.bindRole.wholeCountry')
          : '—'),
    },
    {
      key: 'state',
      title: t('userAdmin.columns.state'),
      render: (_, user) => <UserStateTags user={user} />,
    },
    {
      key: 'lastSignIn',
      title: t('userAdmin.columns.lastSignIn'),
      render: (_, user) =>
        user.lastSignInAt ? (
          formatDateTime(user.lastSignInAt, language)
        ) : (
          <Typography.Text type="secondary">{t('userAdmin.neverSignedIn')}</Typography.Text>
        ),
    },
  ];
  if (allowedActions.size > 0) {
    columns.push({
      key: 'actions',
      title: t('userAdmin.columns.actions'),
      render: (_, user) => <Flex wrap>{actionsOf(user)}</Flex>,
    });
  }

  return (
    <Table<UserAccount>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total: totalCount,
        showSizeChanger: true,
        showTotal: (count) => t('userAdmin.total', { count }),
        onChange: onPageChange,
      }}
    />
  );
}
