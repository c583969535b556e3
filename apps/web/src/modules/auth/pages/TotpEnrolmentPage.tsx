import { Alert, App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { RecoveryCodesList } from '../components/RecoveryCodesList';
import { TotpEnrolment, type EnrolledFactor } from '../components/TotpEnrolment';
import { useFinishEnrolment } from '../hooks/useSecondFactor';
import { useSignOut } from '../hooks/useSession';

/**
 * The enrolment a role requires before anything else (the session is pending ENROL). After
 * the code is confirmed the recovery codes stay on screen until the user says they are saved;
 * only then is `me` asked again, and the auth gate lets the user in.
 */
export function TotpEnrolmentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { signOut, loading: signingOut } = useSignOut();
  const finish = useFinishEnrolment();
  const [enrolled, setEnrolled] = useState<EnrolledFactor>();
  const [finishing, setFinishing] = useState(false);

  const onSignOut = () => {
    signOut().catch(() => void message.error(t('account.signOutFailed')));
  };
  const onContinue = () => {
    setFinishing(true);
    finish().finally(() => setFinishing(false));
  };

  return (
    <AuthLayout
      title={enrolled ? t('auth.secondFactor.recovery.title') : t('auth.secondFactor.enrol.title')}
    >
      <Flex vertical gap="middle">
        {enrolled ? (
          <>
            <Alert type="success" showIcon title={t('auth.secondFactor.enrol.done')} />
            <RecoveryCodesList
              codes={enrolled.codes}
              issuer={enrolled.issuer}
              account={enrolled.account}
            />
            <Button type="primary" onClick={onContinue} loading={finishing}>
              {t('auth.secondFactor.recovery.acknowledged')}
            </Button>
          </>
        ) : (
          <>
            <Alert type="warning" showIcon title={t('auth.secondFactor.enrol.forcedNotice')} />
            <TotpEnrolment onEnrolled={setEnrolled} />
            <Button onClick={onSignOut} loading={signingOut}>
              {t('account.signOut')}
            </Button>
          </>
        )}
      </Flex>
    </AuthLayout>
  );
}
