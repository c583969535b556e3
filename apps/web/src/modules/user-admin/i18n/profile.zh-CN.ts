/** Name, office (单位/科室) and phone of an account. */
export const userAdminProfileZh = {
  office: '单位/科室',
  officeHint: '显示在姓名之后，如：恩施州市场监督管理局质量发展科',
  officeTooLong: '单位/科室不能超过 100 个字',
  phone: '联系电话',
  phoneHint: '选填，如 0718-8221234 或 13800000000，分机写作“转123”',
  phoneInvalid: '电话号码格式不正确',
  action: '编辑资料',
  title: '编辑资料：{{username}}',
  submit: '保存',
  done: '已保存 {{name}} 的资料',
  displayNameTooLong: '姓名不能超过 100 个字',
};
