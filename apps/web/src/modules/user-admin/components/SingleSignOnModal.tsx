import { App, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../graphql/types';
import { useSetExternalIdentity } from '../hooks/useUserAdminMutations';
import { accountText } from '../utils/accountText';
import { isAdminRole } from '../utils/roleSeparation';
import { FormDialog } from '../../../components/FormDialog';

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
  const { setExternalIdentity, loading } = useSetExternalIdentity();
  const admin = isAdminRole(user?.role ?? null);

  const onSubmit = async (values: SingleSignOnValues) => {
    if (!user) return;
    await setExternalIdentity({
      userId: user.id,
      externalSubject: values.externalSubject?.trim() || null,
      ...(admin ? { breakGlass: values.breakGlass ?? false } : {}),
    });
    void message.success(t('userAdmin.singleSignOn.done', { username: accountText(user) }));
  };

  return (
    <FormDialog<SingleSignOnValues>
      open={user !== null}
      title={t('userAdmin.singleSignOn.title', { username: accountText(user) })}
      okText={t('userAdmin.singleSignOn.submit')}
      intro={t('userAdmin.singleSignOn.intro')}
      loading={loading}
      name="singleSignOn"
      serverFields={SERVER_FIELDS}
      initialValues={{
        externalSubject: user?.externalSubject ?? '',
        breakGlass: user?.breakGlass ?? false,
      }}
      onSubmit={onSubmit}
      onClose={onClose}
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
    </FormDialog>
  );
}
