import { defaultErrorMessagesZh } from '@duty/shared/errors';
import { overviewZh } from '../../modules/overview/i18n/zh-CN';
import { workbenchZh } from '../../modules/workbench/i18n/zh-CN';
import { aboutZh } from '../../modules/home/i18n/zh-CN';
import { urgingZh } from '../../modules/urging/i18n/zh-CN';
import { notificationsZh } from '../../modules/notifications/i18n/zh-CN';
import { bulletinsZh } from '../../modules/bulletins/i18n/zh-CN';
import { unitsZh } from '../../modules/units/i18n/zh-CN';
import { tasksZh } from '../../modules/tasks/i18n/zh-CN';
import { taskCommentsZh } from '../../modules/tasks/i18n/comments.zh-CN';
import { notApplicableZh } from '../../modules/tasks/i18n/notApplicable.zh-CN';
import { reviewZh } from '../../modules/review/i18n/zh-CN';
import { searchZh } from '../../modules/search/i18n/zh-CN';
import { evidenceZh } from '../../modules/evidence/i18n/zh-CN';
import { assessmentZh } from '../../modules/assessment/i18n/zh-CN';
import { assessmentHistoryZh } from '../../modules/assessment/i18n/yearOverYear.zh-CN';
import { assessmentReportPdfZh } from '../../modules/assessment/i18n/reportPdf.zh-CN';
import { assessmentStagesZh } from '../../modules/assessment/i18n/stages.zh-CN';
import { assessmentOnsiteZh } from '../../modules/assessment/i18n/onsite.zh-CN';
import { assessmentObjectionsZh } from '../../modules/assessment/i18n/objections.zh-CN';
import { registerZh } from '../../modules/register/i18n/zh-CN';
import { taskLogZh } from '../../modules/task-log/i18n/zh-CN';
import { userAdminResetRequestsZh } from '../../modules/user-admin/i18n/resetRequests.zh-CN';
import { apiTokensZh } from '../../modules/api-tokens/i18n/apiTokens.zh-CN';
import { userAdminSecondFactorZh } from '../../modules/user-admin/i18n/secondFactorReset.zh-CN';
import { userAdminProfileZh } from '../../modules/user-admin/i18n/profile.zh-CN';
import { userAdminSingleSignOnZh } from '../../modules/user-admin/i18n/singleSignOn.zh-CN';
import { secondFactorZh } from '../../modules/auth/i18n/secondFactor.zh-CN';
import { singleSignOnZh } from '../../modules/auth/i18n/singleSignOn.zh-CN';
import { mapZh } from '../../modules/map/i18n/zh-CN';
import { helpZh } from '../../modules/help/i18n/zh-CN';
import { cyclesZh } from '../../modules/cycles/i18n/zh-CN';

/**
 * Chinese (default) texts. This file defines the key structure: every other locale must
 * have exactly these keys (checked by the type `LocaleMessages` and by resources.spec.ts).
 */
export const zhCN = {
  app: {
    productName: '湖北省质量促进条例履职督办系统',
    shortName: '履职督办',
  },
  language: {
    switchLabel: '界面语言',
    zhCN: '中文',
    enUS: 'English',
  },
  nav: {
    mainMenu: '主菜单',
    openMenu: '打开菜单',
    workbench: '工作台',
    about: '关于系统',
    home: '首页',
    users: '用户管理',
    securityAudit: '安全审计日志',
    overview: '总览',
    unit: '单位考核',
    tasks: '任务',
    task: '任务详情',
    review: '审核队列',
    search: '搜索',
    evidence: '佐证材料',
    taskLog: '任务日志',
    assessment: '考核评分',
    register: '职责清单',
    regulations: '法规库',
    bulletins: '情况通报',
    bulletin: '通报详情',
    notifications: '通知中心',
    notificationSettings: '通知设置',
    notificationDeliveries: '通知投递日志',
    help: '帮助',
    myUnit: '本单位考核',
    cycles: '考核年度管理',
    selfAssessment: '考核自评',
    preliminaryReview: '考核初审',
    provincialReview: '省级复核',
    onsiteVerification: '实地核查',
    apiTokens: '机器访问令牌',
  },
  common: {
    officeDocx: 'Word 文档（.docx）',
    officeXlsx: 'Excel 表格（.xlsx）',
    loading: '正在加载…',
    retry: '重试',
    notSet: '未设置',
    cancel: '取消',
    close: '关闭',
    search: '查询',
    reset: '重置',
    unknown: '未知',
    cycle: {
      label: '考核年度',
      option: '{{title}}（{{state}}）',
      optionWithRegulation: '{{title}} · {{regulation}}（{{state}}）',
      open: '进行中',
      closed: '已关闭',
    },
  },
  errors: { ...defaultErrorMessagesZh },
  forms: {
    fieldInvalid: '此项未通过校验',
  },
  errorAlert: {
    code: '错误代码：{{code}}',
  },
  crash: {
    title: '页面出错了',
    description: '页面加载或运行时发生错误。系统可能刚刚更新，请刷新页面后重试。',
    reload: '刷新页面',
  },
  notFound: {
    title: '页面不存在',
    description: '您访问的页面不存在或已被移除。',
    backHome: '返回首页',
  },
  forbidden: {
    title: '无权访问',
    description: '您的角色没有访问此页面的权限。',
    backHome: '返回首页',
  },
  roles: {
    SYSTEM_ADMIN: '系统管理员',
    SECURITY_ADMIN: '安全管理员',
    AUDIT_ADMIN: '审计管理员',
    NATIONAL_SUPERVISOR: '国家级督导',
    PROVINCIAL_SUPERVISOR: '省级督导',
    PREFECTURE_SUPERVISOR: '市州督导',
    COUNTY_OPERATOR: '县级部门经办人',
    AUDITOR: '审计评估人员',
  },
  auth: {
    checking: '正在验证登录状态…',
    signIn: {
      title: '用户登录',
      username: '用户名',
      password: '密码',
      usernameRequired: '请输入用户名',
      passwordRequired: '请输入密码',
      submit: '登录',
      failed: '用户名或密码错误，或账户已被临时锁定。',
      sessionExpired: '会话已过期，请重新登录',
      sessionNotKept: '登录状态未能保持，请确认浏览器允许本站使用 Cookie 后重试。',
      help: '使用帮助与术语表',
      backToSignIn: '返回登录',
    },
    secondFactor: secondFactorZh,
    singleSignOn: singleSignOnZh,
    changePassword: {
      title: '修改密码',
      forcedNotice: '首次登录或密码被重置后，请先修改密码，然后才能使用系统。',
      expiredNotice: '您的密码已超过规定的使用期限，请修改密码后继续使用系统。',
      currentPassword: '当前密码',
      newPassword: '新密码',
      confirmPassword: '确认新密码',
      currentRequired: '请输入当前密码',
      newRequired: '请输入新密码',
      confirmRequired: '请再次输入新密码',
      minLength: '新密码至少需要 {{min}} 个字符',
      mismatch: '两次输入的新密码不一致',
      policyTitle: '密码要求',
      submit: '确认修改',
      success: '密码已修改',
    },
  },
  account: {
    menuLabel: '账户菜单：{{name}}',
    changePassword: '修改密码',
    signOut: '退出登录',
    noRole: '未分配角色',
    signOutFailed: '退出登录失败，请稍后重试。',
  },
  userAdmin: {
    title: '用户管理',
    subtitle: '管理用户账户、角色分配与账户状态。',
    searchPlaceholder: '搜索用户名、姓名或单位',
    roleFilter: '按角色筛选',
    stateFilter: '按状态筛选',
    allRoles: '全部角色',
    allStates: '全部状态',
    enabledOnly: '正常',
    disabledOnly: '已停用',
    total: '共 {{count}} 个用户',
    neverSignedIn: '从未登录',
    columns: {
      username: '用户名',
      displayName: '姓名',
      role: '角色',
      unit: '单位/部门',
      state: '状态',
      lastSignIn: '最近登录',
      actions: '操作',
    },
    state: {
      normal: '正常',
      disabled: '已停用',
      lockedUntil: '已锁定至 {{time}}',
      mustChangePassword: '需修改密码',
    },
    actions: {
      create: '新建用户',
      resetPassword: '重置密码',
      disable: '停用',
      enable: '启用',
      bindRole: '分配角色',
      unlock: '解除锁定',
    },
    create: {
      title: '新建用户',
      username: '用户名',
      displayName: '姓名',
      usernameRequired: '请输入用户名',
      usernameHint: '3–64 位小写字母、数字、点、下划线或连字符',
      displayNameRequired: '请输入姓名',
      submit: '创建',
    },
    temporaryPassword: {
      createdTitle: '用户已创建',
      resetTitle: '密码已重置',
      forUser: '用户 {{username}} 的临时密码：',
      warning:
        '临时密码只显示这一次，关闭后无法再次查看。请立即复制，并通过安全渠道交给用户；用户登录后须先修改密码。',
      done: '我已记下，关闭',
    },
    resetPassword: {
      confirmTitle: '重置密码',
      confirmContent: '确定要重置用户 {{username}} 的密码吗？其原密码将立即失效。',
      ok: '重置密码',
    },
    setDisabled: {
      disableTitle: '停用用户 {{username}}',
      enableTitle: '启用用户 {{username}}',
      reason: '原因',
      reasonRequired: '请填写停用原因',
      disableOk: '停用',
      enableOk: '启用',
      disabled: '已停用用户 {{username}}',
      enabled: '已启用用户 {{username}}',
    },
    unlock: {
      confirmTitle: '解除锁定',
      confirmContent: '确定要解除用户 {{username}} 的登录锁定吗？',
      ok: '解除锁定',
      done: '已解除用户 {{username}} 的锁定',
    },
    bindRole: {
      title: '分配角色：{{username}}',
      role: '角色',
      roleRequired: '请选择角色',
      prefecture: '市州',
      prefectureRequired: '请选择市州',
      province: '省份',
      provinceRequired: '请选择省份',
      auditorUnit: '省份或市州',
      auditorUnitHelp: '不选择则为全国，或下方指定的省份',
      scopeProvinces: '省份范围',
      scopeProvincesHelp: '不选择则为全国',
      wholeCountry: '全国',
      county: '县（市、区）',
      countyRequired: '请选择县（市、区）',
      department: '部门',
      departmentRequired: '请选择部门',
      directlyAdministered: '省直管',
      noScope: '该角色不限定单位和部门。',
      submit: '保存',
      done: '已为用户 {{username}} 分配角色',
      credentialsWithdrawn:
        '该账户将成为特权账户：保存后其现有密码和双因素认证作废，登录会话随即结束。请由系统管理员提交密码重置申请，经安全管理员审批后，将临时密码交给本人。',
    },
    resetRequests: userAdminResetRequestsZh,
    secondFactor: userAdminSecondFactorZh,
    profile: userAdminProfileZh,
    singleSignOn: userAdminSingleSignOnZh,
  },
  apiTokens: apiTokensZh,
  securityAudit: {
    title: '安全审计日志',
    subtitle: '登录、账户与权限管理等安全相关操作的记录，时间为北京时间。',
    total: '共 {{count}} 条记录',
    filters: {
      action: '操作',
      result: '结果',
      actor: '人员',
      actorPlaceholder: '姓名或用户名',
      dateRange: '日期范围',
      allActions: '全部操作',
      allResults: '全部结果',
    },
    actions: {
      SIGN_IN: '登录',
      SIGN_OUT: '退出登录',
      ACCOUNT_LOCKED: '账户锁定',
      SESSION_EXPIRED: '会话过期',
      PERMISSION_DENIED: '越权访问被拒绝',
      PASSWORD_CHANGED: '修改密码',
      PASSWORD_RESET: '重置密码',
      PASSWORD_RESET_REQUESTED: '申请重置密码',
      PASSWORD_RESET_APPROVED: '批准重置密码',
      PASSWORD_RESET_REJECTED: '驳回重置密码',
      PASSWORD_RESET_EXPIRED: '重置申请失效',
      SECOND_FACTOR_VERIFIED: '双因素验证',
      SECOND_FACTOR_ENROL_STARTED: '开始绑定身份验证器',
      SECOND_FACTOR_ENROLLED: '启用双因素认证',
      SECOND_FACTOR_DISABLED: '停用双因素认证',
      RECOVERY_CODES_REGENERATED: '重新生成恢复码',
      SECOND_FACTOR_RESET: '重置双因素认证',
      USER_CREATED: '新建用户',
      USER_DISABLED: '停用用户',
      USER_ENABLED: '启用用户',
      ROLE_BOUND: '分配角色',
      USER_UNLOCKED: '解除锁定',
      USER_PROFILE_UPDATED: '修改用户资料',
      EVIDENCE_PACK_DOWNLOADED: '下载佐证材料包',
      EVIDENCE_CORRUPTION_DETECTED: '发现佐证材料损坏',
      EVIDENCE_INTEGRITY_RESTORED: '佐证材料恢复完好',
      REPORT_DOWNLOADED: '下载考核报表',
      API_TOKEN_ISSUED: '签发 API 令牌',
      API_TOKEN_REVOKED: '吊销 API 令牌',
      API_TOKEN_USED: '使用 API 令牌访问',
      OIDC_SIGN_IN: '统一身份认证登录',
      USER_PROVISIONED: '统一身份认证开通账户',
      PASSWORD_SIGN_IN_REFUSED: '拒绝本地密码登录',
      EXTERNAL_IDENTITY_CHANGED: '修改统一身份标识或应急账户',
    },
    results: {
      success: '成功',
      failure: '失败',
      denied: '拒绝',
    },
    columns: {
      occurredAt: '时间',
      actor: '用户',
      action: '操作',
      target: '对象',
      result: '结果',
      ip: 'IP 地址',
    },
    detail: '详情',
    targetKinds: {
      USER: '用户',
      SESSION: '会话',
      CYCLE: '考核年度',
      UNIT: '单位',
      TASK: '任务',
      BULLETIN: '情况通报',
      EVIDENCE: '佐证材料',
      OTHER: '其他',
    },
    sessionHint: '会话编号 {{id}}',
    actionCodeHint: '事件代码 {{code}}',
    usernameHint: '用户名 {{username}}',
    anonymous: '（未登录）',
  },
  home: {
    title: '首页',
    subtitle: '依据《湖北省质量促进条例》，对法定职责的履行情况进行跟踪督办。',
    systemInfo: {
      title: '系统信息',
      productName: '产品名称',
      version: '系统版本',
      databaseServerVersion: '数据库服务器版本',
      databaseMode: '数据库模式',
      appliedMigrations: '已执行的数据库迁移',
      demoDataLoadedAt: '演示数据加载时间',
      demoDataNotLoaded: '未加载演示数据',
      databaseModes: {
        EMBEDDED: '内置数据库',
        EXTERNAL: '外部数据库',
      },
    },
  },
  workbench: workbenchZh,
  about: aboutZh,
  overview: overviewZh,
  units: unitsZh,
  tasks: tasksZh,
  taskComments: taskCommentsZh,
  notApplicable: notApplicableZh,
  review: reviewZh,
  search: searchZh,
  evidence: evidenceZh,
  assessment: assessmentZh,
  assessmentHistory: assessmentHistoryZh,
  assessmentReportPdf: assessmentReportPdfZh,
  assessmentStages: assessmentStagesZh,
  assessmentOnsite: assessmentOnsiteZh,
  assessmentObjections: assessmentObjectionsZh,
  register: registerZh,
  taskLog: taskLogZh,
  urging: urgingZh,
  notifications: notificationsZh,
  bulletins: bulletinsZh,
  map: mapZh,
  help: helpZh,
  cycles: cyclesZh,
};

/** The key structure of the texts with a string at every leaf. */
export type LocaleMessages<T = typeof zhCN> = {
  [K in keyof T]: T[K] extends string ? string : LocaleMessages<T[K]>;
};
