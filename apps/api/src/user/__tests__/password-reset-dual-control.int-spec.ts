import { DataSource } from 'typeorm';
import { ManualClock } from '../../auth/clock';
import { SignedInClient, startTestApi, TestApi } from '../../testing/test-api';
import { DEMO_PASSWORD } from '../demo-accounts';

/**
 * Issue 15, finding 1: one system administrator reset the security administrator's password,
 * signed in as it, bound a shadow account PROVINCIAL_SUPERVISOR and read every task. Privileged
 * accounts are now reset under dual control, and administrator and business roles do not
 * cross in a role change. Through the API over HTTP, against real PostgreSQL.
 */
const HOUR = 60 * 60_000;

const ME = `{ me { username role mustChangePassword } }`;
const RESET = `mutation($id: ID!) { resetUserPassword(userId: $id) { temporaryPassword } }`;
const REQUEST_FIELDS = `id status reason requestedBy requestedAt expiresAt decidedBy decidedAt decisionReason canDecide target { username role }`;
const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { ${REQUEST_FIELDS} } }`;
const APPROVE = `mutation($id: ID!) { approvePasswordReset(requestId: $id) { temporaryPassword user { username mustChangePassword } request { ${REQUEST_FIELDS} } } }`;
const REJECT = `mutation($input: RejectPasswordResetInput!) { rejectPasswordReset(input: $input) { ${REQUEST_FIELDS} } }`;
const LIST = `query($status: PasswordResetRequestStatus) { passwordResetRequests(filter: { status: $status }) { totalCount nodes { ${REQUEST_FIELDS} } } }`;
const BIND = `mutation($input: BindRoleInput!) { bindUserRole(input: $input) { username role } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { mustChangePassword } }`;

interface ResetRequest {
  id: string;
  status: string;
  reason: string;
  requestedBy: string;
  expiresAt: string;
  decidedBy: string | null;
  decisionReason: string | null;
  canDecide: boolean;
  target: { username: string; role: string };
}

describe('password resets of privileged accounts need a second person (dual control)', () => {
  const clock = new ManualClock(new Date('2026-12-01T01:00:00Z'));
  let api: TestApi;
  let db: DataSource;
  let sys: SignedInClient;
  let sec: SignedInClient;
  /** A second security administrator: the one who may approve what `secadmin` cannot. */
  let secB: SignedInClient;
  const ids: Record<string, string> = {};
  let secadminRequestId: string;
  let auditadminRequestId: string;

  const errorOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
    code: res.errors?.[0]?.extensions?.code,
    reason: (res.errors?.[0]?.extensions?.details as { reason?: string } | undefined)?.reason,
  });
  const signInRaw = (username: string, password: string) =>
    api.graphql<{ signIn: { token: string } }>(
      `mutation($input: SignInInput!) { signIn(input: $input) { token } }`,
      { input: { username, password } },
    );
  const roleOf = async (username: string) =>
    (await db.query(`SELECT role FROM app_user WHERE username = $1`, [username]))[0].role;

  /**
   * A new privileged account's first password: requested by the system administrator, approved
   * by `secadmin` (who alone sees the temporary password), changed by its holder. The request
   * is decided here, so it is not pending in the tests below.
   */
  const firstPasswordByDualControl = async (username: string, password: string) => {
    const asked = await sys.graphql<{ requestPasswordReset: ResetRequest }>(REQUEST, {
      input: { userId: ids[username], reason: '新建特权账户，首次设置密码' },
    });
    expect(asked.errors).toBeUndefined();
    const approved = await sec.graphql<{
      approvePasswordReset: { temporaryPassword: string };
    }>(APPROVE, { id: asked.data!.requestPasswordReset.id });
    const temporary = approved.data!.approvePasswordReset.temporaryPassword;
    const first = await api.signIn(username, temporary);
    await first.graphql(CHANGE, { input: { currentPassword: temporary, newPassword: password } });
    return api.signIn(username, password);
  };

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    db = api.server.app.get(DataSource);
    for (const row of await db.query(`SELECT id, username FROM app_user`)) {
      ids[row.username] = row.id;
    }
    sys = await api.signIn('sysadmin');
    sec = await api.signIn('secadmin');
    // A second security administrator, made the only way there is: created by the system
    // administrator without a role and bound by `secadmin`, which withdraws the password the
    // system administrator saw; a dual-control reset gives its holder a first password.
    const created = await sys.graphql<{
      createUser: { user: { id: string }; temporaryPassword: string };
    }>(
      `mutation { createUser(input: { username: "secadmin.b", displayName: "安全管理员乙" }) { user { id } temporaryPassword } }`,
    );
    const { user, temporaryPassword } = created.data!.createUser;
    ids['secadmin.b'] = user.id;
    const bound = await sec.graphql(BIND, { input: { userId: user.id, role: 'SECURITY_ADMIN' } });
    expect(bound.errors).toBeUndefined();
    expect((await signInRaw('secadmin.b', temporaryPassword)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    secB = await firstPasswordByDualControl('secadmin.b', 'Anquan#Guanli2027');
  });
  afterAll(() => api?.close());

  it('gives a system administrator who resets the security administrator no password, only a pending request', async () => {
    const direct = await sys.graphql(RESET, { id: ids.secadmin });
    expect(direct.data).toBeNull();
    expect(errorOf(direct)).toEqual({ code: 'FORBIDDEN', reason: 'DUAL_CONTROL_REQUIRED' });
    expect(direct.errors?.[0]?.message).toContain('请提交重置申请');

    const noReason = await sys.graphql(REQUEST, { input: { userId: ids.secadmin, reason: '  ' } });
    expect(errorOf(noReason).code).toBe('VALIDATION_FAILED');

    const requested = await sys.graphql<{ requestPasswordReset: ResetRequest }>(REQUEST, {
      input: { userId: ids.secadmin, reason: '本人忘记密码，已电话核实身份' },
    });
    expect(requested.errors).toBeUndefined();
    const request = requested.data!.requestPasswordReset;
    secadminRequestId = request.id;
    expect(request).toMatchObject({
      status: 'PENDING',
      reason: '本人忘记密码，已电话核实身份',
      requestedBy: 'sysadmin',
      decidedBy: null,
      canDecide: false,
      target: { username: 'secadmin', role: 'SECURITY_ADMIN' },
      expiresAt: new Date(clock.now().getTime() + 24 * HOUR).toISOString(),
    });
    // Nothing changed for the account: its password and session still work.
    expect((await sec.graphql(ME)).data?.me).toMatchObject({ username: 'secadmin' });
    expect((await signInRaw('secadmin', DEMO_PASSWORD)).errors).toBeUndefined();

    const again = await sys.graphql(REQUEST, { input: { userId: ids.secadmin, reason: '再次' } });
    expect(errorOf(again)).toEqual({ code: 'CONFLICT', reason: 'RESET_ALREADY_REQUESTED' });
  });

  it('has no field through which a request could carry a password', async () => {
    const res = await api.graphql<{ __type: { fields: Array<{ name: string }> } }>(
      `{ __type(name: "PasswordResetRequest") { fields { name } } }`,
    );
    const names = res.data!.__type.fields.map((f) => f.name);
    expect(names).toContain('reason');
    expect(names.filter((n) => /password/i.test(n))).toEqual([]);
  });

  it('lets neither the requester, nor the account itself, nor the requester’s role approve', async () => {
    const bySys = await sys.graphql(APPROVE, { id: secadminRequestId });
    expect(errorOf(bySys).code).toBe('FORBIDDEN'); // only security administrators decide

    const byTarget = await sec.graphql(APPROVE, { id: secadminRequestId });
    expect(errorOf(byTarget)).toEqual({ code: 'FORBIDDEN', reason: 'OWN_ACCOUNT' });

    // A security administrator may ask too, but never decide their own request.
    clock.advance(60_000);
    const asked = await secB.graphql<{ requestPasswordReset: ResetRequest }>(REQUEST, {
      input: { userId: ids.auditadmin, reason: '审计管理员调岗交接' },
    });
    auditadminRequestId = asked.data!.requestPasswordReset.id;
    expect(asked.data!.requestPasswordReset.canDecide).toBe(false);
    const ownRequest = await secB.graphql(APPROVE, { id: auditadminRequestId });
    expect(errorOf(ownRequest)).toEqual({ code: 'FORBIDDEN', reason: 'OWN_REQUEST' });
    const ownReject = await secB.graphql(REJECT, {
      input: { requestId: auditadminRequestId, reason: '撤回' },
    });
    expect(errorOf(ownReject)).toEqual({ code: 'FORBIDDEN', reason: 'OWN_REQUEST' });

    // Both requests are still pending, and each security administrator sees who may decide.
    const seenBySec = await sec.graphql<{ passwordResetRequests: { nodes: ResetRequest[] } }>(
      LIST,
      { status: 'PENDING' },
    );
    expect(
      seenBySec.data!.passwordResetRequests.nodes.map((r) => [r.target.username, r.canDecide]),
    ).toEqual([
      ['auditadmin', true],
      ['secadmin', false],
    ]);
    // The system administrator sees only the requests they made (pending: secadmin.b's first
    // password was decided when it was made).
    const seenBySys = await sys.graphql<{ passwordResetRequests: { nodes: ResetRequest[] } }>(
      LIST,
      { status: 'PENDING' },
    );
    expect(seenBySys.data!.passwordResetRequests.nodes.map((r) => r.target.username)).toEqual([
      'secadmin',
    ]);
  });

  it('shows the temporary password to the approving security administrator only, ends the account’s sessions and forces a change', async () => {
    const approved = await secB.graphql<{
      approvePasswordReset: {
        temporaryPassword: string;
        user: { username: string; mustChangePassword: boolean };
        request: ResetRequest;
      };
    }>(APPROVE, { id: secadminRequestId });
    expect(approved.errors).toBeUndefined();
    const { temporaryPassword, user, request } = approved.data!.approvePasswordReset;
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(user).toEqual({ username: 'secadmin', mustChangePassword: true });
    expect(request).toMatchObject({ status: 'APPROVED', decidedBy: 'secadmin.b' });

    // The account's session ended; the old password no longer works; the new one must be changed.
    expect((await sec.graphql(ME)).data).toEqual({ me: null });
    expect(errorOf(await signInRaw('secadmin', DEMO_PASSWORD)).code).toBe('UNAUTHENTICATED');
    const holder = await api.signIn('secadmin', temporaryPassword);
    expect((await holder.graphql(ME)).data?.me).toMatchObject({ mustChangePassword: true });
    expect(errorOf(await holder.graphql(`{ users { totalCount } }`)).code).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );

    // The requester sees the outcome, never the password.
    const seenBySys = await sys.graphql<{ passwordResetRequests: { nodes: ResetRequest[] } }>(LIST);
    expect(JSON.stringify(seenBySys)).not.toContain(temporaryPassword);
    expect(
      seenBySys.data!.passwordResetRequests.nodes.filter((n) => n.target.username === 'secadmin'),
    ).toMatchObject([{ status: 'APPROVED', decidedBy: 'secadmin.b' }]);
    // Approved once: a second approval is a conflict, and no second password exists.
    const twice = await secB.graphql(APPROVE, { id: secadminRequestId });
    expect(errorOf(twice)).toEqual({ code: 'CONFLICT', reason: 'REQUEST_NOT_PENDING' });

    await holder.graphql(CHANGE, {
      input: { currentPassword: temporaryPassword, newPassword: 'Anquan#Benren2027' },
    });
    sec = await api.signIn('secadmin', 'Anquan#Benren2027');
    expect((await sec.graphql(ME)).data?.me).toMatchObject({ mustChangePassword: false });
  });

  it('rejects a request with a reason, leaving the password as it was', async () => {
    const noReason = await sec.graphql(REJECT, {
      input: { requestId: auditadminRequestId, reason: ' ' },
    });
    expect(errorOf(noReason).code).toBe('VALIDATION_FAILED');
    const rejected = await sec.graphql<{ rejectPasswordReset: ResetRequest }>(REJECT, {
      input: { requestId: auditadminRequestId, reason: '未见本人书面申请' },
    });
    expect(rejected.data?.rejectPasswordReset).toMatchObject({
      status: 'REJECTED',
      decidedBy: 'secadmin',
      decisionReason: '未见本人书面申请',
      canDecide: false,
    });
    const late = await sec.graphql(APPROVE, { id: auditadminRequestId });
    expect(errorOf(late)).toEqual({ code: 'CONFLICT', reason: 'REQUEST_NOT_PENDING' });
    expect((await signInRaw('auditadmin', DEMO_PASSWORD)).errors).toBeUndefined();
  });

  it.each([
    ['auditadmin', 'PROVINCIAL_SUPERVISOR', 'ADMIN_ACCOUNT_ROLE_FIXED'],
    ['sysadmin', 'SECURITY_ADMIN', 'ADMIN_ACCOUNT_ROLE_FIXED'],
    ['secadmin.b', 'AUDITOR', 'ADMIN_ACCOUNT_ROLE_FIXED'],
    ['province', 'SYSTEM_ADMIN', 'BUSINESS_ACCOUNT_TO_ADMIN'],
    ['auditor', 'AUDIT_ADMIN', 'BUSINESS_ACCOUNT_TO_ADMIN'],
  ])('refuses rebinding %s to %s (%s), whoever asks', async (username, role, rule) => {
    const before = await roleOf(username);
    const bySys = await sys.graphql(BIND, { input: { userId: ids[username], role } });
    expect(errorOf(bySys).code).toBe('FORBIDDEN'); // role binding is not the system administrator's
    const bySec = await sec.graphql(BIND, { input: { userId: ids[username], role } });
    expect(bySec.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ROLE_SEPARATION', rule },
    });
    expect(bySec.errors?.[0]?.message).toContain('三权分立');
    expect(await roleOf(username)).toBe(before);
  });

  it('keeps direct resets of county operators for the system administrator', async () => {
    const reset = await sys.graphql<{ resetUserPassword: { temporaryPassword: string } }>(RESET, {
      id: ids['jiangan-scjg'],
    });
    expect(reset.errors).toBeUndefined();
    const operator = await api.signIn(
      'jiangan-scjg',
      reset.data!.resetUserPassword.temporaryPassword,
    );
    expect((await operator.graphql(ME)).data?.me).toMatchObject({ mustChangePassword: true });

    const needless = await sys.graphql(REQUEST, {
      input: { userId: ids['jiangan-scjg'], reason: '无须审批' },
    });
    expect(errorOf(needless)).toEqual({ code: 'VALIDATION_FAILED', reason: 'NOT_PRIVILEGED' });
  });

  it('lets an undecided request lapse after 24 hours; it can then no longer be approved', async () => {
    const asked = await sys.graphql<{ requestPasswordReset: ResetRequest }>(REQUEST, {
      input: { userId: ids.province, reason: '省级督导更换手机后无法登录' },
    });
    const { id } = asked.data!.requestPasswordReset;
    clock.advance(24 * HOUR);
    // Sessions end after 8 hours: both administrators sign in again a day later.
    sys = await api.signIn('sysadmin');
    secB = await api.signIn('secadmin.b', 'Anquan#Guanli2027');

    const late = await secB.graphql(APPROVE, { id });
    expect(late.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'REQUEST_NOT_PENDING', status: 'EXPIRED' },
    });
    expect(late.errors?.[0]?.message).toContain('已失效');
    const pending = await secB.graphql<{ passwordResetRequests: { totalCount: number } }>(LIST, {
      status: 'PENDING',
    });
    expect(pending.data!.passwordResetRequests.totalCount).toBe(0);
    expect((await signInRaw('province', DEMO_PASSWORD)).errors).toBeUndefined();
    // A new request may be made once the old one has lapsed.
    const renewed = await sys.graphql(REQUEST, {
      input: { userId: ids.province, reason: '重新申请' },
    });
    expect(renewed.errors).toBeUndefined();
  });

  it('keeps requester, approver and account three people in the database too', async () => {
    await expect(
      db.query(
        `UPDATE password_reset_request
            SET status = 'approved', decided_at = now(), decided_by_id = requested_by_id
          WHERE status = 'pending'`,
      ),
    ).rejects.toThrow(/CHK_password_reset_request_people/);
    await expect(
      db.query(
        `INSERT INTO password_reset_request (target_user_id, reason, requested_by_id, requested_by, requested_at, expires_at)
         VALUES ($1, 'self', $1, 'province', now(), now() + interval '1 day')`,
        [ids.province],
      ),
    ).rejects.toThrow(/CHK_password_reset_request_people/);
  });

  it('withdraws the password and second factor of an account that becomes privileged: its creator cannot keep it', async () => {
    // The clock has moved a day since: fresh sessions for both administrators.
    sys = await api.signIn('sysadmin');
    sec = await api.signIn('secadmin', 'Anquan#Benren2027');
    // The system administrator creates an account, signs in as it, sets its password and
    // enrols nothing yet; the security administrator then binds it to a supervisor role.
    const created = await sys.graphql<{
      createUser: { user: { id: string }; temporaryPassword: string };
    }>(
      `mutation { createUser(input: { username: "shadow", displayName: "影子账户" }) { user { id } temporaryPassword } }`,
    );
    const { user, temporaryPassword } = created.data!.createUser;
    ids.shadow = user.id;
    const asCreator = await api.signIn('shadow', temporaryPassword);
    await asCreator.graphql(CHANGE, {
      input: { currentPassword: temporaryPassword, newPassword: 'Yingzi#Mima2027x' },
    });
    const held = await api.signIn('shadow', 'Yingzi#Mima2027x');
    expect((await held.graphql(ME)).data?.me).toMatchObject({ username: 'shadow' });

    const bound = await sec.graphql(BIND, {
      input: { userId: user.id, role: 'PROVINCIAL_SUPERVISOR' },
    });
    expect(bound.errors).toBeUndefined();
    // The creator's session and password are gone; only a dual-control reset opens the account.
    expect((await held.graphql(ME)).data).toEqual({ me: null });
    expect(errorOf(await signInRaw('shadow', 'Yingzi#Mima2027x')).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await sys.graphql(RESET, { id: user.id }))).toEqual({
      code: 'FORBIDDEN',
      reason: 'DUAL_CONTROL_REQUIRED',
    });
    const [row] = await db.query(
      `SELECT must_change_password, totp_enabled FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(row).toEqual({ must_change_password: true, totp_enabled: false });
    const [audit] = await db.query(
      `SELECT detail -> 'credentialsWithdrawn' AS withdrawn FROM security_audit_log
        WHERE action = 'ROLE_BOUND' AND target = 'user:shadow' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.withdrawn).toBe(true);
    // A change among privileged roles keeps the credentials the holder set.
    await firstPasswordByDualControl('shadow', 'Yingzi#Benren2027y');
    await sec.graphql(BIND, { input: { userId: user.id, role: 'AUDITOR' } });
    expect((await signInRaw('shadow', 'Yingzi#Benren2027y')).errors).toBeUndefined();
  });

  it('records every step, and every refusal, in the security audit log', async () => {
    const rows: Array<{
      action: string;
      result: string;
      actor_username: string | null;
      target: string;
      reason: string | null;
    }> = await db.query(
      `SELECT action, result, actor_username, target, detail ->> 'reason' AS reason
         FROM security_audit_log
        WHERE action LIKE 'PASSWORD_RESET%' OR (action = 'ROLE_BOUND' AND result = 'denied')
        ORDER BY id`,
    );
    const steps = rows.map((r) =>
      [r.action, r.result, r.actor_username ?? '(system)', r.target, r.reason ?? ''].join(' '),
    );
    expect(steps).toEqual([
      // secadmin.b's first password (its credentials were withdrawn when it became privileged).
      'PASSWORD_RESET_REQUESTED success sysadmin user:secadmin.b 新建特权账户，首次设置密码',
      'PASSWORD_RESET_APPROVED success secadmin user:secadmin.b 新建特权账户，首次设置密码',
      'PASSWORD_RESET denied sysadmin user:secadmin dual_control_required',
      'PASSWORD_RESET_REQUESTED success sysadmin user:secadmin 本人忘记密码，已电话核实身份',
      'PASSWORD_RESET_APPROVED denied secadmin user:secadmin own_account',
      'PASSWORD_RESET_REQUESTED success secadmin.b user:auditadmin 审计管理员调岗交接',
      'PASSWORD_RESET_APPROVED denied secadmin.b user:auditadmin own_request',
      'PASSWORD_RESET_REJECTED denied secadmin.b user:auditadmin own_request',
      'PASSWORD_RESET_APPROVED success secadmin.b user:secadmin 本人忘记密码，已电话核实身份',
      'PASSWORD_RESET_REJECTED success secadmin user:auditadmin 未见本人书面申请',
      'ROLE_BOUND denied secadmin user:auditadmin role_separation',
      'ROLE_BOUND denied secadmin user:sysadmin role_separation',
      'ROLE_BOUND denied secadmin user:secadmin.b role_separation',
      'ROLE_BOUND denied secadmin user:province role_separation',
      'ROLE_BOUND denied secadmin user:auditor role_separation',
      'PASSWORD_RESET success sysadmin user:jiangan-scjg ',
      'PASSWORD_RESET_REQUESTED success sysadmin user:province 省级督导更换手机后无法登录',
      'PASSWORD_RESET_EXPIRED failure (system) user:province ',
      'PASSWORD_RESET_REQUESTED success sysadmin user:province 重新申请',
      'PASSWORD_RESET denied sysadmin user:shadow dual_control_required',
      'PASSWORD_RESET_REQUESTED success sysadmin user:shadow 新建特权账户，首次设置密码',
      'PASSWORD_RESET_APPROVED success secadmin user:shadow 新建特权账户，首次设置密码',
    ]);
    // The system administrator's refused approval is audited by the guard, as any denial.
    const guardDenials = await db.query(
      `SELECT target FROM security_audit_log
        WHERE action = 'PERMISSION_DENIED' AND actor_username = 'sysadmin'`,
    );
    expect(guardDenials.map((r: { target: string }) => r.target)).toEqual(
      expect.arrayContaining(['Mutation.approvePasswordReset', 'Mutation.bindUserRole']),
    );
  });
});
