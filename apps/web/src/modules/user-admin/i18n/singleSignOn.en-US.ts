import type { userAdminSingleSignOnZh } from './singleSignOn.zh-CN';

export const userAdminSingleSignOnEn: Record<keyof typeof userAdminSingleSignOnZh, string> = {
  action: 'Single sign-on',
  title: 'Single sign-on: {{username}}',
  intro:
    'Enter the identifier the identity service gives this person (the claim the deployment matches, e.g. a staff number). Sign-in finds this account by it; roles and jurisdictions are still bound here by the security administrator.',
  subject: 'Identity service identifier',
  subjectHint: 'Leave empty to unbind; changing or removing it signs the account out everywhere.',
  subjectTooLong: 'At most 255 characters',
  breakGlass: 'Break-glass account',
  breakGlassHint:
    'Administrators only: keeps password sign-in when single sign-on is the only way in (for when the identity service is down).',
  submit: 'Save',
  done: 'Saved the single sign-on settings of {{username}}',
  tag: 'Break-glass',
  boundTo: 'SSO: {{subject}}',
};
