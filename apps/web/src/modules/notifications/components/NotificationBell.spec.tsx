import { fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { NotificationSettingsPage } from '../pages/NotificationSettingsPage';
import { NotificationBell } from './NotificationBell';

const notification = (id: string, readAt: string | null, title: string) => ({
  __typename: 'Notification',
  id,
  kind: 'OVERDUE',
  title,
  body: '请尽快办理',
  link: `/tasks/${id}`,
  taskId: null,
  unitCode: '422801',
  createdAt: '2026-03-02T02:00:00.000Z',
  readAt,
});

const settings = (overrides: Record<string, unknown> = {}) => ({
  data: {
    myNotificationSettings: {
      __typename: 'NotificationSettings',
      email: null,
      quietHoursStart: null,
      quietHoursEnd: null,
      emailAvailable: true,
      webhookAvailable: true,
      kinds: ['DUE_SOON', 'OVERDUE'].map((kind) => ({
        __typename: 'NotificationKindSetting',
        kind,
        email: true,
        webhook: true,
      })),
      ...overrides,
    },
  },
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

describe('NotificationBell', () => {
  it('shows the unread count, the latest notifications, and marks all read', async () => {
    const stub = stubGraphQLOperations({
      NotificationUnreadCount: [
        { data: { unreadNotificationCount: 3 } },
        { data: { unreadNotificationCount: 3 } },
        { data: { unreadNotificationCount: 0 } },
      ],
      NotificationList: {
        data: {
          myNotifications: {
            __typename: 'NotificationPage',
            total: 2,
            unread: 1,
            items: [
              notification('n1', null, '任务已逾期：第4条'),
              notification('n2', '2026-03-02T03:00:00.000Z', '旧通知'),
            ],
          },
        },
      },
      NotificationMarkAllRead: { data: { markAllNotificationsRead: 3 } },
    });
    restoreFetch = stub.restore;
    renderWithUser(<NotificationBell />, currentUser({ role: 'COUNTY_OPERATOR' }));

    const bell = await screen.findByRole('button', { name: '3 条未读通知' });
    fireEvent.click(bell);
    expect(await screen.findByText('任务已逾期：第4条')).toBeTruthy();
    expect(screen.getByText('旧通知')).toBeTruthy();
    expect(stub.requestsOf('NotificationList')[0].variables).toEqual({
      page: { first: 8, offset: 0 },
    });
    fireEvent.click(screen.getByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(stub.requestsOf('NotificationMarkAllRead')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: '通知' })).toBeTruthy();
    expect(stub.unexpected).toEqual([]);
  });
});

describe('NotificationSettingsPage', () => {
  it('refuses a bad email address before sending, then saves only what changed', async () => {
    const stub = stubGraphQLOperations({
      NotificationSettings: settings(),
      NotificationUpdateSettings: settings({ email: 'zhangsan@example.gov.cn' }),
    });
    restoreFetch = stub.restore;
    renderWithUser(<NotificationSettingsPage />, currentUser({ role: 'COUNTY_OPERATOR' }));

    const email = await screen.findByLabelText('电子邮箱');
    fireEvent.change(email, { target: { value: 'zhangsan@' } });
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(
      await screen.findByText('邮箱地址格式不正确，例如 zhangsan@example.gov.cn。'),
    ).toBeTruthy();
    expect(stub.requestsOf('NotificationUpdateSettings')).toHaveLength(0);

    fireEvent.change(email, { target: { value: 'zhangsan@example.gov.cn' } });
    fireEvent.click(screen.getByRole('switch', { name: '临近到期 消息网关' }));
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(stub.requestsOf('NotificationUpdateSettings')).toHaveLength(1));
    expect(stub.requestsOf('NotificationUpdateSettings')[0].variables).toEqual({
      input: {
        email: 'zhangsan@example.gov.cn',
        quietHoursStart: '',
        quietHoursEnd: '',
        channels: [{ kind: 'DUE_SOON', channel: 'WEBHOOK', enabled: false }],
      },
    });
    expect(await screen.findByText('通知设置已保存')).toBeTruthy();
  });
});
