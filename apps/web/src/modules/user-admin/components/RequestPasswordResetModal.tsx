import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoleLabel } from '../../auth/hooks/useRoleLabel';
import type { UserAccount } from '../graphql/types';
import { useRequestPasswordReset } from '../hooks/usePasswordResetRequests';
import { ReasonModal } from './ReasonModal';
import { accountText } from '../utils/accountText';

/**
 * 申请重置: a privileged account's password is reset only after a security administrator
 * approves, so the requester gives a reason and gets no password.
 */
export function RequestPasswordResetModal({
  user,
  onClose,
}: {
  user: UserAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roleLabel = useRoleLabel();
  const { requestPasswordReset, loading } = useRequestPasswordReset();
  const username = accountText(user);
  return (
    <ReasonModal
      open={user !== null}
      title={t('userAdmin.resetRequests.request.title', { username })}
      intro={t('userAdmin.resetRequests.request.intro', {
        username,
        role: roleLabel(user?.role ?? null),
      })}
      label={t('userAdmin.resetRequests.request.reason')}
      requiredMessage={t('userAdmin.resetRequests.request.reasonRequired')}
      placeholder={t('userAdmin.resetRequests.request.reasonPlaceholder')}
      okText={t('userAdmin.resetRequests.request.submit')}
      loading={loading}
      onSubmit={async (reason) => {
        if (!user) return;
        await requestPasswordReset(user.id, reason);
        void message.success(t('userAdmin.resetRequests.request.done', { username }));
      }}
      onClose={onClose}
    />
  );
}
