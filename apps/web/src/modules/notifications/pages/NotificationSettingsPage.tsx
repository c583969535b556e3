import { Alert, App, Button, Card, Flex, Form, Input, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../../components/PageLoading';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import {
  NotificationSettingsDocument,
  NotificationUpdateSettingsDocument,
  type NotificationKind,
  type NotificationSettingsFieldsFragment,
} from '../../../graphql/generated/graphql';
import { useFormSubmitError } from '../../../hooks/useFormSubmitError';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { useMutation } from '@apollo/client/react';
import {
  changedChannels,
  isValidEmail,
  validQuietHours,
  type KindChannels,
} from '../utils/notifications';

interface FormValues {
  email: string;
  quietHoursStart: string;
  quietHoursEnd: string;
}

const FIELDS = ['email', 'quietHoursStart', 'quietHoursEnd'] as const;

/** 通知设置: email address, quiet hours, and the external channels per kind. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const query = useAppQuery(NotificationSettingsDocument, {});
  const settings = query.data?.myNotificationSettings;
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 880 }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('notifications.settings.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('notifications.settings.intro')}
        </Typography.Paragraph>
      </div>
      {query.error && !query.loading ? (
        <QueryErrorAlert error={query.error} onRetry={query.retry} />
      ) : !settings ? (
        <PageLoading rows={8} />
      ) : (
        <SettingsForm settings={settings} />
      )}
    </Flex>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettingsFieldsFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const submitError = useFormSubmitError(form, FIELDS);
  // What the server has (to send only the switches that changed) and what is on screen.
  const [saved, setSaved] = useState<KindChannels[]>(settings.kinds);
  const [kinds, setKinds] = useState<KindChannels[]>(settings.kinds);
  const [save, saving] = useMutation(NotificationUpdateSettingsDocument);

  const onFinish = async (values: FormValues) => {
    submitError.clear();
    try {
      const res = await save({
        variables: {
          input: {
            email: values.email.trim(),
            quietHoursStart: values.quietHoursStart.trim(),
            quietHoursEnd: values.quietHoursEnd.trim(),
            channels: changedChannels(saved, kinds).map((c) => ({
              ...c,
              kind: c.kind as NotificationKind,
            })),
          },
        },
      });
      const updated = res.data?.updateMyNotificationSettings;
      if (updated) {
        setSaved(updated.kinds);
        setKinds(updated.kinds);
      }
      message.success(t('notifications.settings.saved'));
    } catch (error) {
      submitError.report(error);
    }
  };

  const toggle = (kind: string, channel: 'email' | 'webhook', value: boolean) =>
    setKinds((all) => all.map((k) => (k.kind === kind ? { ...k, [channel]: value } : k)));

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{
        email: settings.email ?? '',
        quietHoursStart: settings.quietHoursStart ?? '',
        quietHoursEnd: settings.quietHoursEnd ?? '',
      }}
      onFinish={onFinish}
    >
      <Flex vertical gap="middle">
        {submitError.error && <Alert type="error" showIcon title={submitError.error} />}
        <Card size="small">
          {!settings.emailAvailable && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('notifications.settings.emailUnavailable')}
            />
          )}
          <Form.Item
            name="email"
            label={t('notifications.settings.email')}
            extra={t('notifications.settings.emailHelp')}
            rules={[
              {
                validator: (_rule, value: string) =>
                  !value?.trim() || isValidEmail(value.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('notifications.settings.emailInvalid'))),
              },
            ]}
          >
            <Input
              type="email"
              autoComplete="email"
              placeholder={t('notifications.settings.emailPlaceholder')}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
          <Form.Item
            label={t('notifications.settings.quietHours')}
            extra={t('notifications.settings.quietHoursHelp')}
            required={false}
          >
            <Flex gap="small" align="flex-start">
              <Form.Item
                name="quietHoursStart"
                noStyle
                dependencies={['quietHoursEnd']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string) =>
                      validQuietHours(value ?? '', getFieldValue('quietHoursEnd') ?? '')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('notifications.settings.quietInvalid'))),
                  }),
                ]}
              >
                <Input
                  aria-label={t('notifications.settings.quietStart')}
                  placeholder={t('notifications.settings.quietStart')}
                  style={{ width: 160 }}
                />
              </Form.Item>
              <span style={{ lineHeight: '32px' }}>—</span>
              <Form.Item name="quietHoursEnd" noStyle>
                <Input
                  aria-label={t('notifications.settings.quietEnd')}
                  placeholder={t('notifications.settings.quietEnd')}
                  style={{ width: 160 }}
                />
              </Form.Item>
            </Flex>
          </Form.Item>
        </Card>
        <Card size="small">
          {!settings.webhookAvailable && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('notifications.settings.webhookUnavailable')}
            />
          )}
          <Table<KindChannels>
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={kinds}
            columns={[
              {
                title: t('notifications.settings.kind'),
                dataIndex: 'kind',
                render: (kind: NotificationKind) => t(`notifications.kinds.${kind}`),
              },
              {
                title: t('notifications.settings.inApp'),
                key: 'inApp',
                width: 90,
                render: () => (
                  <Typography.Text type="secondary">
                    {t('notifications.settings.always')}
                  </Typography.Text>
                ),
              },
              {
                title: t('notifications.settings.channelEmail'),
                key: 'email',
                width: 90,
                render: (_v, row) => (
                  <Switch
                    size="small"
                    checked={row.email}
                    disabled={!settings.emailAvailable}
                    aria-label={`${t(`notifications.kinds.${row.kind as NotificationKind}`)} ${t('notifications.settings.channelEmail')}`}
                    onChange={(value) => toggle(row.kind, 'email', value)}
                  />
                ),
              },
              {
                title: t('notifications.settings.channelWebhook'),
                key: 'webhook',
                width: 110,
                render: (_v, row) => (
                  <Switch
                    size="small"
                    checked={row.webhook}
                    disabled={!settings.webhookAvailable}
                    aria-label={`${t(`notifications.kinds.${row.kind as NotificationKind}`)} ${t('notifications.settings.channelWebhook')}`}
                    onChange={(value) => toggle(row.kind, 'webhook', value)}
                  />
                ),
              },
            ]}
          />
        </Card>
        <div>
          <Button type="primary" htmlType="submit" loading={saving.loading}>
            {t('notifications.settings.save')}
          </Button>
        </div>
      </Flex>
    </Form>
  );
}
