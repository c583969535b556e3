import type { userAdminResetRequestsZh } from './resetRequests.zh-CN';

export const userAdminResetRequestsEn: typeof userAdminResetRequestsZh = {
  action: 'Request reset',
  request: {
    title: 'Request a password reset: {{username}}',
    intro:
      '{{username}} is a privileged account ({{role}}): its password is reset only after a security administrator approves. The approver cannot be the requester or the account itself; on approval the temporary password is shown once to the approver, never to the requester. A request not decided within 24 hours lapses.',
    reason: 'Reason',
    reasonRequired: 'Enter the reason for the request',
    reasonPlaceholder: 'e.g. forgot the password; identity confirmed by phone',
    submit: 'Submit request',
    done: 'Password reset requested for {{username}}; awaiting a security administrator',
  },
  list: {
    title: 'Password reset requests awaiting approval',
    intro:
      'Resets of privileged accounts (administrators, supervisors, auditors) are approved by a security administrator other than the requester and the account itself.',
    columns: {
      account: 'Account',
      role: 'Role',
      reason: 'Reason',
      requestedBy: 'Requested by',
      requestedAt: 'Requested',
      expiresAt: 'Lapses',
      actions: 'Actions',
    },
    approve: 'Approve',
    reject: 'Reject',
    awaitingApproval: 'Awaiting a security administrator',
    awaitingOther: 'Another security administrator must decide',
  },
  approve: {
    confirmTitle: 'Approve password reset',
    confirmContent:
      'Approve resetting the password of {{username}}? Their current password and all their sessions end at once; the temporary password is shown to you once, and the account must change it at next sign-in.',
    ok: 'Approve and reset',
  },
  reject: {
    title: 'Reject password reset request: {{username}}',
    reason: 'Reason for rejecting',
    reasonRequired: 'Enter the reason for rejecting',
    submit: 'Reject',
    done: 'Password reset request for {{username}} rejected',
  },
};
