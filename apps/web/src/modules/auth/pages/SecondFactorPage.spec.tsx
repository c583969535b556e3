import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../app/App';
import { createApolloClient } from '../../../graphql/client';
import { currentUser } from '../../../test/fixtures';
import { graphQLError } from '../../../test/graphqlFetch';
import { i18n } from '../../../i18n';
import { stubbedWholeApp } from '../../../test/wholeApp';

const WRONG_CODE = '验证码不正确或已使用过，请输入身份验证器上新的验证码或一个未用过的恢复码。';
const pending = currentUser({ displayName: '李督导', secondFactorStep: 'VERIFY' });
const verified = { data: { verifySecondFactor: currentUser({ displayName: '李督导' }) } };

const stub = stubbedWholeApp();

async function enter(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^验\s*证$/ }));
  });
}

describe('the second factor step of signing in', () => {
  it('asks for the app’s code instead of the app, shows a refusal, and lets the user in on a right code', async () => {
    const { requestsOf, unexpected } = stub({
      Me: { data: { me: pending } },
      // The header's notification bell asks once the user is in.
      NotificationUnreadCount: { data: { unreadNotificationCount: 0 } },
      VerifySecondFactor: [
        graphQLError('VALIDATION_FAILED', WRONG_CODE, {
          details: { fields: { code: WRONG_CODE } },
        }),
        verified,
      ],
    });
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('heading', { name: '双因素认证' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();

    // Checked before asking the server.
    await enter('验证码', '12345');
    expect(await screen.findByText('验证码为 6 位数字')).toBeTruthy();
    expect(requestsOf('VerifySecondFactor')).toHaveLength(0);

    await enter('验证码', '000 000');
    expect((await screen.findAllByText(WRONG_CODE)).length).toBeGreaterThan(0);
    expect((screen.getByLabelText('验证码') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();

    await enter('验证码', '287 082');
    expect(await screen.findByRole('navigation', { name: '主菜单' })).toBeTruthy();
    expect(requestsOf('VerifySecondFactor').map((r) => r.variables)).toEqual([
      { input: { code: '000000' } },
      { input: { code: '287082' } },
    ]);
    expect(unexpected).toEqual([]);
  });

  it('accepts a recovery code instead', async () => {
    const { requestsOf } = stub({ Me: { data: { me: pending } }, VerifySecondFactor: verified });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '双因素认证' });

    fireEvent.click(screen.getByRole('button', { name: '手机不在身边？使用恢复码' }));
    expect(screen.getByText(/每个恢复码只能使用一次/)).toBeTruthy();
    await enter('恢复码', '123456');
    expect(await screen.findByText(/恢复码为 10 位字母数字/)).toBeTruthy();
    await enter('恢复码', ' k7qxm-3trwa ');
    expect(await screen.findByRole('navigation', { name: '主菜单' })).toBeTruthy();
    expect(requestsOf('VerifySecondFactor')[0].variables).toEqual({
      input: { code: 'k7qxm-3trwa' },
    });
  });

  it('is reached from any operation answering SECOND_FACTOR_REQUIRED', async () => {
    const { requestsOf } = stub({
      Me: [{ data: { me: currentUser() } }, { data: { me: pending } }],
      SystemInfo: graphQLError('SECOND_FACTOR_REQUIRED', '请先完成双因素认证。'),
    });
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('heading', { name: '双因素认证' })).toBeTruthy();
    await waitFor(() => expect(requestsOf('Me')).toHaveLength(2));
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en-US');
    stub({ Me: { data: { me: pending } } });
    render(<App apolloClient={createApolloClient()} />);
    expect(await screen.findByRole('heading', { name: 'Two-factor authentication' })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'No phone at hand? Use a recovery code' }),
    ).toBeTruthy();
  });
});
