/**
 * Texts of the dual-controlled password reset of privileged accounts, under
 * `userAdmin.resetRequests`.
 */
export const userAdminResetRequestsZh = {
  action: '申请重置',
  request: {
    title: '申请重置密码：{{username}}',
    intro:
      '{{username}} 是特权账户（{{role}}），其密码须经安全管理员审批后才能重置。审批人不能是申请人或该账户本人；批准后临时密码只向审批人显示一次，申请人看不到。申请 24 小时内未审批即失效。',
    reason: '申请原因',
    reasonRequired: '请填写申请原因',
    reasonPlaceholder: '如：本人忘记密码，已电话核实身份',
    submit: '提交申请',
    done: '已提交 {{username}} 的密码重置申请，等待安全管理员审批',
  },
  list: {
    title: '待审批的密码重置申请',
    intro:
      '特权账户（管理员、督导、审计评估人员）的密码重置须由申请人和该账户本人以外的安全管理员审批。',
    columns: {
      account: '账户',
      role: '角色',
      reason: '申请原因',
      requestedBy: '申请人',
      requestedAt: '申请时间',
      expiresAt: '失效时间',
      actions: '操作',
    },
    approve: '批准',
    reject: '驳回',
    awaitingApproval: '待安全管理员审批',
    awaitingOther: '须由其他安全管理员审批',
  },
  approve: {
    confirmTitle: '批准密码重置',
    confirmContent:
      '确定批准重置 {{username}} 的密码吗？其原密码和所有会话将立即失效；临时密码只向您显示一次，该账户登录后须先修改密码。',
    ok: '批准并重置',
  },
  reject: {
    title: '驳回密码重置申请：{{username}}',
    reason: '驳回原因',
    reasonRequired: '请填写驳回原因',
    submit: '驳回',
    done: '已驳回 {{username}} 的密码重置申请',
  },
};
