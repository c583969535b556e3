import type { apiTokensZh } from './apiTokens.zh-CN';

/** Texts of the machine API tokens page (security administrator), under `apiTokens`. */
export const apiTokensEn: typeof apiTokensZh = {
  title: 'Machine access tokens',
  subtitle:
    'Issue read-only API tokens to other government systems: each has a name, scopes, a bound unit (it reads that unit and the units under it only) and an expiry. Only a hash is stored; the token itself is shown once, when issued. Every use is written to the security audit log.',
  issue: 'Issue token',
  empty: 'No tokens issued yet',
  columns: {
    name: 'Name',
    scopes: 'Scopes',
    unit: 'Bound unit',
    status: 'Status',
    createdBy: 'Issued by',
    createdAt: 'Issued',
    expiresAt: 'Expires',
    lastUsedAt: 'Last used',
    useCount: 'Uses',
    actions: 'Actions',
  },
  neverUsed: 'Never',
  rateLimit: '{{count}} per minute',
  revokedBy: 'Revoked by {{user}} at {{time}}',
  scopes: {
    ANALYTICS_READ: 'Read analytics',
    EVIDENCE_METADATA_READ: 'Read evidence metadata',
  },
  status: {
    ACTIVE: 'Active',
    EXPIRED: 'Expired',
    REVOKED: 'Revoked',
  },
  revoke: {
    action: 'Revoke',
    confirmTitle: 'Revoke the token “{{name}}”?',
    confirmText:
      'Revocation takes effect at once: the system using this token loses access. It cannot be undone.',
    ok: 'Revoke',
    cancel: 'Cancel',
    done: 'Token “{{name}}” revoked',
  },
  form: {
    title: 'Issue a machine access token',
    name: 'Name',
    namePlaceholder: 'e.g. Provincial data centre – assessment figures',
    nameRequired: 'Enter a name',
    scopes: 'Scopes',
    scopesRequired: 'Choose at least one scope',
    unit: 'Bound unit',
    unitHelp: 'The token reads this unit and the units under it only.',
    unitRequired: 'Choose a unit',
    expiresAt: 'Expiry date',
    expiresAtHelp: 'Required, at most one year; the token ends at midnight (China time) that day.',
    expiresAtRequired: 'Choose an expiry date',
    rateLimit: 'Requests per minute',
    rateLimitHelp: 'Default 60; beyond it the answer is 429 with the time to retry.',
    submit: 'Issue',
    cancel: 'Cancel',
  },
  issued: {
    title: 'Token issued: {{name}}',
    warning:
      'Copy this token now and keep it safe: it is shown only this once and cannot be viewed again (only its hash is stored). If it is lost, revoke it and issue a new one.',
    usage: 'The caller sends the header: Authorization: Bearer <token>',
    copy: 'Copy token',
    copied: 'Copied',
    done: 'I have saved it, close',
  },
};
