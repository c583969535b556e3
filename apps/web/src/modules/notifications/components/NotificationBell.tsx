import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { useLazyQuery } from '@apollo/client/react';
import { App, Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/navigation';
import { toAppError } from '../../../graphql/errors';
import { NotificationListDocument } from '../../../graphql/generated/graphql';
import { useErrorText } from '../../../hooks/useErrorText';
import { brandColors } from '../../../theme/theme';
import { formatDateTime } from '../../../utils/formatDateTime';
import { useMarkRead, useUnreadCount } from '../hooks/useNotifications';
import { badgeText, safeLink } from '../utils/notifications';
import { NotificationKindTag } from './NotificationKindTag';

const LATEST = 8;
/** Unread rows stand out lightly (antd's blue-1). */
export const UNREAD_BACKGROUND = '#f0f5ff';

/** Header bell: unread count, and the latest notifications in a popover. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { count, refresh } = useUnreadCount();
  const { markRead, markAllRead, marking } = useMarkRead();
  const [open, setOpen] = useState(false);
  const [load, latest] = useLazyQuery(NotificationListDocument, { fetchPolicy: 'network-only' });
  const items = latest.data?.myNotifications.items ?? [];

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      refresh();
      load({ variables: { page: { first: LATEST, offset: 0 } } }).catch(() => undefined);
    }
  };
  const go = (path: string) => {
    setOpen(false);
    navigate(path);
  };

  const content = (
    <div style={{ width: 380, maxWidth: '90vw' }} data-testid="notification-popover">
      {latest.loading && !latest.data ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.bell.empty')} />
      ) : (
        <ul
          aria-label={t('notifications.bell.title')}
          style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}
        >
          {items.map((n) => (
            <li key={n.id} style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
              <button
                type="button"
                onClick={() => {
                  if (!n.readAt) markRead([n.id]).catch(() => undefined);
                  go(safeLink(n.link));
                }}
                style={{
                  display: 'block',
                  width: '100%',
                  textAlign: 'start',
                  border: 0,
                  cursor: 'pointer',
                  padding: '8px 8px',
                  background: n.readAt ? 'transparent' : UNREAD_BACKGROUND,
                }}
              >
                <Flex gap={6} align="center">
                  <NotificationKindTag kind={n.kind} />
                  <Typography.Text strong={!n.readAt} ellipsis style={{ flex: 1 }}>
                    {n.title}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt, language)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button
          size="small"
          disabled={count === 0}
          loading={marking}
          onClick={() =>
            markAllRead()
              .then(() => load({ variables: { page: { first: LATEST, offset: 0 } } }))
              .catch((error: unknown) => void message.error(errorText(toAppError(error))))
          }
        >
          {t('notifications.bell.markAllRead')}
        </Button>
        <Flex gap={4}>
          <Button
            size="small"
            type="text"
            icon={<SettingOutlined />}
            aria-label={t('notifications.bell.settings')}
            onClick={() => go('/notifications/settings')}
          />
          <Button size="small" type="link" onClick={() => go('/notifications')}>
            {t('notifications.bell.viewAll')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('notifications.bell.title')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={onOpenChange}
    >
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={
          count > 0 ? t('notifications.bell.unread', { count }) : t('notifications.bell.label')
        }
        style={{ color: brandColors.headerText }}
        icon={
          <Badge count={count} overflowCount={99} size="small" title={badgeText(count)}>
            <BellOutlined style={{ fontSize: 18, color: brandColors.headerText }} />
          </Badge>
        }
      />
    </Popover>
  );
}
