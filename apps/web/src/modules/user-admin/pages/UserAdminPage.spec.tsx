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

function adminUnitsAnswer({ variables }: GraphQLRequest) {
  const { level, parentCode } = variables as { level?: string; parentCode?: string };
  const units =
    level === 'PREFECTURE' ? [wuhan, yichang] : (UNITS_BY_PARENT[parentCode ?? ''] ?? []);
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
];
const usersPage = { data: { users: { __typename: 'UserPage', totalCount: 4, nodes: users } } };

const systemAdmin = currentUser({ id: 'me', role: 'SYSTEM_ADMIN' });
const securityAdmin = currentUser({ id: 'me', role: 'SECURITY_ADMIN' });

let restoreFetch: () => void = () => undefined;
afterEach(() => restoreFetch());
beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

function stub(answers: Parameters<typeof stubGraphQLOperations>[0]) {
  const result = stubGraphQLOperations({
    Users: usersPage,
    AdminUnits: adminUnitsAnswer,
    Departments: departmentsAnswer,
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
    expect(screen.getByText('共 4 个用户')).toBeTruthy();
    expect(requestsOf('Users')[0].variables).toEqual({
      filter: {},
      page: { first: 20, offset: 0 },
    });
  });

  it('filters by search text, role and state, starting again at the first page', async () => {
    const { requestsOf } = stub({});
    renderWithUser(<UserAdminPage />, systemAdmin);
    await screen.findByText('wangwu');

    const search = screen.getByRole('searchbox', { name: '搜索用户名或姓名' });
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
    expect(await screen.findByText('已解除用户 sunqi 的锁定')).toBeTruthy();
    await waitFor(() => expect(within(rowOf('sunqi')).queryByText(/已锁定至/)).toBeNull());
    await waitFor(() => expect(requestsOf('Users')).toHaveLength(2));
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
    expect(shown.getByText('用户 lisi 的临时密码：')).toBeTruthy();
    expect(shown.getByRole('button', { name: /复制|Copy/ })).toBeTruthy();
    expect(requestsOf('CreateUser')[0].variables).toEqual({
      input: { username: 'lisi', displayName: '李四' },
    });
    // The list is asked again after the change.
    await waitFor(() => expect(requestsOf('Users')).toHaveLength(2));

    fireEvent.click(shown.getByRole('button', { name: '我已记下，关闭' }));
    await waitFor(() => expect(screen.queryByText('Tmp-7xQ2-pL9s')).toBeNull());
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
    expect(confirm.getByText(/确定要重置用户 wangwu 的密码吗/)).toBeTruthy();
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
    const form = within(await findDialog('停用用户 wangwu'));
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
    async function openBindRole(username: string) {
      const result = stub({
        BindUserRole: ({ variables }: GraphQLRequest) => ({
          data: { bindUserRole: { ...users[0], role: (variables.input as { role: string }).role } },
        }),
      });
      renderWithUser(<UserAdminPage />, securityAdmin);
      await screen.findByText(username);
      fireEvent.click(
        within(rowOf(username)).getByRole('button', { name: `分配角色 ${username}` }),
      );
      const form = within(await findDialog(`分配角色：${username}`));
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

    it('needs a prefecture for a prefecture supervisor and none for a provincial one', async () => {
      const { form, requestsOf } = await openBindRole('zhaoliu');

      await chooseOption(form.getByLabelText('角色'), '市州督导');
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));
      expect(await form.findByText('请选择市州')).toBeTruthy();

      await chooseOption(form.getByLabelText('角色'), '省级督导');
      expect(form.queryByLabelText('市州')).toBeNull();
      expect(form.getByText('该角色不限定单位和部门。')).toBeTruthy();
      fireEvent.click(form.getByRole('button', { name: /保\s*存/ }));

      await waitFor(() => expect(requestsOf('BindUserRole')).toHaveLength(1));
      expect(requestsOf('BindUserRole')[0].variables).toEqual({
        input: { userId: 'u-2', role: 'PROVINCIAL_SUPERVISOR' },
      });
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
});
