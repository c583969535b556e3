import type { userAdminSecondFactorZh } from './secondFactorReset.zh-CN';

export const userAdminSecondFactorEn: typeof userAdminSecondFactorZh = {
  tag: '2FA',
  action: 'Reset 2FA',
  title: 'Reset two-factor authentication: {{username}}',
  intro:
    'Removes the account’s authenticator and all its recovery codes and ends all its sessions at once. At the next sign-in the account sets up an authenticator again (if its role requires one). This is recorded in the security audit log.',
  reason: 'Reason',
  reasonRequired: 'Please give a reason',
  reasonPlaceholder: 'e.g. phone lost, no recovery codes at hand (identity checked by phone)',
  ok: 'Reset',
  done: 'Two-factor authentication of {{username}} was reset',
};
