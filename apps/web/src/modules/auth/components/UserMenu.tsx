import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Tag, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { brandColors } from '../../../theme/theme';
import { useRoleLabel } from '../hooks/useRoleLabel';
import { useSignOut } from '../hooks/useSession';
import { useSignedInUser } from '../hooks/signedInUser';
import { unitLabel } from '../utils/unitLabel';
import { ChangePasswordModal } from './ChangePasswordModal';

// Loaded when first opened (it brings the QR code).
const AccountSecurityModal = lazy(() =>
  import('./AccountSecurityModal').then((m) => ({ default: m.AccountSecurityModal })),
);

/** Header: who is signed in (name, role, unit / department) and the account actions. */
export function UserMenu() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useSignedInUser();
  const roleLabel = useRoleLabel();
  const { signOut } = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  const [securing, setSecuring] = useState(false);
  const unit = unitLabel(user.unit, user.department);

  const items: MenuProps['items'] = [
    { key: 'changePassword', icon: <KeyOutlined />, label: t('account.changePassword') },
    {
      key: 'secondFactor',
      icon: <SafetyCertificateOutlined />,
      label: t('auth.secondFactor.settings.menu'),
    },
    { type: 'divider' },
    { key: 'signOut', icon: <LogoutOutlined />, label: t('account.signOut') },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'changePassword') setChangingPassword(true);
    if (key === 'secondFactor') setSecuring(true);
    if (key === 'signOut') signOut().catch(() => void message.error(t('account.signOutFailed')));
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          aria-label={t('account.menuLabel', { name: user.displayName })}
          style={{ color: brandColors.headerText, height: 'auto', paddingBlock: 4 }}
        >
          <Flex align="center" gap={8}>
            <UserOutlined />
            <span className="app-user-name">{user.displayName}</span>
            <Tag className="app-user-detail" color="blue" style={{ marginInlineEnd: 0 }}>
              {roleLabel(user.role)}
            </Tag>
            {unit && (
              <span className="app-user-detail" style={{ opacity: 0.85, fontSize: 12 }}>
                {unit}
              </span>
            )}
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      {securing && (
        <Suspense fallback={null}>
          <AccountSecurityModal open onClose={() => setSecuring(false)} />
        </Suspense>
      )}
    </>
  );
}
