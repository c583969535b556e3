import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../app/App';
import { createApolloClient } from '../../../graphql/client';
import { currentUser } from '../../../test/fixtures';
import { graphQLError } from '../../../test/graphqlFetch';
import { stubbedWholeApp } from '../../../test/wholeApp';

const POLICY = '密码长度至少 12 位，须同时包含大写字母、小写字母、数字和特殊字符中的三类。';
const mustChange = currentUser({ mustChangePassword: true });
const changed = { data: { changePassword: currentUser({ mustChangePassword: false }) } };

const stub = stubbedWholeApp({ PasswordPolicy: { data: { passwordPolicy: POLICY } } });

function fill(current: string, next: string, confirm: string) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: confirm } });
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '确认修改' }));
  });
}

describe('forced password change', () => {
  it('appears instead of the app when the user must change the password', async () => {
    const { requestsOf } = stub({ Me: { data: { me: mustChange } }, ChangePassword: changed });
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('heading', { name: '修改密码' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
    expect(screen.getByText(/请先修改密码/)).toBeTruthy();
    expect(await screen.findByText(POLICY)).toBeTruthy();

    // Only the minimum length and the confirmation are checked here.
    fill('Temp-Pass-1', 'short', 'other');
    await submit();
    expect(await screen.findByText('新密码至少需要 8 个字符')).toBeTruthy();
    expect(screen.getByText('两次输入的新密码不一致')).toBeTruthy();
    expect(requestsOf('ChangePassword')).toHaveLength(0);

    fill('Temp-Pass-1', 'New-Secret-2025', 'New-Secret-2025');
    await submit();

    // The answer clears mustChangePassword in the cached `me`: the app opens.
    expect(await screen.findByRole('navigation', { name: '主菜单' })).toBeTruthy();
    expect(requestsOf('ChangePassword')[0].variables).toEqual({
      input: { currentPassword: 'Temp-Pass-1', newPassword: 'New-Secret-2025' },
    });
    expect(requestsOf('Me')).toHaveLength(1);
  });

  it('says why when the password is older than the maximum age', async () => {
    stub({
      Me: { data: { me: currentUser({ mustChangePassword: true, passwordExpired: true }) } },
    });
    render(<App apolloClient={createApolloClient()} />);
    expect(await screen.findByRole('heading', { name: '修改密码' })).toBeTruthy();
    expect(
      screen.getByText('您的密码已超过规定的使用期限，请修改密码后继续使用系统。'),
    ).toBeTruthy();
    expect(screen.queryByText(/首次登录或密码被重置后/)).toBeNull();
  });

  it('shows the server’s verdict under the fields it names', async () => {
    stub({
      Me: { data: { me: mustChange } },
      ChangePassword: graphQLError('VALIDATION_FAILED', '新密码不符合密码规则。', {
        details: {
          fields: {
            currentPassword: '当前密码不正确',
            'input.newPassword': ['不能与最近使用的密码相同'],
          },
        },
      }),
    });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '修改密码' });

    fill('wrong', 'New-Secret-2025', 'New-Secret-2025');
    await submit();

    expect(await screen.findByText('新密码不符合密码规则。')).toBeTruthy();
    expect(screen.getByText('当前密码不正确')).toBeTruthy();
    expect(screen.getByText('不能与最近使用的密码相同')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
  });

  it('is reached from any operation answering PASSWORD_CHANGE_REQUIRED', async () => {
    const { requestsOf } = stub({
      Me: [{ data: { me: currentUser() } }, { data: { me: mustChange } }],
      SystemInfo: graphQLError(
        'PASSWORD_CHANGE_REQUIRED',
        '首次登录或密码被重置后，请先修改密码。',
      ),
    });
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('heading', { name: '修改密码' })).toBeTruthy();
    await waitFor(() => expect(requestsOf('Me')).toHaveLength(2));
  });

  it('lets the user sign out instead', async () => {
    const { requestsOf } = stub({
      Me: [{ data: { me: mustChange } }, { data: { me: null } }],
      SignOut: { data: { signOut: true } },
    });
    render(<App apolloClient={createApolloClient()} />);
    await screen.findByRole('heading', { name: '修改密码' });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    });
    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(requestsOf('SignOut')).toHaveLength(1);
    expect(screen.queryByText('会话已过期，请重新登录')).toBeNull();
  });
});
