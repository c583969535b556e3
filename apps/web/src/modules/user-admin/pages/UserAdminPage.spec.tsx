import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../i18n';
import { chooseOption, findDialog, openOptions } from '../../../test/antd';
import { adminUnit, currentUser, department, HUBEI, userAccount } from '../../../test/fixtures';
import {
  graphQLError,
  stubGraphQLOperations,
  type GraphQLRequest,
} from '../../../test/graphqlFetch';
import { renderWithUser } from '../../../test/renderWithUser';
import { UserAdminPage } from './UserAdminPage';

const wuhan = adminUnit({ code: '420100', name: '武汉市', level: 'PREFECTURE' });
const yichang = adminUnit({ code: '420500', name: '宜昌市', level: 'PREFECTURE' });
const jiangan = adminUnit({ code: '420102', name: '江岸区', parentCode: wuhan.code });
const xiantao = adminUnit({ code: '429004', name: '仙桃市', directlyAdministered: true });

const UNITS_BY_PARENT: Record<string, unknown[]> = {
  [HUBEI.code]: [wuhan, yichang, xiantao],
  [wuhan.code]: [jiangan],
  [yichang.code]: [],
};

const HUNAN = adminUnit({ code: '430000', name: '湖南省', level: 'PROVINCE', parentCode: null });
const changsha = adminUnit({
  code: '430100',
  name: '长沙市',
  level: 'PREFECTURE',
  parentCode: HUNAN.code,
});
/** The provinces of the deployment: one (the common case) unless a test adds another. */
let provinces = [HUBEI];

function adminUnitsAnswer({ variables }: GraphQLRequest) {
  const { level, parentCode } = variables as { level?: string; parentCode?: string };
  const units =
    level === 'PROVINCE'
      ? provinces
      : level === 'PREFECTURE'
        ? provinces.includes(HUNAN)
          ? [wuhan, yichang, changsha]
          : [wuhan, yichang]
        : (UNITS_BY_PARENT[parentCode ?? ''] ?? []);
  return { data: { adminUnits: units } };
}

const departmentsAnswer = ({ variables }: GraphQLRequest) => ({
  data: {
    departments:
      variables.unitCode === jiangan.code
        ? [
            department({ id: 'd-1', name: '江岸区市场监督管理局', unitCode: jiangan.code }),
            department({ id: 'd-2', name: '江岸区发展和改革局', unitCode: jiangan.code }),
          ]
        : [department({ id: 'd-9', name: '仙桃市市场监督管理局', unitCode: xiantao.code })],
  },
});

const lockedUntil = '2099-03-01T02:00:00.000Z';
const users = [
  userAccount({
    id: 'u-1',
    username: 'wangwu',
    displayName: '王五',
    role: 'COUNTY_OPERATOR',
    unit: jiangan,
    department: department({ id: 'd-1', name: '江岸区市场监督管理局' }),
    lastSignInAt: '2025-01-15T10:30:00.000Z',
  }),
  userAccount({ id: 'u-2', username: 'zhaoliu', displayName: '赵六', disabled: true }),
  userAccount({ id: 'u-3', username: 'sunqi', displayName: '孙七', lockedUntil }),
  userAccount({ id: 'u-4', username: 'zhouba', displayName: '周八', mustChangePassword: true }),
  // The signed-in administrator (both admins below have the id `me`).
  userAccount({ id: 'me', username: 'admin', displayName: '张管理', lockedUntil }),
  // Privileged accounts: their passwords are reset under dual control.
  userAccount({
    id: 'u-5',
    username: 'auditadmin',
    displayName: '审计管理员',
    role: 'AUDIT_ADMIN',
  }),
  userAccount({
    id: 'u-6',
    username: 'province',
    displayName: '李督导',
    role: 'PROVINCIAL_SUPERVISOR',
    unit: HUBEI,
  }),
];
const usersPage = { data: { users: { __typename: 'UserPage', totalCount: 4, nodes: users } } };
/** Accounts without a unit whose scope is the whole country or some provinces. */
const countryWide = [
  userAccount({
    id: 'u-7',
    username: 'national',
    displayName: '赵国栋',
    role: 'NATIONAL_SUPERVISOR',
    scopeProvinces: [HUBEI, HUNAN],
  }),
  userAccount({ id: 'u-8', username: 'auditor', displayName: '陈思远', role: 'AUDITOR' }),
];
const countryWidePage = {
  data: { users: { __typename: 'UserPage', totalCount: 2, nodes: countryWide } },
};

const systemAdmin = currentUser({ id: 'me', role: 'SYSTEM_ADMIN' });
const securityAdmin = currentUser({ id: 'me', role: 'SECURITY_ADMIN' });

let restoreFetch: () => void = () => undefined;
afterEach(() => restoreFetch());
beforeEach(async () => {
  provinces = [HUBEI];
  await i18n.changeLanguage('zh-CN');
});

const noResetRequests = {
  data: {
    passwordResetRequests: { __typename: 'PasswordResetRequestPage', totalCount: 0, nodes: [] },
  },
};

function resetRequest(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'PasswordResetRequest',
    id: 'r-1',
    status: 'PENDING',
    reason: '本人忘记密码，已电话核实身份',
    requestedBy: 'sysadmin',
    requester: { __typename: 'Person', username: 'sysadmin', label: '周建国（信息中心）' },
    requestedAt: '2026-12-01T01:00:00.000Z',
    expiresAt: '2026-12-02T01:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    canDecide: true,
    targetRole: 'PROVINCIAL_SUPERVISOR',
    target: { __typename: 'UserAccount', id: 'u-6', username: 'province', displayName: '李督导' },
    ...overrides,
  };
}

const pendingRequests = (...nodes: unknown[]) => ({
  data: {
    passwordResetRequests: {
      __typename: 'PasswordResetRequestPage',
      totalCount: nodes.length,
      nodes,
    },
  },
});

function stub(answers: Parameters<typeof stubGraphQLOperations>[0]) {
  const result = stubGraphQLOperations({
    Users: usersPage,
    AdminUnits: adminUnitsAnswer,
    Departments: departmentsAnswer,
    PasswordResetRequests: noResetRequests,
    ...answers,
  });
  restoreFetch = result.restore;
  return result;
}

const rowOf = (username: string) => screen.getByText(username).closest('tr') as HTMLElement;

describe('UserAdminPage', () => {
  it('lists users with role, unit / department, state and last sign-in', async () => {
    const { requestsOf } = stub({});
    renderWithUser(<UserAdminPage />, systemAdmin);

    expect(await screen.findByText('wangwu')).toBeTruthy();
    const first = within(rowOf('wangwu'));
    expect(first.getByText('县级部门经办人')).toBeTruthy();
    expect(first.getByText('江岸区 · 江岸区市场监督管理局')).toBeTruthy();
    expect(first.getByText('正常')).toBeTruthy();
    expect(first.getByText('2025年1月15日 18:30')).toBeTruthy();
    expect(within(rowOf('zhaoliu')).getByText('已停用')).toBeTruthy();
    expect(within(rowOf('zhaoliu')).getByText('未分配角色')).toBeTruthy();
    expect(within(rowOf('zhaoliu')).getByText('从未登录')).toBeTruthy();
    expect(within(rowOf('sunqi')).getByText('已锁定至 2099年3月1日 10:00')).toBeTruthy();
    expect(within(rowOf('zhouba')).getByText('需修改密码')).toBeTruthy();
    expect(within(rowOf('province')).getByText('湖北省')).toBeTruthy();
    expect(screen.getByText('共 4 个用户')).toBeTruthy();
    expect(requestsOf('Users')[0].variables).toEqual({
      filter: {},
      page: { first: 20, offset: 0 },
    });
  });

  it('shows the scope of accounts without a unit: some provinces, or the whole country', async () => {
    stub({ Users: countryWidePage });
    renderWithUser(<UserAdminPage />, systemAdmin);

    expect(await screen.findByText('national')).toBeTruthy();
    expect(within(rowOf('national')).getByText('国家级督导')).toBeTruthy();
    expect(within(rowOf('national')).getByText('湖北省、湖南省')).toBeTruthy();
    expect(within(rowOf('auditor')).getByText('全国')).toBeTruthy();
  });

  it('filters by search text, role and state, starting again at the first page', async () => {
    const { requestsOf } = stub({});
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    const search = screen.getByRole('searchbox', { name: '搜索用户名、姓名或单位' });
    fireEvent.change(search, { target: { value: ' 王 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await chooseOption(screen.getByLabelText('按角色筛选'), '市州督导');
    await chooseOption(screen.getByLabelText('按状态筛选'), '已停用');

    await waitFor(() =>
      expect(requestsOf('Users').at(-1)?.variables).toEqual({
        filter: { search: '王', role: 'PREFECTURE_SUPERVISOR', disabled: true },
        page: { first: 20, offset: 0 },
      }),
    );
  });

  it('offers the system administrator creating, resetting and disabling, not role binding', async () => {
    stub({});
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    expect(screen.getByRole('button', { name: /新建用户/ })).toBeTruthy();
    const row = within(rowOf('wangwu'));
    expect(row.getByRole('button', { name: '重置密码 wangwu' })).toBeTruthy();
    expect(row.getByRole('button', { name: '停用 wangwu' })).toBeTruthy();
    expect(within(rowOf('zhaoliu')).getByRole('button', { name: '启用 zhaoliu' })).toBeTruthy();
    // Privileged accounts: a request for a second person's approval, never a direct reset.
    for (const username of ['auditadmin', 'province']) {
      const privileged = within(rowOf(username));
      expect(privileged.getByRole('button', { name: `申请重置 ${username}` })).toBeTruthy();
      expect(privileged.queryByRole('button', { name: `重置密码 ${username}` })).toBeNull();
    }
    expect(screen.queryByRole('button', { name: /^分配角色/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^解除锁定/ })).toBeNull();
    // The API refuses administering one's own account.
    expect(within(rowOf('admin')).queryAllByRole('button')).toHaveLength(0);
  });

  it('offers the security administrator role binding and unlocking (locked users only)', async () => {
    stub({});
    renderWithUser(<UserAdminPage />, securityAdmin);
    await screen.findByText('wangwu');

    expect(screen.queryByRole('button', { name: /新建用户/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^重置密码/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^停用/ })).toBeNull();
    expect(within(rowOf('wangwu')).getByRole('button', { name: '分配角色 wangwu' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^解除锁定/ })).toHaveLength(1);
    expect(within(rowOf('sunqi')).getByRole('button', { name: '解除锁定 sunqi' })).toBeTruthy();
    expect(within(rowOf('admin')).queryAllByRole('button')).toHaveLength(0);
    // An administrator account keeps its role (三权分立); a privileged reset is requested.
    expect(within(rowOf('auditadmin')).queryByRole('button', { name: /^分配角色/ })).toBeNull();
    expect(
      within(rowOf('auditadmin')).getByRole('button', { name: '申请重置 auditadmin' }),
    ).toBeTruthy();
    expect(
      within(rowOf('province')).getByRole('button', { name: '分配角色 province' }),
    ).toBeTruthy();
  });

  it('unlocks a locked user after confirmation', async () => {
    const unlocked = users.map((u) => (u.id === 'u-3' ? { ...u, lockedUntil: null } : u));
    const { requestsOf } = stub({
      UnlockUser: { data: { unlockUser: { ...users[2], lockedUntil: null } } },
      // The list as the server has it before and after the change.
      Users: [usersPage, { data: { users: { ...usersPage.data.users, nodes: unlocked } } }],
    });
    renderWithUser(<UserAdminPage />, securityAdmin);
    await screen.findByText('sunqi');

    fireEvent.click(within(rowOf('sunqi')).getByRole('button', { name: '解除锁定 sunqi' }));
    const confirm = within(await findDialog('解除锁定'));
    fireEvent.click(confirm.getByRole('button', { name: '解除锁定' }));

    await waitFor(() => expect(requestsOf('UnlockUser')).toHaveLength(1));
    expect(requestsOf('UnlockUser')[0].variables).toEqual({ userId: 'u-3' });
    expect(await screen.findByText('已解除用户 孙七（sunqi） 的锁定')).toBeTruthy();
    await waitFor(() => expect(within(rowOf('sunqi')).queryByText(/已锁定至/)).toBeNull());
    await waitFor(() => expect(requestsOf('Users')).toHaveLength(2));
  });

  it('lets the security administrator reset another account’s second factor with a reason', async () => {
    const withFactor = users.map((u) => (u.id === 'u-6' ? { ...u, totpEnabled: true } : u));
    const page = { data: { users: { ...usersPage.data.users, nodes: withFactor } } };
    const { requestsOf } = stub({
      Users: page,
      ResetUserSecondFactor: [
        graphQLError('VALIDATION_FAILED', '请填写重置原因。', {
          details: { fields: { reason: '请填写重置原因。' } },
        }),
        { data: { resetUserSecondFactor: { ...withFactor[6], totpEnabled: false } } },
      ],
    });
    renderWithUser(<UserAdminPage />, securityAdmin);
    await screen.findByText('province');

    expect(within(rowOf('province')).getByText('双因素')).toBeTruthy();
    // Only accounts with a second factor offer the reset.
    expect(screen.getAllByRole('button', { name: /^重置双因素/ })).toHaveLength(1);
    fireEvent.click(within(rowOf('province')).getByRole('button', { name: '重置双因素 province' }));
    const form = within(await findDialog('重置双因素认证：李督导（province）'));
    expect(form.getByText(/立即结束其所有会话/)).toBeTruthy();
    fireEvent.click(form.getByRole('button', { name: /确认重置/ }));
    expect(await form.findByText('请填写重置原因')).toBeTruthy();
    expect(requestsOf('ResetUserSecondFactor')).toHaveLength(0);

    fireEvent.change(form.getByLabelText('重置原因'), { target: { value: ' 手机丢失 ' } });
    fireEvent.click(form.getByRole('button', { name: /确认重置/ }));
    expect((await form.findAllByText('请填写重置原因。')).length).toBeGreaterThan(0);
    fireEvent.change(form.getByLabelText('重置原因'), {
      target: { value: '手机丢失，已电话核实' },
    });
    fireEvent.click(form.getByRole('button', { name: /确认重置/ }));
    expect(await screen.findByText('已重置 李督导（province） 的双因素认证')).toBeTruthy();
    expect(requestsOf('ResetUserSecondFactor').map((r) => r.variables)).toEqual([
      { input: { userId: 'u-6', reason: '手机丢失' } },
      { input: { userId: 'u-6', reason: '手机丢失，已电话核实' } },
    ]);
  });

  it('offers the second factor reset to the security administrator only', async () => {
    const withFactor = users.map((u) => (u.id === 'u-6' ? { ...u, totpEnabled: true } : u));
    stub({ Users: { data: { users: { ...usersPage.data.users, nodes: withFactor } } } });
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('province');
    expect(screen.queryByRole('button', { name: /^重置双因素/ })).toBeNull();
  });

  it('creates a user and shows the temporary password once', async () => {
    const created = userAccount({ id: 'u-9', username: 'lisi', displayName: '李四' });
    const { requestsOf } = stub({
      CreateUser: {
        data: {
          createUser: {
            __typename: 'CreatedUser',
            user: { ...created, mustChangePassword: true },
            temporaryPassword: 'Tmp-7xQ2-pL9s',
          },
        },
      },
    });
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    fireEvent.click(screen.getByRole('button', { name: /新建用户/ }));
    const form = within(await findDialog('新建用户'));
    fireEvent.change(form.getByLabelText('用户名'), { target: { value: ' lisi ' } });
    fireEvent.change(form.getByLabelText('姓名'), { target: { value: '李四' } });
    fireEvent.click(form.getByRole('button', { name: /创\s*建/ }));

    const shown = within(await findDialog('用户已创建'));
    expect(shown.getByText('Tmp-7xQ2-pL9s')).toBeTruthy();
    expect(shown.getByText(/临时密码只显示这一次/)).toBeTruthy();
    expect(shown.getByText('用户 李四（lisi） 的临时密码：')).toBeTruthy();
    expect(shown.getByRole('button', { name: /复制|Copy/ })).toBeTruthy();
    expect(requestsOf('CreateUser')[0].variables).toEqual({
      input: { username: 'lisi', displayName: '李四', office: null, phone: null },
    });
    // The list is asked again after the change.
    await waitFor(() => expect(requestsOf('Users')).toHaveLength(2));

    fireEvent.click(shown.getByRole('button', { name: '我已记下，关闭' }));
    await waitFor(() => expect(screen.queryByText('Tmp-7xQ2-pL9s')).toBeNull());
  });

  it('edits name, office and phone, refusing a malformed phone before sending', async () => {
    const { requestsOf } = stub({
      UpdateUserProfile: ({ variables }: GraphQLRequest) => {
        const input = (variables as { input: Record<string, string> }).input;
        return {
          data: {
            updateUserProfile: {
              ...users.find((u) => u.id === input.userId),
              displayName: input.displayName,
              office: input.office || null,
              phone: input.phone || null,
            },
          },
        };
      },
    });
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    fireEvent.click(screen.getByRole('button', { name: '编辑资料 wangwu' }));
    const form = within(await findDialog('编辑资料：王五（wangwu）'));
    fireEvent.change(form.getByLabelText('单位/科室'), {
      target: { value: '江岸区市场监督管理局质量股' },
    });
    fireEvent.change(form.getByLabelText('联系电话'), { target: { value: '电话027' } });
    fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
    expect(await form.findByText('电话号码格式不正确')).toBeTruthy();
    expect(requestsOf('UpdateUserProfile')).toHaveLength(0);

    fireEvent.change(form.getByLabelText('联系电话'), { target: { value: '027-82801234' } });
    fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requestsOf('UpdateUserProfile')).toHaveLength(1));
    expect(requestsOf('UpdateUserProfile')[0].variables).toEqual({
      input: {
        userId: 'u-1',
        displayName: '王五',
        office: '江岸区市场监督管理局质量股',
        phone: '027-82801234',
      },
    });
  });

  it('lets the security administrator bind a single sign-on identity and flag an administrator break-glass', async () => {
    const { requestsOf } = stub({
      SetExternalIdentity: ({ variables }: GraphQLRequest) => {
        const input = (variables as { input: { userId: string; externalSubject: string | null } })
          .input;
        if (input.externalSubject === 'taken')
          return graphQLError('CONFLICT', '统一身份标识“taken”已绑定到账户 zhaoliu。', {
            details: { fields: { externalSubject: ['该标识已绑定到其他账户。'] } },
          });
        return {
          data: {
            setExternalIdentity: {
              ...users.find((u) => u.id === input.userId),
              externalSubject: input.externalSubject,
            },
          },
        };
      },
    });
    renderWithUser(<UserAdminPage />, securityAdmin);
    await screen.findByText('wangwu');

    fireEvent.click(screen.getByRole('button', { name: '统一身份 wangwu' }));
    let form = within(await findDialog('统一身份认证：王五（wangwu）'));
    // Break-glass is for administrators only: an operator's dialog does not offer it.
    expect(form.queryByLabelText('应急账户')).toBeNull();
    fireEvent.change(form.getByLabelText('统一身份标识'), { target: { value: 'taken' } });
    fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
    expect(await form.findByText('该标识已绑定到其他账户。')).toBeTruthy();

    fireEvent.change(form.getByLabelText('统一身份标识'), { target: { value: ' 420102-0007 ' } });
    fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requestsOf('SetExternalIdentity')).toHaveLength(2));
    expect(requestsOf('SetExternalIdentity')[1].variables).toEqual({
      input: { userId: 'u-1', externalSubject: '420102-0007' },
    });

    fireEvent.click(screen.getByRole('button', { name: '统一身份 auditadmin' }));
    form = within(await findDialog('统一身份认证：审计管理员（auditadmin）'));
    fireEvent.click(form.getByLabelText('应急账户'));
    fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requestsOf('SetExternalIdentity')).toHaveLength(3));
    expect(requestsOf('SetExternalIdentity')[2].variables).toEqual({
      input: { userId: 'u-5', externalSubject: null, breakGlass: true },
    });
  });

  it('shows the server’s field messages under the create-user fields', async () => {
    stub({
      CreateUser: graphQLError('VALIDATION_FAILED', '提交的数据未通过校验：username。', {
        details: { fields: { 'input.username': ['用户名已被使用'] } },
      }),
    });
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    fireEvent.click(screen.getByRole('button', { name: /新建用户/ }));
    const form = within(await findDialog('新建用户'));
    fireEvent.change(form.getByLabelText('用户名'), { target: { value: 'wangwu' } });
    fireEvent.change(form.getByLabelText('姓名'), { target: { value: '王五' } });
    fireEvent.click(form.getByRole('button', { name: /创\s*建/ }));

    expect(await form.findByText('用户名已被使用')).toBeTruthy();
    expect(form.getByText('提交的数据未通过校验：username。')).toBeTruthy();
    expect(document.querySelector('.ant-modal-title')?.textContent).toBe('新建用户');
  });

  it('resets a password after confirmation and shows the new temporary password', async () => {
    const { requestsOf } = stub({
      ResetUserPassword: {
        data: {
          resetUserPassword: {
            __typename: 'PasswordReset',
            user: { ...users[0], mustChangePassword: true },
            temporaryPassword: 'Reset-4kd8-Qw2z',
          },
        },
      },
    });
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    fireEvent.click(within(rowOf('wangwu')).getByRole('button', { name: '重置密码 wangwu' }));
    const confirm = within(await findDialog('重置密码'));
    expect(confirm.getByText(/确定要重置用户 王五（wangwu） 的密码吗/)).toBeTruthy();
    expect(requestsOf('ResetUserPassword')).toHaveLength(0);
    fireEvent.click(confirm.getByRole('button', { name: '重置密码' }));

    const shown = within(await findDialog('密码已重置'));
    expect(shown.getByText('Reset-4kd8-Qw2z')).toBeTruthy();
    expect(requestsOf('ResetUserPassword')[0].variables).toEqual({ userId: 'u-1' });
  });

  it('requires a reason to disable a user and sends it', async () => {
    const { requestsOf } = stub({
      SetUserDisabled: { data: { setUserDisabled: { ...users[0], disabled: true } } },
    });
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    fireEvent.click(within(rowOf('wangwu')).getByRole('button', { name: '停用 wangwu' }));
    const form = within(await findDialog('停用用户 王五（wangwu）'));
    fireEvent.click(form.getByRole('button', { name: /停\s*用/ }));
    expect(await form.findByText('请填写停用原因')).toBeTruthy();
    expect(requestsOf('SetUserDisabled')).toHaveLength(0);

    fireEvent.change(form.getByLabelText('原因'), { target: { value: '调离岗位' } });
    fireEvent.click(form.getByRole('button', { name: /停\s*用/ }));
    await waitFor(() => expect(requestsOf('SetUserDisabled')).toHaveLength(1));
    expect(requestsOf('SetUserDisabled')[0].variables).toEqual({
      userId: 'u-1',
      disabled: true,
      reason: '调离岗位',
    });
  });

  describe('role binding', () => {
    async function openBindRole(username: string, page = usersPage) {
      const result = stub({
        Users: page,
        BindUserRole: ({ variables }: GraphQLRequest) => ({
          data: { bindUserRole: { ...users[0], role: (variables.input as { role: string }).role } },
        }),
      });
      renderWithUser(<UserAdminPage />, securityAdmin);
      await screen.findByText(username);
      fireEvent.click(
        within(rowOf(username)).getByRole('button', { name: `分配角色 ${username}` }),
      );
      // Named as people know the account, with the username the administrator acts on.
      const user = [...users, ...countryWide].find((u) => u.username === username)!;
      const form = within(await findDialog(`分配角色：${user.displayName}（${username}）`));
      return { ...result, form };
    }

    it('requires a department for a county operator', async () => {
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '县级部门经办人');
      await chooseOption(await form.findByLabelText('市州'), '武汉市');
      await chooseOption(form.getByLabelText('县（市、区）'), '江岸区');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));

      expect(await form.findByText('请选择部门')).toBeTruthy();
      expect(requestsOf('BindUserRole')).toHaveLength(0);

      await chooseOption(form.getByLabelText('部门'), '江岸区发展和改革局');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));

      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'COUNTY_OPERATOR', unitCode: '420102', departmentId: 'd-2' },
      });
      expect(requestsOf('Departments')[0].variables).toEqual({ unitCode: '420102' });
    });

    it('groups the county-level units the province administers directly under 省直管', async () => {
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '县级部门经办人');
      const prefecture = await form.findByLabelText('市州');
      await waitFor(async () =>
        expect(await openOptions(prefecture)).toEqual(['武汉市', '宜昌市', '省直管']),
      );
      await chooseOption(prefecture, '省直管');
      await chooseOption(form.getByLabelText('县（市、区）'), '仙桃市');
      expect(document.querySelector('.ant-select-item-group')?.textContent).toBe('省直管');
      await chooseOption(form.getByLabelText('部门'), '仙桃市市场监督管理局');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));

      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'COUNTY_OPERATOR', unitCode: '429004', departmentId: 'd-9' },
      });
    });

    it('with several provinces, lists each province’s prefectures and 省直管 under the province', async () => {
      provinces = [HUBEI, HUNAN];
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '县级部门经办人');
      const prefecture = await form.findByLabelText('市州');
      await waitFor(async () =>
        expect(await openOptions(prefecture)).toEqual([
          '武汉市',
          '宜昌市',
          '湖北省省直管',
          '长沙市',
          '湖南省省直管',
        ]),
      );
      expect(
        [...document.querySelectorAll('.ant-select-item-group')].map((g) => g.textContent),
      ).toEqual(['湖北省', '湖南省']);
      await chooseOption(prefecture, '湖北省省直管');
      await chooseOption(form.getByLabelText('县（市、区）'), '仙桃市');
      await chooseOption(form.getByLabelText('部门'), '仙桃市市场监督管理局');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));

      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'COUNTY_OPERATOR', unitCode: '429004', departmentId: 'd-9' },
      });
    });

    it('warns that an account becoming privileged loses its password and second factor', async () => {
      const { form } = await openBindRole('zhaoliu');
      const warning = /其现有密码和双因素认证作废/;
      await chooseOption(form.getByLabelText('角色'), '县级部门经办人');
      expect(form.queryByText(warning)).toBeNull();
      await chooseOption(form.getByLabelText('角色'), '省级督导');
      expect(await form.findByText(warning)).toBeTruthy();
    });

    it('needs a prefecture for a prefecture supervisor, and the only province for a provincial one', async () => {
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '市州督导');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
      expect(await form.findByText('请选择市州')).toBeTruthy();

      await chooseOption(form.getByLabelText('角色'), '省级督导');
      expect(form.queryByLabelText('市州')).toBeNull();
      // One province in the deployment: already chosen.
      expect(await form.findByTitle('湖北省')).toBeTruthy();
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));

      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'PROVINCIAL_SUPERVISOR', unitCode: '420000' },
      });
    });

    it('asks which province a provincial supervisor is for when there are several', async () => {
      provinces = [HUBEI, HUNAN];
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '省级督导');
      const province = await form.findByLabelText('省份');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
      expect(await form.findByText('请选择省份')).toBeTruthy();
      expect(requestsOf('BindUserRole')).toHaveLength(0);

      await chooseOption(province, '湖南省');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'PROVINCIAL_SUPERVISOR', unitCode: '430000' },
      });
    });

    it('limits a national supervisor to the chosen provinces, none meaning the whole country', async () => {
      provinces = [HUBEI, HUNAN];
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '国家级督导');
      expect(form.queryByLabelText('市州')).toBeNull();
      expect(form.getByText('不选择则为全国')).toBeTruthy();
      await chooseOption(form.getByLabelText('省份范围'), '湖南省');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));

      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'NATIONAL_SUPERVISOR', scopeProvinceCodes: ['430000'] },
      });
    });

    it('starts a national supervisor from their provinces', async () => {
      provinces = [HUBEI, HUNAN];
      const { form } = await openBindRole('national', countryWidePage);
      expect(await form.findByTitle('湖北省')).toBeTruthy();
      expect(form.getByTitle('湖南省')).toBeTruthy();
    });

    it('offers an auditor a province or prefecture, or provinces when there is no unit', async () => {
      provinces = [HUBEI, HUNAN];
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '审计评估人员');
      const unit = await form.findByLabelText('省份或市州');
      await waitFor(async () =>
        expect(await openOptions(unit)).toEqual(['湖北省', '湖南省', '武汉市', '宜昌市', '长沙市']),
      );
      // Without a unit: the whole country, or some provinces.
      await chooseOption(form.getByLabelText('省份范围'), '湖北省');
      // With a unit, no provinces.
      await chooseOption(unit, '宜昌市');
      await waitFor(() => expect(form.queryByLabelText('省份范围')).toBeNull());
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'AUDITOR', unitCode: '420500' },
      });
    });

    it('offers a business account only business roles, an account without a role every role', async () => {
      const { form } = await openBindRole('province');
      expect(await openOptions(form.getByLabelText('角色'))).toEqual([
        '国家级督导',
        '省级督导',
        '市州督导',
        '县级部门经办人',
        '审计评估人员',
      ]);
    });

    it('offers every role to an account without one', async () => {
      const { form } = await openBindRole('zhaoliu');
      expect(await openOptions(form.getByLabelText('角色'))).toHaveLength(8);
    });

    it('starts from the user’s current role, unit and department', async () => {
      const { form } = await openBindRole('wangwu');
      await act(async () => undefined);

      expect(form.getByTitle('县级部门经办人')).toBeTruthy();
      expect(await form.findByTitle('武汉市')).toBeTruthy();
      expect(await form.findByTitle('江岸区')).toBeTruthy();
      expect(await form.findByTitle('江岸区市场监督管理局')).toBeTruthy();
    });
  });

  describe('password resets of privileged accounts (dual control)', () => {
    it('asks for a reason and sends a reset request; the requester is shown no password', async () => {
      const { requestsOf } = stub({
        RequestPasswordReset: { data: { requestPasswordReset: resetRequest() } },
        PasswordResetRequests: [
          noResetRequests,
          pendingRequests(resetRequest({ canDecide: false })),
        ],
      });
      renderWithUser(<UserAdminPage />, systemAdmin);
      await screen.findByText('province');

      fireEvent.click(within(rowOf('province')).getByRole('button', { name: '申请重置 province' }));
      const form = within(await findDialog('申请重置密码：李督导（province）'));
      expect(form.getByText(/李督导（province） 是特权账户（省级督导）/)).toBeTruthy();
      fireEvent.click(form.getByRole('button', { name: /提交申请/ }));
      expect(await form.findByText('请填写申请原因')).toBeTruthy();
      expect(requestsOf('RequestPasswordReset')).toHaveLength(0);

      fireEvent.change(form.getByLabelText('申请原因'), {
        target: { value: ' 本人忘记密码，已电话核实身份 ' },
      });
      fireEvent.click(form.getByRole('button', { name: /提交申请/ }));
      await waitFor(() => expect(requestsOf('RequestPasswordReset')).toHaveLength(1));
      expect(requestsOf('RequestPasswordReset')[0].variables).toEqual({
        input: { userId: 'u-6', reason: '本人忘记密码，已电话核实身份' },
      });
      expect(
        await screen.findByText('已提交 李督导（province） 的密码重置申请，等待安全管理员审批'),
      ).toBeTruthy();
      expect(requestsOf('ResetUserPassword')).toHaveLength(0);
      expect(document.querySelector('[data-testid="temporary-password"]')).toBeNull();

      // The request now waits in the list, with no action for its requester.
      const card = within(
        (await screen.findByText('待审批的密码重置申请')).closest('.ant-card') as HTMLElement,
      );
      expect(card.getByText('本人忘记密码，已电话核实身份')).toBeTruthy();
      expect(card.getByText('待安全管理员审批')).toBeTruthy();
      expect(card.queryByRole('button', { name: /^批准/ })).toBeNull();
    });

    it('shows the server’s refusal in the request dialog', async () => {
      stub({
        RequestPasswordReset: graphQLError(
          'CONFLICT',
          '用户 province 已有一项待审批的密码重置申请。',
          { details: { reason: 'RESET_ALREADY_REQUESTED' } },
        ),
      });
      renderWithUser(<UserAdminPage />, systemAdmin);
      await screen.findByText('province');

      fireEvent.click(within(rowOf('province')).getByRole('button', { name: '申请重置 province' }));
      const form = within(await findDialog('申请重置密码：李督导（province）'));
      fireEvent.change(form.getByLabelText('申请原因'), { target: { value: '再次申请' } });
      fireEvent.click(form.getByRole('button', { name: /提交申请/ }));
      expect(await form.findByText('用户 province 已有一项待审批的密码重置申请。')).toBeTruthy();
    });

    it('lets the security administrator approve and shows the temporary password once, with copy', async () => {
      const { requestsOf } = stub({
        PasswordResetRequests: [pendingRequests(resetRequest()), noResetRequests],
        ApprovePasswordReset: {
          data: {
            approvePasswordReset: {
              __typename: 'ApprovedPasswordReset',
              request: resetRequest({ status: 'APPROVED', canDecide: false, decidedBy: 'admin' }),
              user: { ...users[6], mustChangePassword: true },
              temporaryPassword: 'Appr-8mN3-xQ7v',
            },
          },
        },
      });
      renderWithUser(<UserAdminPage />, securityAdmin);
      const card = within(
        (await screen.findByText('待审批的密码重置申请')).closest('.ant-card') as HTMLElement,
      );
      const row = within(
        card.getByText('本人忘记密码，已电话核实身份').closest('tr') as HTMLElement,
      );
      expect(row.getByText('李督导')).toBeTruthy();
      expect(row.getByText('省级督导')).toBeTruthy();
      // The requester by name and office; the username only in the tooltip.
      expect(row.getByText('周建国（信息中心）').getAttribute('title')).toBe('sysadmin');
      expect(row.queryByText('sysadmin')).toBeNull();
      expect(row.getByText('2026年12月2日 09:00')).toBeTruthy(); // lapses 24 hours after the request

      fireEvent.click(row.getByRole('button', { name: '批准 province' }));
      const confirm = within(await findDialog('批准密码重置'));
      expect(confirm.getByText(/临时密码只向您显示一次/)).toBeTruthy();
      expect(requestsOf('ApprovePasswordReset')).toHaveLength(0);
      fireEvent.click(confirm.getByRole('button', { name: '批准并重置' }));

      const shown = within(await findDialog('密码已重置'));
      expect(shown.getByText('Appr-8mN3-xQ7v')).toBeTruthy();
      expect(shown.getByText('用户 李督导（province） 的临时密码：')).toBeTruthy();
      expect(shown.getByRole('button', { name: /复制|Copy/ })).toBeTruthy();
      expect(requestsOf('ApprovePasswordReset')[0].variables).toEqual({ requestId: 'r-1' });
      // Decided: the list is asked again and the card goes once nothing is pending.
      await waitFor(() => expect(screen.queryByText('待审批的密码重置申请')).toBeNull());

      fireEvent.click(shown.getByRole('button', { name: '我已记下，关闭' }));
      await waitFor(() => expect(screen.queryByText('Appr-8mN3-xQ7v')).toBeNull());
    });

    it('rejects a request with a required reason', async () => {
      const { requestsOf } = stub({
        PasswordResetRequests: [pendingRequests(resetRequest()), noResetRequests],
        RejectPasswordReset: {
          data: {
            rejectPasswordReset: resetRequest({
              status: 'REJECTED',
              canDecide: false,
              decidedBy: 'admin',
              decisionReason: '未见本人书面申请',
            }),
          },
        },
      });
      renderWithUser(<UserAdminPage />, securityAdmin);
      await screen.findByText('待审批的密码重置申请');

      fireEvent.click(screen.getByRole('button', { name: '驳回 province' }));
      const form = within(await findDialog('驳回密码重置申请：李督导（province）'));
      fireEvent.click(form.getByRole('button', { name: /驳\s*回/ }));
      expect(await form.findByText('请填写驳回原因')).toBeTruthy();
      expect(requestsOf('RejectPasswordReset')).toHaveLength(0);

      fireEvent.change(form.getByLabelText('驳回原因'), { target: { value: '未见本人书面申请' } });
      fireEvent.click(form.getByRole('button', { name: /驳\s*回/ }));
      await waitFor(() => expect(requestsOf('RejectPasswordReset')).toHaveLength(1));
      expect(requestsOf('RejectPasswordReset')[0].variables).toEqual({
        input: { requestId: 'r-1', reason: '未见本人书面申请' },
      });
      expect(await screen.findByText('已驳回 李督导（province） 的密码重置申请')).toBeTruthy();
      expect(requestsOf('ApprovePasswordReset')).toHaveLength(0);
    });

    it('offers no decision on a request the security administrator made or that concerns them', async () => {
      stub({
        PasswordResetRequests: pendingRequests(
          resetRequest({ canDecide: false, requestedBy: 'admin' }),
        ),
      });
      renderWithUser(<UserAdminPage />, securityAdmin);
      const card = within(
        (await screen.findByText('待审批的密码重置申请')).closest('.ant-card') as HTMLElement,
      );
      expect(card.getByText('须由其他安全管理员审批')).toBeTruthy();
      expect(card.queryByRole('button', { name: /^批准|^驳回/ })).toBeNull();
    });
  });
});
