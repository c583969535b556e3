import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createApolloClient } from '../graphql/client';
import { i18n } from '../i18n';
import type { Role } from '../modules/auth/graphql/types';
import { adminUnit, currentUser, department, systemInfo } from '../test/fixtures';
import { stubGraphQLOperations } from '../test/graphqlFetch';
import { App } from './App';

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  window.history.replaceState(null, '', '/');
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function renderAs(me: ReturnType<typeof currentUser>, more = {}) {
  const stub = stubGraphQLOperations({
    Me: { data: { me } },
    SystemInfo: { data: { systemInfo } },
    ...more,
  });
  restoreFetch = stub.restore;
  render(<App apolloClient={createApolloClient()} />);
  return stub;
}

async function menuLabels(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: '主菜单' });
  return within(nav)
    .getAllByRole('menuitem')
    .map((item) => item.textContent ?? '');
}

describe('menu by role', () => {
  it.each<[Role | null, string[]]>([
    ['SYSTEM_ADMIN', ['法规库', '用户管理', '通知投递日志', '关于系统']],
    ['SECURITY_ADMIN', ['用户管理', '机器访问令牌', '关于系统']],
    ['AUDIT_ADMIN', ['安全审计日志', '关于系统']],
    [
      'PROVINCIAL_SUPERVISOR',
      [
        '工作台',
        '总览',
        '任务',
        '审核队列',
        '佐证材料',
        '任务日志',
        '考核评分',
        '省级复核',
        '实地核查',
        '情况通报',
        '法规库',
        '考核年度管理',
        '关于系统',
      ],
    ],
    [
      'PREFECTURE_SUPERVISOR',
      [
        '工作台',
        '总览',
        '任务',
        '审核队列',
        '佐证材料',
        '任务日志',
        '考核评分',
        '考核初审',
        '实地核查',
        '情况通报',
        '法规库',
        '关于系统',
      ],
    ],
    [
      'COUNTY_OPERATOR',
      ['工作台', '本单位考核', '任务', '考核自评', '情况通报', '法规库', '关于系统'],
    ],
    [
      'AUDITOR',
      [
        '工作台',
        '总览',
        '任务',
        '佐证材料',
        '任务日志',
        '考核评分',
        '实地核查',
        '情况通报',
        '法规库',
        '关于系统',
      ],
    ],
  ])('%s sees %j', async (role, expected) => {
    renderAs(currentUser({ role }));
    expect(await menuLabels()).toEqual(expected);
  });

  it('shows an account without a role the 尚未分配角色 page and no menu', async () => {
    renderAs(currentUser({ role: null }));

    expect(await screen.findByText(/尚未分配角色/)).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
  });

  it('refuses a page the role may not open, even by its address', async () => {
    window.history.replaceState(null, '', '/users');
    const { requestsOf } = renderAs(currentUser({ role: 'COUNTY_OPERATOR' }));

    expect(await screen.findByText('无权访问')).toBeTruthy();
    expect(requestsOf('Users')).toHaveLength(0);
  });
});

describe('header', () => {
  it('shows who is signed in: name, role and unit / department', async () => {
    const wuhan = adminUnit({ code: '420102', name: '江岸区', parentCode: '420100' });
    renderAs(
      currentUser({
        displayName: '王五',
        role: 'COUNTY_OPERATOR',
        unit: wuhan,
        department: department({ id: 'd-1', name: '江岸区市场监督管理局' }),
      }),
    );

    const account = await screen.findByRole('button', { name: '账户菜单：王五' });
    expect(within(account).getByText('王五')).toBeTruthy();
    expect(within(account).getByText('县级部门经办人')).toBeTruthy();
    expect(within(account).getByText('江岸区 · 江岸区市场监督管理局')).toBeTruthy();
  });

  it('signs out from the account menu and resets the store', async () => {
    const { requestsOf } = renderAs(currentUser(), { SignOut: { data: { signOut: true } } });
    fireEvent.click(await screen.findByRole('button', { name: '账户菜单：张管理' }));
    expect(await screen.findByText('修改密码')).toBeTruthy();

    // The next `me` is null: the server ended the session.
    restoreFetch();
    const after = stubGraphQLOperations({
      Me: { data: { me: null } },
      SignOut: { data: { signOut: true } },
      SystemInfo: { data: { systemInfo } },
    });
    restoreFetch = after.restore;
    await act(async () => {
      fireEvent.click(screen.getByText('退出登录'));
    });

    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(after.requestsOf('SignOut')).toHaveLength(1);
    expect(after.requestsOf('Me')).toHaveLength(1);
    expect(screen.queryByText('会话已过期，请重新登录')).toBeNull();
    expect(requestsOf('SignOut')).toHaveLength(0);
  });

  it('changes the password from the account menu', async () => {
    const { requestsOf } = renderAs(currentUser(), {
      PasswordPolicy: { data: { passwordPolicy: '至少 12 位' } },
      ChangePassword: { data: { changePassword: currentUser() } },
    });
    fireEvent.click(await screen.findByRole('button', { name: '账户菜单：张管理' }));
    fireEvent.click(await screen.findByText('修改密码'));

    fireEvent.change(await screen.findByLabelText('当前密码'), { target: { value: 'Old-Pass-1' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'New-Pass-2025' } });
    fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: 'New-Pass-2025' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认修改' }));
    });

    expect(await screen.findByText('密码已修改')).toBeTruthy();
    await waitFor(() => expect(requestsOf('ChangePassword')).toHaveLength(1));
    expect(screen.getByRole('navigation', { name: '主菜单' })).toBeTruthy();
  });
});
