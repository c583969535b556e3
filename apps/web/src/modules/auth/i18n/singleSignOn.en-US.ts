import type { singleSignOnZh } from './singleSignOn.zh-CN';

export const singleSignOnEn: typeof singleSignOnZh = {
  button: 'Sign in with unified identity',
  divider: 'or sign in with a password',
  breakGlassNotice:
    'Single sign-on is in use: password sign-in is for break-glass administrator accounts only.',
  errors: {
    OIDC_NOT_CONFIGURED: 'Single sign-on is not configured; sign in with your password.',
    OIDC_PROVIDER_UNAVAILABLE:
      'The identity service cannot be reached. Try again later, or tell the system administrator.',
    OIDC_STATE_INVALID: 'The sign-in request expired or was not valid. Please start again.',
    OIDC_PROVIDER_REFUSED:
      'Sign-in at the identity service was cancelled or refused. Please try again.',
    OIDC_TOKEN_INVALID:
      'The identity service’s answer could not be verified. Try again, or tell the system administrator.',
    OIDC_CLAIM_MISSING:
      'The identity service did not provide the information that matches your account. Tell the system administrator.',
    OIDC_ACCOUNT_NOT_FOUND:
      'Your unified identity has no account in this system yet. Ask the security administrator.',
    OIDC_ACCOUNT_DISABLED: 'Your account is disabled. Ask the system administrator.',
    OIDC_PROVISION_FAILED:
      'An account could not be created for you. Ask the security administrator.',
    unknown: 'Single sign-on failed ({{code}}). Try again, or tell the system administrator.',
  },
  noRole: {
    title: 'No role assigned yet',
    intro:
      'You are signed in, but the security administrator has not yet bound a role and jurisdiction to your account, so you cannot see or work on any data yet.',
    whatToDo: 'Ask your security administrator to bind a role to this account:',
    name: 'Name',
    account: 'Account',
    afterBinding: 'Once a role is bound, sign in again.',
    signOut: 'Sign out',
  },
};
