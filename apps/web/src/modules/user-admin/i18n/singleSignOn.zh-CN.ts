/** The security administrator binds an account to the province's identity service (统一身份认证). */
export const userAdminSingleSignOnZh = {
  action: '统一身份',
  title: '统一身份认证：{{username}}',
  intro:
    '填写统一身份认证平台为此人提供的标识（按部署配置的声明匹配，如工号或身份证号）。登录时按此标识找到本账户；角色和管辖范围仍由安全管理员在本系统绑定。',
  subject: '统一身份标识',
  subjectHint: '留空表示解除绑定；更改或解除后，此账户当前的所有会话将被注销。',
  subjectTooLong: '统一身份标识不能超过 255 个字符',
  breakGlass: '应急账户',
  breakGlassHint:
    '仅用于管理员账户：当系统只允许统一身份认证登录时，应急账户仍可用密码登录（统一身份认证不可用时使用）。',
  submit: '保存',
  done: '已保存 {{username}} 的统一身份设置',
  tag: '应急账户',
  boundTo: '统一身份：{{subject}}',
};
