import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { toAppError } from '../../../graphql/errors';
import { formatDateTime } from '../../../utils/formatDateTime';
import {
  useDisableTotp,
  useMySecondFactor,
  useRegenerateRecoveryCodes,
} from '../hooks/useSecondFactor';
import { useSignedInUser } from '../hooks/signedInUser';
import { isRecoveryCode, isTotpCode } from '../utils/secondFactor';
import { RecoveryCodesList } from './RecoveryCodesList';
import { TotpEnrolment, type EnrolledFactor } from './TotpEnrolment';

type View = 'status' | 'enrol' | 'regenerate' | 'disable' | 'codes';

interface CodeValues {
  code: string;
}

const SERVER_FIELDS = ['code'] as const;
/** Below this many unused recovery codes the user is told to make new ones. */
const FEW_RECOVERY_CODES = 3;

/**
 * "My account" security: the second factor's state, turning it on (enrolment in place) or off
 * when the role does not require it, and new recovery codes. Codes made here are shown once.
 */
export function AccountSecurityModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('auth.secondFactor.settings.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      // Recovery codes may be on screen: a click beside the dialog must not lose them.
      mask={{ closable: false }}
    >
      <AccountSecurity />
    </Modal>
  );
}

/** The dialog's content, mounted only while it is open (its query runs then). */
function AccountSecurity() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const user = useSignedInUser();
  const { status, loading, error, refetch } = useMySecondFactor();
  const { disable, loading: disabling } = useDisableTotp();
  const { regenerate, loading: regenerating } = useRegenerateRecoveryCodes();
  const [view, setView] = useState<View>('status');
  const [codes, setCodes] = useState<EnrolledFactor>();
  const [form] = Form.useForm<CodeValues>();
  const { error: submitError, report, clear } = useFormSubmitError(form, SERVER_FIELDS);

  const show = (next: View) => {
    clear();
    form.resetFields();
    setView(next);
  };
  const onCode = async ({ code }: CodeValues) => {
    clear();
    try {
      if (view === 'regenerate') {
        const fresh = await regenerate(code.replace(/\s/g, ''));
        setCodes({ codes: fresh, issuer: t('app.productName'), account: user.username });
        show('codes');
      } else {
        await disable(code.trim());
        void message.success(t('auth.secondFactor.settings.disabled'));
        show('status');
      }
    } catch (thrown) {
      form.setFieldValue('code', '');
      report(thrown);
    }
  };

  const codeForm = (intro: string, allowRecovery: boolean, okText: string, danger: boolean) => (
    <Flex vertical gap="middle">
      <Alert type={danger ? 'warning' : 'info'} showIcon title={intro} />
      {submitError && <Alert type="error" showIcon title={submitError} />}
      <Form<CodeValues> form={form} layout="vertical" requiredMark={false} onFinish={onCode}>
        <Form.Item
          name="code"
          label={
            allowRecovery
              ? t('auth.secondFactor.settings.codeOrRecovery')
              : t('auth.secondFactor.verify.code')
          }
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('auth.secondFactor.verify.codeRequired'),
            },
            {
              validator: (_, value?: string) =>
                !value?.trim() || isTotpCode(value) || (allowRecovery && isRecoveryCode(value))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.secondFactor.verify.codeFormat'))),
            },
          ]}
        >
          <Input autoComplete="one-time-code" maxLength={16} style={{ maxWidth: 240 }} autoFocus />
        </Form.Item>
        <Flex gap="small">
          <Button
            type="primary"
            danger={danger}
            htmlType="submit"
            loading={disabling || regenerating}
          >
            {okText}
          </Button>
          <Button onClick={() => show('status')}>{t('auth.secondFactor.settings.back')}</Button>
        </Flex>
      </Form>
    </Flex>
  );

  let body;
  if (view === 'enrol') {
    body = (
      <TotpEnrolment
        onEnrolled={(factor) => {
          setCodes(factor);
          show('codes');
          void message.success(t('auth.secondFactor.enrol.done'));
        }}
      />
    );
  } else if (view === 'codes' && codes) {
    body = (
      <Flex vertical gap="middle">
        <RecoveryCodesList codes={codes.codes} issuer={codes.issuer} account={codes.account} />
        <Button
          type="primary"
          onClick={() => {
            setCodes(undefined);
            show('status');
          }}
        >
          {t('auth.secondFactor.recovery.acknowledged')}
        </Button>
      </Flex>
    );
  } else if (view === 'regenerate') {
    body = codeForm(
      t('auth.secondFactor.settings.regenerateIntro'),
      false,
      t('auth.secondFactor.settings.regenerate'),
      false,
    );
  } else if (view === 'disable') {
    body = codeForm(
      t('auth.secondFactor.settings.disableIntro'),
      true,
      t('auth.secondFactor.settings.disable'),
      true,
    );
  } else if (!status) {
    body = error ? (
      <QueryErrorAlert error={toAppError(error)} onRetry={() => void refetch()} />
    ) : (
      <Spin tip={t('auth.secondFactor.settings.loading')} spinning={loading}>
        <div style={{ minHeight: 80 }} />
      </Spin>
    );
  } else {
    body = (
      <Flex vertical gap="middle">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('auth.secondFactor.settings.menu')}>
            {status.enabled ? (
              <Tag color="green">{t('auth.secondFactor.settings.statusOn')}</Tag>
            ) : (
              <Tag>{t('auth.secondFactor.settings.statusOff')}</Tag>
            )}
          </Descriptions.Item>
          {status.enabled && status.enabledAt && (
            <Descriptions.Item>
              {t('auth.secondFactor.settings.enabledAt', {
                time: formatDateTime(status.enabledAt, language),
              })}
            </Descriptions.Item>
          )}
          {status.enabled && (
            <Descriptions.Item>
              {t('auth.secondFactor.settings.remaining', { count: status.recoveryCodesRemaining })}
            </Descriptions.Item>
          )}
        </Descriptions>
        {status.enabled && status.recoveryCodesRemaining < FEW_RECOVERY_CODES && (
          <Alert type="warning" showIcon title={t('auth.secondFactor.settings.remainingLow')} />
        )}
        <Alert
          type="info"
          showIcon
          title={
            status.required
              ? t('auth.secondFactor.settings.required')
              : t('auth.secondFactor.settings.optional')
          }
        />
        <Flex gap="small" wrap>
          {!status.enabled && (
            <Button type="primary" onClick={() => show('enrol')}>
              {t('auth.secondFactor.settings.enable')}
            </Button>
          )}
          {status.enabled && (
            <Button onClick={() => show('regenerate')}>
              {t('auth.secondFactor.settings.regenerate')}
            </Button>
          )}
          {status.enabled && !status.required && (
            <Button danger onClick={() => show('disable')}>
              {t('auth.secondFactor.settings.disable')}
            </Button>
          )}
        </Flex>
      </Flex>
    );
  }

  return body;
}
