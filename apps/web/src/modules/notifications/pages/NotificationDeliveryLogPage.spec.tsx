import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { NotificationDeliveryLogPage } from './NotificationDeliveryLogPage';

const delivery = (id: string, status: string, lastError: string | null) => ({
  __typename: 'NotificationDelivery',
  id,
  notificationId: `n-${id}`,
  recipientUsername: `operator-${id}`,
  recipient: {
    __typename: 'Person',
    username: `operator-${id}`,
    label: `经办人${id}（恩施市市场监督管理局质量股）`,
    human: true,
  },
  kind: 'URGING_ISSUED',
  channel: 'WEBHOOK',
  target: 'https://gw.example.gov.cn/duty',
  status,
  attempts: status === 'FAILED' ? 8 : 1,
  nextAttemptAt: '2026-03-02T02:00:00.000Z',
  lastError,
  deliveredAt: status === 'DELIVERED' ? '2026-03-02T02:00:01.000Z' : null,
  createdAt: '2026-03-02T02:00:00.000Z',
});

const log = {
  data: {
    notificationDeliveries: {
      __typename: 'NotificationDeliveryPage',
      total: 2,
      counts: [
        { __typename: 'NotificationDeliveryCount', status: 'DELIVERED', count: 1 },
        { __typename: 'NotificationDeliveryCount', status: 'FAILED', count: 1 },
      ],
      items: [delivery('d1', 'FAILED', 'HTTP 503'), delivery('d2', 'DELIVERED', null)],
    },
  },
};

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

describe('NotificationDeliveryLogPage', () => {
  it('shows failures with their error and sends a failed delivery again', async () => {
    const stub = stubGraphQLOperations({
      NotificationDeliveryLog: log,
      NotificationRetryDelivery: {
        data: {
          retryNotificationDelivery: {
            __typename: 'NotificationDelivery',
            id: 'd1',
            status: 'PENDING',
            attempts: 0,
          },
        },
      },
    });
    restoreFetch = stub.restore;
    renderWithUser(<NotificationDeliveryLogPage />, currentUser({ role: 'SYSTEM_ADMIN' }));

    // The recipient by name and office, the username beneath it for the administrator.
    const failed = (await screen.findByText('经办人d1（恩施市市场监督管理局质量股）')).closest(
      'tr',
    ) as HTMLElement;
    expect(within(failed).getByText('operator-d1')).toBeTruthy();
    expect(within(failed).getByText('失败')).toBeTruthy();
    expect(within(failed).getByText('HTTP 503')).toBeTruthy();
    const delivered = screen.getByText('operator-d2').closest('tr') as HTMLElement;
    expect(within(delivered).queryByRole('button', { name: /重新发送/ })).toBeNull();

    fireEvent.click(within(failed).getByRole('button', { name: /重新发送/ }));
    await waitFor(() => expect(stub.requestsOf('NotificationRetryDelivery')).toHaveLength(1));
    expect(stub.requestsOf('NotificationRetryDelivery')[0].variables).toEqual({ id: 'd1' });
    expect(await screen.findByText('已重新排队，将很快发送')).toBeTruthy();
    expect(stub.unexpected).toEqual([]);
  });
});
