import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Pagination,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { toAppError } from '../../../graphql/errors';
import {
  NotificationListDocument,
  type NotificationKind,
} from '../../../graphql/generated/graphql';
import { useErrorText } from '../../../hooks/useErrorText';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useAppQuery } from '../../overview/hooks/useAppQuery';
import { UNREAD_BACKGROUND } from '../components/NotificationBell';
import { NotificationKindTag } from '../components/NotificationKindTag';
import { useMarkRead } from '../hooks/useNotifications';
import { NOTIFICATION_KINDS, safeLink } from '../utils/notifications';

const PAGE_SIZE = 20;

/** 通知中心: every notification of the signed-in user, filtered by kind and read state. */
export function NotificationCenterPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [kinds, setKinds] = useState<NotificationKind[]>([]);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const query = useAppQuery(NotificationListDocument, {
    filter: { kinds: kinds.length ? kinds : undefined, unreadOnly },
    page: { first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  });
  const { markRead, markAllRead, marking } = useMarkRead();
  const data = query.data?.myNotifications;

  const run = (action: () => Promise<number>) =>
    action()
      .then((count) => {
        message.success(t('notifications.center.markedRead', { count }));
        setSelected([]);
        query.retry();
      })
      .catch((error: unknown) => void message.error(errorText(toAppError(error))));

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="flex-end" wrap gap="middle">
        <div>
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            {t('notifications.center.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">
              {t('notifications.center.unreadSummary', { total: data.total, unread: data.unread })}
            </Typography.Text>
          )}
        </div>
        <Button icon={<SettingOutlined />} onClick={() => navigate('/notifications/settings')}>
          {t('notifications.center.settings')}
        </Button>
      </Flex>
      <Card size="small">
        <Flex gap="middle" wrap align="center">
          <Select<NotificationKind[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 280, flex: 1 }}
            placeholder={t('notifications.center.filterKinds')}
            aria-label={t('notifications.center.filterKinds')}
            value={kinds}
            onChange={(next) => {
              setKinds(next);
              setPage(1);
            }}
            options={NOTIFICATION_KINDS.map((k) => ({
              value: k,
              label: t(`notifications.kinds.${k}`),
            }))}
          />
          <Flex gap={8} align="center">
            <Switch
              id="notifications-unread-only"
              checked={unreadOnly}
              onChange={(next) => {
                setUnreadOnly(next);
                setPage(1);
              }}
            />
            <label htmlFor="notifications-unread-only">
              {t('notifications.center.unreadOnly')}
            </label>
          </Flex>
          <Button
            icon={<CheckOutlined />}
            disabled={selected.length === 0}
            loading={marking}
            onClick={() => run(() => markRead(selected))}
          >
            {t('notifications.center.markSelectedRead', { count: selected.length })}
          </Button>
          <Button
            disabled={!data || data.unread === 0}
            loading={marking}
            onClick={() => run(markAllRead)}
          >
            {t('notifications.center.markAllRead')}
          </Button>
        </Flex>
      </Card>
      {query.error && !query.loading ? (
        <QueryErrorAlert error={query.error} onRetry={query.retry} />
      ) : (
        <Card size="small" loading={query.loading && !data}>
          {(data?.items ?? []).length === 0 ? (
            <Empty description={t('notifications.center.empty')} />
          ) : (
            <Flex vertical>
              {data!.items.map((n) => (
                <Flex
                  key={n.id}
                  data-testid="notification-item"
                  gap="small"
                  align="flex-start"
                  style={{
                    padding: '12px',
                    borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
                    background: n.readAt ? undefined : UNREAD_BACKGROUND,
                  }}
                >
                  {n.readAt ? (
                    <span style={{ width: 16 }} />
                  ) : (
                    <Checkbox
                      aria-label={n.title}
                      checked={selected.includes(n.id)}
                      onChange={(e) =>
                        setSelected((s) =>
                          e.target.checked ? [...s, n.id] : s.filter((id) => id !== n.id),
                        )
                      }
                      style={{ marginTop: 2 }}
                    />
                  )}
                  <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Flex gap={8} align="center" wrap>
                      <NotificationKindTag kind={n.kind} />
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    </Flex>
                    <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt, language)}
                    </Typography.Text>
                  </Flex>
                  <Flex gap={4} align="center">
                    <Button
                      type="link"
                      onClick={() => {
                        if (!n.readAt) markRead([n.id]).catch(() => undefined);
                        navigate(safeLink(n.link));
                      }}
                    >
                      {t('notifications.center.open')}
                    </Button>
                    {n.readAt ? (
                      <Typography.Text type="secondary">
                        {t('notifications.center.read')}
                      </Typography.Text>
                    ) : (
                      <Button type="link" onClick={() => run(() => markRead([n.id]))}>
                        {t('notifications.center.markRead')}
                      </Button>
                    )}
                  </Flex>
                </Flex>
              ))}
              <Pagination
                style={{ marginTop: 12, alignSelf: 'flex-end' }}
                current={page}
                pageSize={PAGE_SIZE}
                total={data?.total ?? 0}
                onChange={setPage}
                showSizeChanger={false}
                hideOnSinglePage
              />
            </Flex>
          )}
        </Card>
      )}
    </Flex>
  );
}
