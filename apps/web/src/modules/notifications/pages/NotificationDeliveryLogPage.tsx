import { RedoOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import {
  NotificationDeliveryLogDocument,
  NotificationRetryDeliveryDocument,
  type NotificationChannel,
  type NotificationDeliveryLogQuery,
  type NotificationDeliveryStatus,
} from '../../../graphql/generated/graphql';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { NotificationKindTag } from '../components/NotificationKindTag';
import { PersonName } from '../../../components/PersonName';

type Delivery = NotificationDeliveryLogQuery['notificationDeliveries']['items'][number];

const STATUSES: NotificationDeliveryStatus[] = [
  'PENDING',
  'SENDING',
  'DELIVERED',
  'FAILED',
  'SKIPPED',
];
const CHANNELS: NotificationChannel[] = ['EMAIL', 'WEBHOOK'];
const STATUS_COLOURS: Record<NotificationDeliveryStatus, string> = {
  PENDING: 'default',
  SENDING: 'processing',
  DELIVERED: 'success',
  FAILED: 'error',
  SKIPPED: 'warning',
};
const PAGE_SIZE = 50;

/** 通知投递日志 (system administrator): the outbox of email and webhook deliveries. */
export function NotificationDeliveryLogPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [status, setStatus] = useState<NotificationDeliveryStatus>();
  const [channel, setChannel] = useState<NotificationChannel>();
  const [recipient, setRecipient] = useState('');
  const [page, setPage] = useState(1);
  const query = useAppQuery(NotificationDeliveryLogDocument, {
    filter: { status, channel, recipient: recipient.trim() || undefined },
    page: { first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  });
  const [retry, retrying] = useMutation(NotificationRetryDeliveryDocument);
  const data = query.data?.notificationDeliveries;
  const when = (value: string | null | undefined) =>
    value ? formatDateTime(value, language, { seconds: true }) : '—';

  return (
    <Flex vertical gap="middle">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
          {t('notifications.deliveries.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('notifications.deliveries.intro')}
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Flex gap="middle" wrap align="center">
          <Select<NotificationDeliveryStatus>
            allowClear
            style={{ width: 180 }}
            placeholder={t('notifications.deliveries.allStatuses')}
            aria-label={t('notifications.deliveries.status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => {
              const count = data?.counts.find((c) => c.status === s)?.count ?? 0;
              return {
                value: s,
                label: `${t(`notifications.deliveries.statuses.${s}`)}（${count}）`,
              };
            })}
          />
          <Select<NotificationChannel>
            allowClear
            style={{ width: 160 }}
            placeholder={t('notifications.deliveries.allChannels')}
            aria-label={t('notifications.deliveries.channel')}
            value={channel}
            onChange={(v) => {
              setChannel(v);
              setPage(1);
            }}
            options={CHANNELS.map((c) => ({
              value: c,
              label: t(`notifications.deliveries.channels.${c}`),
            }))}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            aria-label={t('notifications.deliveries.recipient')}
            placeholder={t('notifications.deliveries.recipientPlaceholder')}
            onSearch={(v) => {
              setRecipient(v);
              setPage(1);
            }}
          />
        </Flex>
      </Card>
      {query.error && !query.loading ? (
        <QueryErrorAlert error={query.error} onRetry={query.retry} />
      ) : (
        <Table<Delivery>
          size="small"
          rowKey="id"
          loading={query.loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('notifications.deliveries.createdAt'),
              dataIndex: 'createdAt',
              width: 190,
              render: when,
            },
            {
              title: t('notifications.deliveries.notification'),
              key: 'notification',
              render: (_v, d) => <NotificationKindTag kind={d.kind} />,
            },
            {
              title: t('notifications.deliveries.recipient'),
              key: 'recipient',
              width: 200,
              render: (_v, d) => (
                <PersonName person={d.recipient} fallback={d.recipientUsername} showUsername />
              ),
            },
            {
              title: t('notifications.deliveries.channel'),
              key: 'channel',
              width: 150,
              render: (_v, d) => (
                <Tooltip title={d.target}>
                  <span>{t(`notifications.deliveries.channels.${d.channel}`)}</span>
                </Tooltip>
              ),
            },
            {
              title: t('notifications.deliveries.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: NotificationDeliveryStatus) => (
                <Tag color={STATUS_COLOURS[s]}>{t(`notifications.deliveries.statuses.${s}`)}</Tag>
              ),
            },
            { title: t('notifications.deliveries.attempts'), dataIndex: 'attempts', width: 90 },
            {
              title: t('notifications.deliveries.nextAttempt'),
              key: 'next',
              width: 190,
              render: (_v, d) =>
                d.status === 'PENDING' ? when(d.nextAttemptAt) : when(d.deliveredAt),
            },
            {
              title: t('notifications.deliveries.lastError'),
              dataIndex: 'lastError',
              render: (e: string | null) =>
                e ? <Typography.Text type="danger">{e}</Typography.Text> : '—',
            },
            {
              key: 'actions',
              width: 120,
              render: (_v, d) =>
                d.status === 'FAILED' || d.status === 'SKIPPED' ? (
                  <Button
                    size="small"
                    icon={<RedoOutlined />}
                    loading={retrying.loading}
                    onClick={() =>
                      retry({ variables: { id: d.id } })
                        .then(() => {
                          message.success(t('notifications.deliveries.retried'));
                          query.retry();
                        })
                        .catch((error: unknown) => void message.error(errorText(toAppError(error))))
                    }
                  >
                    {t('notifications.deliveries.retry')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Flex>
  );
}
