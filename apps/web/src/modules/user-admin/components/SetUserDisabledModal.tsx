import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { UserAccount } from '../graphql/types';
import { useSetUserDisabled } from '../hooks/useUserAdminMutations';
import { accountText } from '../utils/accountText';

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
  const [form] = Form.useForm<ReasonValues>();
  const { setUserDisabled, loading } = useSetUserDisabled();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);
  const disabling = !user?.disabled;
  const username = accountText(user);

  const close = () => {
    clear();
    onClose();
  };

  const onFinish = async ({ reason }: ReasonValues) => {
    if (!user) return;
    clear();
    try {
      await setUserDisabled(user, disabling, reason?.trim());
      void message.success(
        disabling
          ? t('userAdmin.setDisabled.disabled', { username })
          : t('userAdmin.setDisabled.enabled', { username }),
      );
      close();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={
        disabling
          ? t('userAdmin.setDisabled.disableTitle', { username })
          : t('userAdmin.setDisabled.enableTitle', { username })
      }
      okText={
        disabling ? t('userAdmin.setDisabled.disableOk') : t('userAdmin.setDisabled.enableOk')
      }
      okButtonProps={{ danger: disabling }}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<ReasonValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        preserve={false}
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
      </Form>
    </Modal>
  );
}
