import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, openOptions } from '../../../test/antd';
import { currentUser } from '../../../test/fixtures';
import { stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { SecurityAuditLogPage } from './SecurityAuditLogPage';

const entry = (overrides: Record<string, unknown>) => ({
  __typename: 'SecurityAuditEntry',
  actorUsername: 'admin',
  actor: { __typename: 'Person', username: 'admin', label: '何志强（省局机关纪委）', human: true },
  target: null,
  targets: [],
  ip: '10.0.0.8',
  detail: null,
  ...overrides,
});

const entries = [
  entry({
    id: 'a-1',
    occurredAt: '2025-03-01T16:05:09.000Z',
    action: 'SIGN_IN',
    result: 'success',
  }),
  entry({
    id: 'a-2',
    occurredAt: '2025-03-01T15:59:59.000Z',
    actorUsername: null,
    actor: null,
    action: 'SIGN_IN',
    target: 'lisi',
    targets: [{ __typename: 'AuditTarget', kind: 'OTHER', id: 'lisi', name: null }],
    result: 'failure',
    detail: { reason: 'bad-password', attempts: 3 },
  }),
  entry({
    id: 'a-3',
    occurredAt: '2025-02-28T02:00:00.000Z',
    action: 'ROLE_BOUND',
    target: 'user:wangwu session:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    targets: [
      {
        __typename: 'AuditTarget',
        kind: 'USER',
        id: 'wangwu',
        name: '王五（江岸区市场监督管理局）',
      },
      {
        __typename: 'AuditTarget',
        kind: 'SESSION',
        id: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
        name: null,
      },
    ],
    result: 'success',
    ip: null,
  }),
  entry({
    id: 'a-4',
    occurredAt: '2025-02-27T02:00:00.000Z',
    action: 'SOMETHING_NEW',
    result: 'partial',
  }),
];

const page = (nodes = entries, totalCount = 123) => ({
  data: { securityAuditLog: { __typename: 'SecurityAuditPage', totalCount, nodes } },
});

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderPage() {
  const stub = stubGraphQLOperations({ SecurityAuditLog: page() });
  restoreFetch = stub.restore;
  renderWithUser(<SecurityAuditLogPage />, currentUser({ role: 'AUDIT_ADMIN' }));
  return stub;
}

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

describe('SecurityAuditLogPage', () => {
  it('renders the entries with Beijing times to the second', async () => {
    const { requestsOf } = renderPage();

    expect(await screen.findByRole('heading', { name: '安全审计日志' })).toBeTruthy();
    const first = within(rowOf('2025年3月2日 00:05:09'));
    // People by name and office, with the account's username as secondary text for the
    // administrator; events by label, no codes.
    expect(first.getByText('何志强（省局机关纪委）')).toBeTruthy();
    expect(first.getByText('admin')).toBeTruthy();
    expect(first.getByText('登录').getAttribute('title')).toBe('事件代码 SIGN_IN');
    expect(first.queryByText('SIGN_IN')).toBeNull();
    expect(first.getByText('成功')).toBeTruthy();
    expect(first.getByText('10.0.0.8')).toBeTruthy();

    const anonymous = within(rowOf('2025年3月1日 23:59:59'));
    expect(anonymous.getByText('（未登录）')).toBeTruthy();
    expect(anonymous.getByText('lisi')).toBeTruthy();
    expect(anonymous.getByText('失败')).toBeTruthy();

    const bound = within(rowOf('2025年2月28日 10:00:00'));
    expect(bound.getByText('分配角色')).toBeTruthy();
    expect(bound.getByText('用户')).toBeTruthy();
    expect(bound.getByText('王五（江岸区市场监督管理局）')).toBeTruthy();
    expect(bound.getByText('wangwu')).toBeTruthy();
    expect(bound.getByText('会话')).toBeTruthy();
    expect(bound.getByText('0f1e2d3c…')).toBeTruthy();
    expect(bound.queryByText(/user:wangwu|session:/)).toBeNull();
    // Values the app does not know yet are shown as they are.
    const unknown = within(rowOf('2025年2月27日 10:00:00'));
    expect(unknown.getByText('SOMETHING_NEW')).toBeTruthy();
    expect(unknown.getByText('partial')).toBeTruthy();
    expect(screen.getByText('共 123 条记录')).toBeTruthy();
    expect(requestsOf('SecurityAuditLog')[0].variables).toEqual({
      filter: {},
      page: { first: 50, offset: 0 },
    });
  });

  it('shows an entry’s detail when its row is expanded', async () => {
    renderPage();
    await screen.findByText('2025年3月1日 23:59:59');

    const expand = within(rowOf('2025年3月1日 23:59:59')).getByRole('button');
    fireEvent.click(expand);
    expect(await screen.findByText(/"reason": "bad-password"/)).toBeTruthy();
  });

  it('offers the known actions and any new ones seen in the log', async () => {
    renderPage();
    await screen.findByText('2025年3月1日 23:59:59');

    const action = screen.getByLabelText('操作');
    expect((await openOptions(action)).slice(0, 3)).toEqual(['登录', '退出登录', '账户锁定']);
    fireEvent.change(action, { target: { value: 'SOMETHING' } });
    expect(await openOptions(action)).toEqual(['SOMETHING_NEW']);
  });

  it('filters by action, result and person (name or username), and pages through the log', async () => {
    const { requestsOf } = renderPage();
    await screen.findByText('2025年3月1日 23:59:59');

    await chooseOption(screen.getByLabelText('操作'), '登录');
    await chooseOption(screen.getByLabelText('结果'), '失败');
    const person = screen.getByLabelText('人员');
    expect(person.getAttribute('placeholder')).toBe('姓名或用户名');
    fireEvent.change(person, { target: { value: ' 何志 ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    });
    await waitFor(() =>
      expect(requestsOf('SecurityAuditLog').at(-1)?.variables).toEqual({
        filter: { action: 'SIGN_IN', result: 'failure', actor: '何志' },
        page: { first: 50, offset: 0 },
      }),
    );

    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() =>
      expect(requestsOf('SecurityAuditLog').at(-1)?.variables).toEqual({
        filter: { action: 'SIGN_IN', result: 'failure', actor: '何志' },
        page: { first: 50, offset: 50 },
      }),
    );
  });
});
