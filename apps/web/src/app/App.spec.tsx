import { act, fireEvent, render, screen } from '@testing-library/react';
import { createApolloClient } from '../graphql/client';
import { i18n, LANGUAGE_STORAGE_KEY } from '../i18n';
import { currentUser, systemInfo } from '../test/fixtures';
import { stubGraphQLOperations } from '../test/graphqlFetch';
import { App } from './App';
import { navigate } from './navigation';

let restoreFetch: () => void = () => undefined;

beforeEach(async () => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
  await i18n.changeLanguage('zh-CN');
  restoreFetch = stubGraphQLOperations({
    Me: { data: { me: currentUser() } },
    SystemInfo: { data: { systemInfo } },
  }).restore;
});

afterEach(() => restoreFetch());

describe('App shell', () => {
  it('shows the product name, the menu and the start page in Chinese', async () => {
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('navigation', { name: '主菜单' })).toBeTruthy();
    expect(screen.getByText('湖北省质量促进条例履职督办系统')).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /关于系统/ })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: '关于系统' })).toBeTruthy();
    expect(document.title).toBe('湖北省质量促进条例履职督办系统');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('switches to English and remembers the choice', async () => {
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '关于系统' });

    await act(async () => {
      fireEvent.click(screen.getByText('English'));
    });

    expect(
      screen.getByText('Hubei Quality Promotion Regulation Duty Supervision System'),
    ).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'About' })).toBeTruthy();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
    expect(document.title).toBe('Hubei Quality Promotion Regulation Duty Supervision System');
  });

  it('shows a not-found page for unknown paths and leads back home', async () => {
    window.history.replaceState(null, '', '/no-such-page');
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByText('页面不存在')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '返回首页' }));
    expect(await screen.findByRole('heading', { name: '关于系统' })).toBeTruthy();
    // `/` sends the (administrator) user on to their start page.
    expect(window.location.pathname).toBe('/about');

    act(() => navigate('/elsewhere'));
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });
});
