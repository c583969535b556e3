import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { currentUser } from '../../../test/fixtures';
import { graphQLError, stubGraphQLOperations } from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { AccountSecurityModal } from './AccountSecurityModal';
import { UserMenu } from './UserMenu';

const operator = currentUser({ username: 'jiangan-scjg', role: 'COUNTY_OPERATOR' });
const status = (overrides: Record<string, unknown> = {}) => ({
  data: {
    mySecondFactor: {
      __typename: 'SecondFactorStatus',
      enabled: true,
      required: false,
      enabledAt: '2026-12-01T02:00:00.000Z',
      recoveryCodesRemaining: 8,
      ...overrides,
    },
  },
});
const CODES = Array.from({ length: 10 }, (_, i) => `MNPQ${'ACDEFGHJKM'[i]}-7XY4C`);

let restoreFetch: () => void = () => undefined;
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});
afterEach(() => restoreFetch());

function stub(answers: Parameters<typeof stubGraphQLOperations>[0]) {
  const result = stubGraphQLOperations(answers);
  restoreFetch = result.restore;
  return result;
}

const dialog = () => screen.getByRole('dialog');
async function click(name: RegExp) {
  await act(async () => {
    fireEvent.click(within(dialog()).getByRole('button', { name }));
  });
}

describe('account security: the second factor', () => {
  it('turns an optional second factor on in place and shows the recovery codes once', async () => {
    const { requestsOf } = stub({
      MySecondFactor: [
        status({ enabled: false, enabledAt: null, recoveryCodesRemaining: 0 }),
        status({ recoveryCodesRemaining: 10 }),
      ],
      BeginTotpEnrolment: {
        data: {
          beginTotpEnrolment: {
            __typename: 'TotpEnrolment',
            secret: 'JBSWY3DPEHPK3PXP',
            otpauthUri: 'otpauth://totp/x:jiangan-scjg?secret=JBSWY3DPEHPK3PXP',
            issuer: '履职督办系统',
            account: 'jiangan-scjg',
          },
        },
      },
      ConfirmTotpEnrolment: {
        data: { confirmTotpEnrolment: { __typename: 'RecoveryCodes', codes: CODES } },
      },
    });
    renderWithUser(<AccountSecurityModal open onClose={() => undefined} />, operator);

    expect(await screen.findByText('未启用')).toBeTruthy();
    expect(screen.getByText(/启用后，登录时除密码外/)).toBeTruthy();
    expect(within(dialog()).queryByRole('button', { name: /停用/ })).toBeNull();
    await click(/启用双因素认证/);
    await click(/开始绑定/);
    fireEvent.change(await screen.findByLabelText('验证码'), { target: { value: '123456' } });
    await click(/确认绑定/);
    const list = await screen.findByRole('list', { name: '恢复码列表' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    await click(/我已妥善保存/);
    expect(await screen.findByText('剩余恢复码：10 个')).toBeTruthy();
    expect(screen.getByText('已启用')).toBeTruthy();
    expect(requestsOf('ConfirmTotpEnrolment')[0].variables).toEqual({ input: { code: '123456' } });
  });

  it('offers no way off when the role requires it, and regenerates recovery codes with a code from the app', async () => {
    const { requestsOf } = stub({
      MySecondFactor: status({ required: true, recoveryCodesRemaining: 2 }),
      RegenerateRecoveryCodes: [
        graphQLError('VALIDATION_FAILED', '验证码不正确或已使用过。'),
        { data: { regenerateRecoveryCodes: { __typename: 'RecoveryCodes', codes: CODES } } },
      ],
    });
    renderWithUser(<AccountSecurityModal open onClose={() => undefined} />, operator);

    expect(await screen.findByText('已启用')).toBeTruthy();
    expect(screen.getByText('您的角色必须使用双因素认证，不能停用。')).toBeTruthy();
    expect(screen.getByText('恢复码即将用完，请重新生成。')).toBeTruthy();
    expect(within(dialog()).queryByRole('button', { name: /停用/ })).toBeNull();

    await click(/重新生成恢复码/);
    expect(screen.getByText(/原有恢复码全部失效/)).toBeTruthy();
    // A recovery code cannot prove this: only the app's code.
    fireEvent.change(screen.getByLabelText('验证码'), { target: { value: 'MNPQA-7XY4C' } });
    await click(/重新生成恢复码/);
    expect(await screen.findByText('验证码为 6 位数字')).toBeTruthy();
    expect(requestsOf('RegenerateRecoveryCodes')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('验证码'), { target: { value: '111111' } });
    await click(/重新生成恢复码/);
    expect(await screen.findByText('验证码不正确或已使用过。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('验证码'), { target: { value: '222 222' } });
    await click(/重新生成恢复码/);
    const list = await screen.findByRole('list', { name: '恢复码列表' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(CODES);
    expect(requestsOf('RegenerateRecoveryCodes').map((r) => r.variables)).toEqual([
      { input: { code: '111111' } },
      { input: { code: '222222' } },
    ]);
  });

  it('turns an optional second factor off with a code or a recovery code', async () => {
    const { requestsOf } = stub({
      MySecondFactor: [
        status(),
        status({ enabled: false, enabledAt: null, recoveryCodesRemaining: 0 }),
      ],
      DisableTotp: {
        data: {
          disableTotp: {
            __typename: 'SecondFactorStatus',
            enabled: false,
            required: false,
            enabledAt: null,
            recoveryCodesRemaining: 0,
          },
        },
      },
    });
    renderWithUser(<AccountSecurityModal open onClose={() => undefined} />, operator);
    await screen.findByText('已启用');
    expect(screen.getByText('剩余恢复码：8 个')).toBeTruthy();

    await click(/停用双因素认证/);
    fireEvent.change(screen.getByLabelText('验证码或恢复码'), { target: { value: 'mnpqa-7xy4c' } });
    await click(/停用双因素认证/);
    await waitFor(() => expect(screen.getByText('未启用')).toBeTruthy());
    expect(requestsOf('DisableTotp')[0].variables).toEqual({ input: { code: 'mnpqa-7xy4c' } });
  });

  it('opens from the account menu', async () => {
    stub({
      MySecondFactor: status({ enabled: false, enabledAt: null, recoveryCodesRemaining: 0 }),
    });
    renderWithUser(<UserMenu />, operator);
    fireEvent.click(screen.getByRole('button', { name: '账户菜单：张管理' }));
    fireEvent.click(await screen.findByText('双因素认证'));
    expect(await screen.findByText('账户安全：双因素认证')).toBeTruthy();
    expect(await screen.findByText('未启用')).toBeTruthy();
  });
});
