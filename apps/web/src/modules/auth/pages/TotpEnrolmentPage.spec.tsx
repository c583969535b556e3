import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../../app/App';
import { createApolloClient } from '../../../graphql/client';
import { currentUser } from '../../../test/fixtures';
import { graphQLError } from '../../../test/graphqlFetch';
import { stubbedWholeApp } from '../../../test/wholeApp';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/%E5%B1%A5%E8%81%8C%E7%9D%A3%E5%8A%9E%E7%B3%BB%E7%BB%9F:province?secret=${SECRET}&issuer=%E5%B1%A5%E8%81%8C%E7%9D%A3%E5%8A%9E%E7%B3%BB%E7%BB%9F&algorithm=SHA1&digits=6&period=30`;
const CODES = Array.from({ length: 10 }, (_, i) => `K7QX${'ACDEFGHJKM'[i]}-3TRWA`);
const mustEnrol = currentUser({
  displayName: '李督导',
  username: 'province',
  secondFactorStep: 'ENROL',
});
const begun = {
  data: {
    beginTotpEnrolment: {
      __typename: 'TotpEnrolment',
      secret: SECRET,
      otpauthUri: URI,
      issuer: '履职督办系统',
      account: 'province',
    },
  },
};
const confirmed = {
  data: { confirmTotpEnrolment: { __typename: 'RecoveryCodes', codes: CODES } },
};

const stub = stubbedWholeApp();

describe('the enrolment a role requires', () => {
  it('shows the QR code and key, confirms a code, and keeps the recovery codes on screen until they are saved', async () => {
    const { requestsOf, unexpected } = stub({
      Me: [{ data: { me: mustEnrol } }, { data: { me: { ...mustEnrol, secondFactorStep: null } } }],
      // The header's notification bell asks once the user is in.
      NotificationUnreadCount: { data: { unreadNotificationCount: 0 } },
      BeginTotpEnrolment: begun,
      ConfirmTotpEnrolment: [
        graphQLError('VALIDATION_FAILED', '验证码不正确：请确认已添加上面的密钥。'),
        confirmed,
      ],
    });
    render(<App apolloClient={createApolloClient()} />);

    expect(await screen.findByRole('heading', { name: '绑定身份验证器' })).toBeTruthy();
    expect(screen.getByText(/您的角色必须使用双因素认证/)).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /开始绑定/ }));
    });
    const qr = await screen.findByRole('img', { name: '身份验证器二维码' });
    expect(qr.querySelector('canvas, svg')).toBeTruthy();
    expect(screen.getByTestId('totp-secret').textContent).toContain('JBSW Y3DP EHPK 3PXP');
    expect(screen.getByText(URI)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('验证码'), { target: { value: '123456' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /确认绑定/ }));
    });
    expect(await screen.findByText('验证码不正确：请确认已添加上面的密钥。')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('验证码'), { target: { value: '654 321' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /确认绑定/ }));
    });
    const list = await screen.findByRole('list', { name: '恢复码列表' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(CODES);
    expect(screen.getByText(/只显示这一次/)).toBeTruthy();
    // Not in yet: `me` is asked again only once the codes are saved.
    expect(screen.queryByRole('navigation', { name: '主菜单' })).toBeNull();
    expect(requestsOf('Me')).toHaveLength(1);

    // Download: a text file with every code.
    const created: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:codes';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: /下载/ }));
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    for (const code of CODES) expect(text).toContain(code);
    click.mockRestore();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /我已妥善保存/ }));
    });
    expect(await screen.findByRole('navigation', { name: '主菜单' })).toBeTruthy();
    expect(requestsOf('ConfirmTotpEnrolment').map((r) => r.variables)).toEqual([
      { input: { code: '123456' } },
      { input: { code: '654321' } },
    ]);
    expect(unexpected).toEqual([]);
  });
});
