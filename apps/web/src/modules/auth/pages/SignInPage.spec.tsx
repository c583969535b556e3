import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../app/App';
import { createApolloClient } from '../../../graphql/client';
import { currentUser, systemInfo } from '../../../test/fixtures';
import { graphQLError, jsonResponse } from '../../../test/graphqlFetch';
import { i18n } from '../../../i18n';
import { stubbedWholeApp } from '../../../test/wholeApp';

const SIGN_IN_FAILED = '用户名或密码错误，或账户已被临时锁定';
const signedIn = { data: { signIn: { __typename: 'SignInResult', user: currentUser() } } };

const stub = stubbedWholeApp();

async function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
  });
}

describe('signing in', () => {
  it('shows the server’s error on failure and enters the app on success', async () => {
    const { requestsOf, unexpected } = stub({
      Me: [{ data: { me: null } }, { data: { me: currentUser({ displayName: '张管理' }) } }],
      SignIn: [graphQLError('UNAUTHENTICATED', SIGN_IN_FAILED), signedIn],
      // The header's notification bell asks once it is signed in.
      NotificationUnreadCount: { data: { unreadNotificationCount: 0 } },
    });
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '湖北省质量促进条例履职督办系统' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();

    await signIn('admin', 'wrong-password');
    expect(await screen.findByText(SIGN_IN_FAILED)).toBeTruthy();
    // A failed sign-in is not an expired session.
    expect(screen.queryByText('会话已过期，请重新登录')).toBeNull();
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('');
    expect(requestsOf('Me')).toHaveLength(1);

    await signIn(' admin ', 'Correct-Horse-9');
    expect(await screen.findByRole('navigation', { name: '主菜单' })).toBeTruthy();
    expect(screen.getByText('张管理')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '用户登录' })).toBeNull();
    expect(requestsOf('SignIn')[1].variables).toEqual({
      input: { username: 'admin', password: 'Correct-Horse-9' },
    });
    // The store was reset: `me` was asked again, now with the session cookie.
    expect(requestsOf('Me')).toHaveLength(2);
    expect(unexpected).toEqual([]);
  });

  it('goes on to the code step when the account has a second factor', async () => {
    const pending = currentUser({ secondFactorStep: 'VERIFY' });
    stub({
      Me: [{ data: { me: null } }, { data: { me: pending } }],
      SignIn: { data: { signIn: { __typename: 'SignInResult', user: pending } } },
    });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '用户登录' });

    await signIn('province', 'Correct-Horse-9');
    expect(await screen.findByRole('heading', { name: '双因素认证' })).toBeTruthy();
    expect(screen.getByLabelText('验证码')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
  });

  it('checks the fields before asking the server', async () => {
    const { requestsOf } = stub({ Me: { data: { me: null } } });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '用户登录' });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    });
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(requestsOf('SignIn')).toHaveLength(0);
  });

  it('says the same in English when the server’s Chinese message is not shown', async () => {
    await i18n.changeLanguage('en-US');
    stub({
      Me: { data: { me: null } },
      SignIn: graphQLError('UNAUTHENTICATED', SIGN_IN_FAILED),
    });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: 'Sign in' });

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText(
        'Incorrect username or password, or the account is temporarily locked.',
      ),
    ).toBeTruthy();
  });

  it('shows the wait a throttled sign-in (HTTP 429, RATE_LIMITED) is told, in Chinese and in English', async () => {
    const THROTTLED = '登录失败次数过多，请 15 分钟后再试。';
    stub({ Me: { data: { me: null } } });
    const stubbed = globalThis.fetch;
    // The API answers a throttled sign-in with status 429 and Retry-After, not 200.
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) =>
      JSON.parse(String(init?.body)).operationName === 'SignIn'
        ? jsonResponse(graphQLError('RATE_LIMITED', THROTTLED, { retryAfterSeconds: 900 }), 429)
        : stubbed(input, init)) as typeof fetch;
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '用户登录' });

    await signIn('admin', 'wrong-password');
    expect(await screen.findByText(THROTTLED)).toBeTruthy();
    await act(async () => {
      await i18n.changeLanguage('en-US');
    });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText('Too many attempts. Please wait a while and try again.'),
    ).toBeTruthy();
  });

  it('reports a sign-in the browser did not keep (cookie blocked)', async () => {
    stub({ Me: { data: { me: null } }, SignIn: signedIn });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '用户登录' });

    await signIn('admin', 'Correct-Horse-9');
    expect(await screen.findByText(/登录状态未能保持/)).toBeTruthy();
  });

  it('links to the help page, which opens without an account, and back', async () => {
    const { unexpected } = stub({ Me: { data: { me: null } } });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '用户登录' });

    const help = screen.getByRole('link', { name: /使用帮助与术语表/ });
    expect(help.getAttribute('href')).toBe('/help');
    fireEvent.click(help);
    expect(await screen.findByRole('heading', { name: '帮助' })).toBeTruthy();
    expect(window.location.pathname).toBe('/help');
    expect(screen.queryByRole('heading', { name: '用户登录' })).toBeNull();
    // The glossary and every role's guide; no role of one's own.
    expect(document.querySelector('[data-glossary-term="佐证材料"]')).toBeTruthy();
    expect(document.querySelectorAll('[data-guide]')).toHaveLength(7);
    expect(screen.queryByText(/您的角色/)).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: /返回登录/ }));
    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(window.location.pathname).toBe('/');
    expect(unexpected).toEqual([]);
  });
});

describe('an expired session', () => {
  it('leads back to the sign-in page with a notice, from any operation', async () => {
    const { requestsOf } = stub({
      Me: [{ data: { me: currentUser() } }, { data: { me: null } }],
      SystemInfo: graphQLError('UNAUTHENTICATED', '请先登录。'),
    });
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(screen.getByText('会话已过期，请重新登录')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
    // Asked once more after the reset; the page's own query failing again changed nothing.
    expect(requestsOf('Me')).toHaveLength(2);
  });

  it('clears the notice once signed in again', async () => {
    stub({
      Me: [
        { data: { me: currentUser() } },
        { data: { me: null } },
        { data: { me: currentUser() } },
      ],
      SystemInfo: [graphQLError('UNAUTHENTICATED', '请先登录。'), { data: { systemInfo } }],
      SignIn: signedIn,
    });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByText('会话已过期，请重新登录');

    await signIn('admin', 'Correct-Horse-9');
    expect(await screen.findByRole('heading', { name: '关于系统' })).toBeTruthy();
    expect(screen.queryByText('会话已过期，请重新登录')).toBeNull();
  });
});
