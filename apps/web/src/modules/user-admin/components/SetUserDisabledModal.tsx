import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../graphql/types';
import { useSetUserDisabled } from '../hooks/useUserAdminMutations';
import { accountText } from '../utils/accountText';
import { FormDialog } from '../../../components/FormDialog';

interface ReasonValues {
  reason?: string;
}

const SERVER_FIELDS = ['reason'] as const;

/** Disables an enabled account (a reason is required) or enables a disabled one. */
export function SetUserDisabledModal({
  user,
  onClose,
}: {
  user: UserAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { setUserDisabled, loading } = useSetUserDisabled();
  const disabling = !user?.disabled;
  const username = accountText(user);

  const onSubmit = async ({ reason }: ReasonValues) => {
    if (!user) return;
    await setUserDisabled(user, disabling, reason?.trim());
    void message.success(
      disabling
        ? t('userAdmin.setDisabled.disabled', { username })
        : t('userAdmin.setDisabled.enabled', { username }),
    );
  };

  return (
    <FormDialog<ReasonValues>
      open={user !== null}
      title={
        disabling
          ? t('userAdmin.setDisabled.disableTitle', { username })
          : t('userAdmin.setDisabled.enableTitle', { username })
      }
      okText={
        disabling ? t('userAdmin.setDisabled.disableOk') : t('userAdmin.setDisabled.enableOk')
      }
      danger={disabling}
      loading={loading}
      serverFields={SERVER_FIELDS}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label={t('userAdmin.setDisabled.reason')}
        rules={
          disabling
            ? [
                {
                  required: true,
                  whitespace: true,
                  message: t('userAdmin.setDisabled.reasonRequired'),
                },
              ]
            : []
        }
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormDialog>
  );
}
