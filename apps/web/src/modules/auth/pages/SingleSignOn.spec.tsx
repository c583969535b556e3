import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../app/App';
import { createApolloClient } from '../../../graphql/client';
import { currentUser } from '../../../test/fixtures';
import { stubbedWholeApp } from '../../../test/wholeApp';

const stub = stubbedWholeApp();

const ssoOn = (passwordSignIn: 'ALL' | 'BREAK_GLASS') => ({
  data: {
    signInOptions: {
      __typename: 'SignInOptions',
      oidcEnabled: true,
      oidcLoginPath: '/api/auth/oidc/login',
      oidcButtonLabel: null,
      passwordSignIn,
    },
  },
});

describe('single sign-on on the sign-in page', () => {
  it('offers 统一身份认证登录 as a link to the API’s login route, and says passwords are for break-glass only', async () => {
    stub({ Me: { data: { me: null } }, SignInOptions: ssoOn('BREAK_GLASS') });
    render(<App apolloClient={createApolloClient()} />);
    const button = await screen.findByRole('link', { name: '统一身份认证登录' });
    expect(button.getAttribute('href')).toBe('/api/auth/oidc/login');
    expect(screen.getByText(/账户密码登录仅限应急管理员账户使用/)).toBeTruthy();
    // The password form stays for break-glass administrators.
    expect(screen.getByLabelText('密码')).toBeTruthy();
  });

  it('shows no button when single sign-on is off', async () => {
    stub({ Me: { data: { me: null } } });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '用户登录' });
    expect(screen.queryByRole('link', { name: '统一身份认证登录' })).toBeNull();
  });

  it('explains a refusal from the callback in Chinese and takes the code out of the address', async () => {
    stub({ Me: { data: { me: null } }, SignInOptions: ssoOn('ALL') });
    window.history.replaceState(null, '', '/?oidcError=OIDC_ACCOUNT_NOT_FOUND');
    render(<App apolloClient={createApolloClient()} />);
    expect(
      await screen.findByText('您的统一身份认证账户尚未在本系统开通，请联系安全管理员。'),
    ).toBeTruthy();
    expect(window.location.search).toBe('');
  });

  it('names an unknown refusal code rather than hiding it', async () => {
    stub({ Me: { data: { me: null } }, SignInOptions: ssoOn('ALL') });
    window.history.replaceState(null, '', '/?oidcError=OIDC_SOMETHING_NEW');
    render(<App apolloClient={createApolloClient()} />);
    expect(await screen.findByText(/统一身份认证登录失败（OIDC_SOMETHING_NEW）/)).toBeTruthy();
  });
});

describe('an account without a role', () => {
  it('sees 尚未分配角色 with its name and account instead of the app, and can sign out', async () => {
    const unbound = currentUser({ username: 'wangwu', displayName: '王五', role: null });
    const { requestsOf, unexpected } = stub({
      Me: [{ data: { me: unbound } }, { data: { me: null } }],
      SignOut: { data: { signOut: true } },
    });
    render(<App apolloClient={createApolloClient()} />);
    expect(await screen.findByRole('heading', { name: '尚未分配角色' })).toBeTruthy();
    expect(screen.getByText('王五')).toBeTruthy();
    expect(screen.getByText('wangwu')).toBeTruthy();
    expect(screen.getByText(/安全管理员尚未为您的账户分配角色/)).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /退出登录/ }));
    });
    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(requestsOf('SignOut')).toHaveLength(1);
    expect(unexpected).toEqual([]);
  });
});
