import { Alert, App, Form, Input, Modal, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import type { UserAccount } from '../graphql/types';
import { useSetExternalIdentity } from '../hooks/useUserAdminMutations';
import { accountText } from '../utils/accountText';
import { isAdminRole } from '../utils/roleSeparation';

interface SingleSignOnValues {
  externalSubject?: string;
  breakGlass?: boolean;
}

const SERVER_FIELDS = ['externalSubject', 'breakGlass'] as const;

/**
 * The security administrator binds an account to the identity service's identifier (the claim
 * the deployment matches on) and, for administrators, sets the break-glass flag (issue 19).
 */
export function SingleSignOnModal({
  user,
  onClose,
}: {
  user: UserAccount | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SingleSignOnValues>();
  const { setExternalIdentity, loading } = useSetExternalIdentity();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);
  const admin = isAdminRole(user?.role ?? null);

  const close = () => {
    clear();
    onClose();
  };

  const onFinish = async (values: SingleSignOnValues) => {
    if (!user) return;
    clear();
    try {
      await setExternalIdentity({
        userId: user.id,
        externalSubject: values.externalSubject?.trim() || null,
        ...(admin ? { breakGlass: values.breakGlass ?? false } : {}),
      });
      void message.success(t('userAdmin.singleSignOn.done', { username: accountText(user) }));
      close();
    } catch (thrown) {
      report(thrown);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={t('userAdmin.singleSignOn.title', { username: accountText(user) })}
      okText={t('userAdmin.singleSignOn.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('userAdmin.singleSignOn.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<SingleSignOnValues>
        form={form}
        name="singleSignOn"
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        preserve={false}
        initialValues={{
          externalSubject: user?.externalSubject ?? '',
          breakGlass: user?.breakGlass ?? false,
        }}
      >
        <Form.Item
          name="externalSubject"
          label={t('userAdmin.singleSignOn.subject')}
          extra={t('userAdmin.singleSignOn.subjectHint')}
          rules={[{ max: 255, message: t('userAdmin.singleSignOn.subjectTooLong') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        {admin && (
          <Form.Item
            name="breakGlass"
            label={t('userAdmin.singleSignOn.breakGlass')}
            extra={t('userAdmin.singleSignOn.breakGlassHint')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
