/** Single sign-on (统一身份认证, OIDC): the sign-in button, its refusals, the unbound-account page. */
export const singleSignOnZh = {
  button: '统一身份认证登录',
  divider: '或使用账户密码登录',
  breakGlassNotice: '本系统已启用统一身份认证，账户密码登录仅限应急管理员账户使用。',
  errors: {
    OIDC_NOT_CONFIGURED: '本系统未配置统一身份认证，请使用账户密码登录。',
    OIDC_PROVIDER_UNAVAILABLE:
      '统一身份认证服务暂时无法访问，请稍后再试；如持续出现请联系系统管理员。',
    OIDC_STATE_INVALID: '登录请求已过期或无效，请重新点击“统一身份认证登录”。',
    OIDC_PROVIDER_REFUSED: '统一身份认证未完成（已取消或被拒绝），请重新登录。',
    OIDC_TOKEN_INVALID: '未能验证统一身份认证的登录结果，请重新登录；如仍失败请联系系统管理员。',
    OIDC_CLAIM_MISSING: '统一身份认证未提供用于匹配本系统账户的身份信息，请联系系统管理员。',
    OIDC_ACCOUNT_NOT_FOUND: '您的统一身份认证账户尚未在本系统开通，请联系安全管理员。',
    OIDC_ACCOUNT_DISABLED: '您的账户已被停用，请联系系统管理员。',
    OIDC_PROVISION_FAILED: '未能为您开通本系统账户，请联系安全管理员。',
    unknown: '统一身份认证登录失败（{{code}}），请重新登录或联系系统管理员。',
  },
  noRole: {
    title: '尚未分配角色',
    intro:
      '您已成功登录，但安全管理员尚未为您的账户分配角色和管辖范围，因此暂时不能查看或办理任何业务数据。',
    whatToDo: '请联系本单位的安全管理员，告知以下账户信息，请其为您绑定角色：',
    name: '姓名',
    account: '账户',
    afterBinding: '分配角色后，请重新登录。',
    signOut: '退出登录',
  },
};
