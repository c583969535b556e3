import type { LocaleMessages } from './zh-CN';
import { overviewEn } from '../../modules/overview/i18n/en-US';
import { workbenchEn } from '../../modules/workbench/i18n/en-US';
import { aboutEn } from '../../modules/home/i18n/en-US';
import { urgingEn } from '../../modules/urging/i18n/en-US';
import { notificationsEn } from '../../modules/notifications/i18n/en-US';
import { bulletinsEn } from '../../modules/bulletins/i18n/en-US';
import { unitsEn } from '../../modules/units/i18n/en-US';
import { tasksEn } from '../../modules/tasks/i18n/en-US';
import { taskCommentsEn } from '../../modules/tasks/i18n/comments.en-US';
import { notApplicableEn } from '../../modules/tasks/i18n/notApplicable.en-US';
import { reviewEn } from '../../modules/review/i18n/en-US';
import { searchEn } from '../../modules/search/i18n/en-US';
import { evidenceEn } from '../../modules/evidence/i18n/en-US';
import { assessmentEn } from '../../modules/assessment/i18n/en-US';
import { assessmentHistoryEn } from '../../modules/assessment/i18n/yearOverYear.en-US';
import { assessmentReportPdfEn } from '../../modules/assessment/i18n/reportPdf.en-US';
import { assessmentStagesEn } from '../../modules/assessment/i18n/stages.en-US';
import { assessmentOnsiteEn } from '../../modules/assessment/i18n/onsite.en-US';
import { assessmentObjectionsEn } from '../../modules/assessment/i18n/objections.en-US';
import { registerEn } from '../../modules/register/i18n/en-US';
import { taskLogEn } from '../../modules/task-log/i18n/en-US';
import { userAdminResetRequestsEn } from '../../modules/user-admin/i18n/resetRequests.en-US';
import { apiTokensEn } from '../../modules/api-tokens/i18n/apiTokens.en-US';
import { userAdminSecondFactorEn } from '../../modules/user-admin/i18n/secondFactorReset.en-US';
import { userAdminProfileEn } from '../../modules/user-admin/i18n/profile.en-US';
import { userAdminSingleSignOnEn } from '../../modules/user-admin/i18n/singleSignOn.en-US';
import { secondFactorEn } from '../../modules/auth/i18n/secondFactor.en-US';
import { singleSignOnEn } from '../../modules/auth/i18n/singleSignOn.en-US';
import { mapEn } from '../../modules/map/i18n/en-US';
import { helpEn } from '../../modules/help/i18n/en-US';
import { cyclesEn } from '../../modules/cycles/i18n/en-US';

export const enUS: LocaleMessages = {
  app: {
    productName: 'Hubei Quality Promotion Regulation Duty Supervision System',
    shortName: 'Duty Supervision',
  },
  language: {
    switchLabel: 'Interface language',
    zhCN: '中文',
    enUS: 'English',
  },
  nav: {
    mainMenu: 'Main menu',
    openMenu: 'Open the menu',
    workbench: 'Workbench',
    about: 'About',
    home: 'Home',
    users: 'User management',
    securityAudit: 'Security audit log',
    overview: 'Overview',
    unit: 'Unit assessment',
    tasks: 'Tasks',
    task: 'Task',
    review: 'Review queue',
    search: 'Search',
    evidence: 'Evidence',
    taskLog: 'Task log',
    assessment: 'Assessment',
    register: 'Duty register',
    regulations: 'Regulations',
    bulletins: 'Bulletins',
    bulletin: 'Bulletin',
    notifications: 'Notifications',
    notificationSettings: 'Notification settings',
    notificationDeliveries: 'Delivery log',
    help: 'Help',
    myUnit: 'My unit’s assessment',
    cycles: 'Assessment cycles',
    selfAssessment: 'Self-assessment',
    preliminaryReview: 'Preliminary review',
    provincialReview: 'Provincial review',
    onsiteVerification: 'On-site verification',
    apiTokens: 'Machine access tokens',
  },
  common: {
    officeDocx: 'Word document (.docx)',
    officeXlsx: 'Excel workbook (.xlsx)',
    loading: 'Loading…',
    retry: 'Retry',
    notSet: 'Not set',
    cancel: 'Cancel',
    close: 'Close',
    search: 'Search',
    reset: 'Reset',
    unknown: 'Unknown',
    cycle: {
      label: 'Assessment year',
      option: '{{title}} ({{state}})',
      optionWithRegulation: '{{title}} · {{regulation}} ({{state}})',
      open: 'open',
      closed: 'closed',
    },
  },
  errors: {
    BAD_REQUEST: 'The request was malformed.',
    VALIDATION_FAILED: 'The submitted data did not pass validation. Please check it and try again.',
    UNAUTHENTICATED: 'Please sign in first.',
    FORBIDDEN: 'You do not have permission to do this.',
    PASSWORD_CHANGE_REQUIRED:
      'You must change your password after your first sign-in or a password reset.',
    SECOND_FACTOR_REQUIRED:
      'Please complete two-factor authentication first (enter a code or set up an authenticator app).',
    NOT_FOUND: 'The requested data was not found.',
    CONFLICT: 'Someone else has changed this data. Please refresh and try again.',
    QUERY_TOO_COMPLEX: 'The query is too complex. Please narrow it down.',
    PAYLOAD_TOO_LARGE: 'The upload exceeds the size limit.',
    UNSUPPORTED_MEDIA_TYPE: 'This content type is not supported.',
    EVIDENCE_REJECTED: 'The evidence files did not pass the checks; nothing was saved.',
    EVIDENCE_INTEGRITY:
      'Stored evidence failed its integrity check. Please ask an administrator to run the integrity check.',
    SERVICE_UNAVAILABLE: 'The service is temporarily unavailable. Please try again later.',
    INTERNAL_ERROR:
      'An internal error occurred. Please try again later or contact the administrator.',
    RATE_LIMITED: 'Too many attempts. Please wait a while and try again.',
  },
  forms: {
    fieldInvalid: 'This field is not valid',
  },
  errorAlert: {
    code: 'Error code: {{code}}',
  },
  crash: {
    title: 'Something went wrong',
    description:
      'An error occurred while loading or running this page. The system may just have been updated; please reload the page.',
    reload: 'Reload page',
  },
  notFound: {
    title: 'Page not found',
    description: 'The page you requested does not exist or has been removed.',
    backHome: 'Back to home',
  },
  forbidden: {
    title: 'Access denied',
    description: 'Your role does not have access to this page.',
    backHome: 'Back to home',
  },
  roles: {
    SYSTEM_ADMIN: 'System administrator',
    SECURITY_ADMIN: 'Security administrator',
    AUDIT_ADMIN: 'Audit administrator',
    PROVINCIAL_SUPERVISOR: 'Provincial supervisor',
    PREFECTURE_SUPERVISOR: 'Prefecture supervisor',
    COUNTY_OPERATOR: 'County department operator',
    AUDITOR: 'Auditor',
  },
  auth: {
    checking: 'Checking your sign-in…',
    signIn: {
      title: 'Sign in',
      username: 'Username',
      password: 'Password',
      usernameRequired: 'Please enter your username',
      passwordRequired: 'Please enter your password',
      submit: 'Sign in',
      failed: 'Incorrect username or password, or the account is temporarily locked.',
      sessionExpired: 'Your session has expired. Please sign in again',
      sessionNotKept:
        'The sign-in could not be kept. Please make sure your browser allows cookies for this site and try again.',
      help: 'Help and glossary',
      backToSignIn: 'Back to sign-in',
    },
    secondFactor: secondFactorEn,
    singleSignOn: singleSignOnEn,
    changePassword: {
      title: 'Change password',
      forcedNotice:
        'After your first sign-in or a password reset, you must change your password before using the system.',
      expiredNotice:
        'Your password is older than the maximum age allowed. Please change it to continue using the system.',
      currentPassword: 'Current password',
      newPassword: 'New password',
      confirmPassword: 'Confirm new password',
      currentRequired: 'Please enter your current password',
      newRequired: 'Please enter a new password',
      confirmRequired: 'Please enter the new password again',
      minLength: 'The new password must have at least {{min}} characters',
      mismatch: 'The two new passwords do not match',
      policyTitle: 'Password rules',
      submit: 'Change password',
      success: 'Your password has been changed',
    },
  },
  account: {
    menuLabel: 'Account menu: {{name}}',
    changePassword: 'Change password',
    signOut: 'Sign out',
    noRole: 'No role assigned',
    signOutFailed: 'Signing out failed. Please try again later.',
  },
  userAdmin: {
    title: 'User management',
    subtitle: 'Manage user accounts, role assignments and account states.',
    searchPlaceholder: 'Search username, name or office',
    roleFilter: 'Filter by role',
    stateFilter: 'Filter by state',
    allRoles: 'All roles',
    allStates: 'All states',
    enabledOnly: 'Active',
    disabledOnly: 'Disabled',
    total: '{{count}} users in total',
    neverSignedIn: 'Never signed in',
    columns: {
      username: 'Username',
      displayName: 'Name',
      role: 'Role',
      unit: 'Unit / department',
      state: 'State',
      lastSignIn: 'Last sign-in',
      actions: 'Actions',
    },
    state: {
      normal: 'Active',
      disabled: 'Disabled',
      lockedUntil: 'Locked until {{time}}',
      mustChangePassword: 'Must change password',
    },
    actions: {
      create: 'New user',
      resetPassword: 'Reset password',
      disable: 'Disable',
      enable: 'Enable',
      bindRole: 'Assign role',
      unlock: 'Unlock',
    },
    create: {
      title: 'New user',
      username: 'Username',
      displayName: 'Name',
      usernameRequired: 'Please enter a username',
      usernameHint: '3–64 lower-case letters, digits, dots, underscores or hyphens',
      displayNameRequired: 'Please enter a name',
      submit: 'Create',
    },
    temporaryPassword: {
      createdTitle: 'User created',
      resetTitle: 'Password reset',
      forUser: 'Temporary password of {{username}}:',
      warning:
        'The temporary password is shown only this once and cannot be viewed again after closing. Copy it now and give it to the user through a secure channel; the user must change it after signing in.',
      done: 'I have noted it, close',
    },
    resetPassword: {
      confirmTitle: 'Reset password',
      confirmContent:
        'Reset the password of {{username}}? The current password stops working immediately.',
      ok: 'Reset password',
    },
    setDisabled: {
      disableTitle: 'Disable user {{username}}',
      enableTitle: 'Enable user {{username}}',
      reason: 'Reason',
      reasonRequired: 'Please give a reason for disabling',
      disableOk: 'Disable',
      enableOk: 'Enable',
      disabled: 'User {{username}} disabled',
      enabled: 'User {{username}} enabled',
    },
    unlock: {
      confirmTitle: 'Unlock',
      confirmContent: 'Lift the sign-in lock of {{username}}?',
      ok: 'Unlock',
      done: 'User {{username}} unlocked',
    },
    bindRole: {
      title: 'Assign role: {{username}}',
      role: 'Role',
      roleRequired: 'Please choose a role',
      prefecture: 'Prefecture',
      prefectureRequired: 'Please choose a prefecture',
      provinceWideHelp: 'Leave empty for the whole province',
      county: 'County',
      countyRequired: 'Please choose a county',
      department: 'Department',
      departmentRequired: 'Please choose a department',
      directlyAdministered: 'Directly administered by the province',
      noScope: 'This role is not limited to a unit or department.',
      submit: 'Save',
      done: 'Role assigned to {{username}}',
      credentialsWithdrawn:
        'This account becomes privileged: once saved, its current password and second factor are withdrawn and its sessions end. The system administrator then requests a password reset; after the security administrator approves it, give the temporary password to the account holder.',
    },
    resetRequests: userAdminResetRequestsEn,
    secondFactor: userAdminSecondFactorEn,
    profile: userAdminProfileEn,
    singleSignOn: userAdminSingleSignOnEn,
  },
  apiTokens: apiTokensEn,
  securityAudit: {
    title: 'Security audit log',
    subtitle:
      'Records of security-related operations such as sign-ins and account and permission management, in China Standard Time.',
    total: '{{count}} records in total',
    filters: {
      action: 'Action',
      result: 'Result',
      actor: 'Person',
      actorPlaceholder: 'Name or username',
      dateRange: 'Date range',
      allActions: 'All actions',
      allResults: 'All results',
    },
    actions: {
      SIGN_IN: 'Sign-in',
      SIGN_OUT: 'Sign-out',
      ACCOUNT_LOCKED: 'Account locked',
      SESSION_EXPIRED: 'Session expired',
      PERMISSION_DENIED: 'Permission denied',
      PASSWORD_CHANGED: 'Password changed',
      PASSWORD_RESET: 'Password reset',
      PASSWORD_RESET_REQUESTED: 'Password reset requested',
      PASSWORD_RESET_APPROVED: 'Password reset approved',
      PASSWORD_RESET_REJECTED: 'Password reset rejected',
      PASSWORD_RESET_EXPIRED: 'Password reset request lapsed',
      SECOND_FACTOR_VERIFIED: 'Second factor checked',
      SECOND_FACTOR_ENROL_STARTED: 'Authenticator setup started',
      SECOND_FACTOR_ENROLLED: 'Two-factor authentication turned on',
      SECOND_FACTOR_DISABLED: 'Two-factor authentication turned off',
      RECOVERY_CODES_REGENERATED: 'Recovery codes regenerated',
      SECOND_FACTOR_RESET: 'Two-factor authentication reset',
      USER_CREATED: 'User created',
      USER_DISABLED: 'User disabled',
      USER_ENABLED: 'User enabled',
      ROLE_BOUND: 'Role assigned',
      USER_UNLOCKED: 'User unlocked',
      USER_PROFILE_UPDATED: 'Profile changed',
      EVIDENCE_PACK_DOWNLOADED: 'Evidence pack downloaded',
      EVIDENCE_CORRUPTION_DETECTED: 'Corrupt evidence file found',
      EVIDENCE_INTEGRITY_RESTORED: 'Evidence file intact again',
      REPORT_DOWNLOADED: 'Assessment report downloaded',
      API_TOKEN_ISSUED: 'API token issued',
      API_TOKEN_REVOKED: 'API token revoked',
      API_TOKEN_USED: 'API token used',
      OIDC_SIGN_IN: 'Single sign-on',
      USER_PROVISIONED: 'Account created by single sign-on',
      PASSWORD_SIGN_IN_REFUSED: 'Password sign-in refused',
      EXTERNAL_IDENTITY_CHANGED: 'Unified identity or break-glass flag changed',
    },
    results: {
      success: 'Success',
      failure: 'Failure',
      denied: 'Denied',
    },
    columns: {
      occurredAt: 'Time',
      actor: 'User',
      action: 'Action',
      target: 'Target',
      result: 'Result',
      ip: 'IP address',
    },
    detail: 'Details',
    targetKinds: {
      USER: 'User',
      SESSION: 'Session',
      CYCLE: 'Assessment year',
      UNIT: 'Unit',
      TASK: 'Task',
      BULLETIN: 'Bulletin',
      EVIDENCE: 'Evidence',
      OTHER: 'Other',
    },
    sessionHint: 'Session id {{id}}',
    actionCodeHint: 'Event code {{code}}',
    usernameHint: 'Username {{username}}',
    anonymous: '(not signed in)',
  },
  home: {
    title: 'Home',
    subtitle:
      'Tracking and supervising the performance of statutory duties under the Hubei Province Quality Promotion Regulation.',
    systemInfo: {
      title: 'System information',
      productName: 'Product name',
      version: 'Version',
      databaseServerVersion: 'Database server version',
      databaseMode: 'Database mode',
      appliedMigrations: 'Database migrations applied',
      demoDataLoadedAt: 'Demo data loaded at',
      demoDataNotLoaded: 'No demo data loaded',
      databaseModes: {
        EMBEDDED: 'Embedded database',
        EXTERNAL: 'External database',
      },
    },
  },
  workbench: workbenchEn,
  about: aboutEn,
  overview: overviewEn,
  units: unitsEn,
  tasks: tasksEn,
  taskComments: taskCommentsEn,
  notApplicable: notApplicableEn,
  review: reviewEn,
  search: searchEn,
  evidence: evidenceEn,
  assessment: assessmentEn,
  assessmentHistory: assessmentHistoryEn,
  assessmentReportPdf: assessmentReportPdfEn,
  assessmentStages: assessmentStagesEn,
  assessmentOnsite: assessmentOnsiteEn,
  assessmentObjections: assessmentObjectionsEn,
  register: registerEn,
  taskLog: taskLogEn,
  urging: urgingEn,
  notifications: notificationsEn,
  bulletins: bulletinsEn,
  map: mapEn,
  help: helpEn,
  cycles: cyclesEn,
};
