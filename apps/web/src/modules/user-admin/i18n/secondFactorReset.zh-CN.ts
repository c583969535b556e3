/** The security administrator's reset of another account's second factor. */
export const userAdminSecondFactorZh = {
  tag: '双因素',
  action: '重置双因素',
  title: '重置双因素认证：{{username}}',
  intro:
    '将清除该账户的身份验证器绑定和全部恢复码，并立即结束其所有会话。该账户下次登录时须重新绑定（如其角色要求）。此操作记入安全审计日志。',
  reason: '重置原因',
  reasonRequired: '请填写重置原因',
  reasonPlaceholder: '如：手机丢失，恢复码不在身边（已电话核实本人）',
  ok: '确认重置',
  done: '已重置 {{username}} 的双因素认证',
};
