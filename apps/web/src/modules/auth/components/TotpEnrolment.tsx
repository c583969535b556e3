import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, QRCode, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../hooks/useErrorText';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { toAppError } from '../../../graphql/errors';
import { useBeginTotpEnrolment, useConfirmTotpEnrolment } from '../hooks/useSecondFactor';
import { groupSecret, isTotpCode } from '../utils/secondFactor';

export interface EnrolledFactor {
  codes: string[];
  issuer: string;
  account: string;
}

interface CodeValues {
  code: string;
}

const SERVER_FIELDS = ['code'] as const;

/**
 * Adding an authenticator app: a new secret (QR code of the otpauth:// URI, the key to type by
 * hand), then a code from the app to confirm. `onEnrolled` gets the recovery codes.
 */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: (factor: EnrolledFactor) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<CodeValues>();
  const { begin, loading: beginning } = useBeginTotpEnrolment();
  const { confirm, loading: confirming } = useConfirmTotpEnrolment();
  const { error, report, clear } = useFormSubmitError(form, SERVER_FIELDS);
  const [enrolment, setEnrolment] = useState<Awaited<ReturnType<typeof begin>>>();
  const [beginError, setBeginError] = useState<string>();

  const start = async () => {
    setBeginError(undefined);
    try {
      setEnrolment(await begin());
    } catch (thrown) {
      setBeginError(errorText(toAppError(thrown)));
    }
  };

  const onFinish = async ({ code }: CodeValues) => {
    if (!enrolment) return;
    clear();
    try {
      const codes = await confirm(code.replace(/\s/g, ''));
      onEnrolled({ codes, issuer: enrolment.issuer, account: enrolment.account });
    } catch (thrown) {
      form.setFieldValue('code', '');
      report(thrown);
    }
  };

  if (!enrolment) {
    return (
      <Flex vertical gap="middle">
        {beginError && <Alert type="error" showIcon title={beginError} />}
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          onClick={() => void start()}
          loading={beginning}
        >
          {beginError ? t('auth.secondFactor.enrol.retry') : t('auth.secondFactor.enrol.start')}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex vertical gap="middle">
      <Typography.Text strong>{t('auth.secondFactor.enrol.stepScan')}</Typography.Text>
      <Flex gap="middle" wrap align="center">
        <div role="img" aria-label={t('auth.secondFactor.enrol.qrLabel')}>
          <QRCode type="svg" value={enrolment.otpauthUri} size={168} bordered />
        </div>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text type="secondary">{t('auth.secondFactor.enrol.secret')}</Typography.Text>
          <Typography.Text
            code
            copyable={{ text: enrolment.secret }}
            data-testid="totp-secret"
            style={{ fontSize: 15, wordBreak: 'break-all' }}
          >
            {groupSecret(enrolment.secret)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('auth.secondFactor.enrol.secretHint')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {t('auth.secondFactor.enrol.uri')}:{' '}
            <Typography.Text copyable style={{ fontSize: 12 }}>
              {enrolment.otpauthUri}
            </Typography.Text>
          </Typography.Text>
        </Flex>
      </Flex>
      <Typography.Text strong>{t('auth.secondFactor.enrol.stepConfirm')}</Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <Form<CodeValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={confirming}
      >
        <Form.Item
          name="code"
          label={t('auth.secondFactor.verify.code')}
          rules={[
            { required: true, message: t('auth.secondFactor.verify.codeRequired') },
            {
              validator: (_, value?: string) =>
                !value || isTotpCode(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.secondFactor.verify.codeFormat'))),
            },
          ]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            style={{ maxWidth: 200 }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirming}>
          {t('auth.secondFactor.enrol.confirm')}
        </Button>
      </Form>
    </Flex>
  );
}
