import type { secondFactorZh } from './secondFactor.zh-CN';

export const secondFactorEn: typeof secondFactorZh = {
  verify: {
    title: 'Two-factor authentication',
    intro:
      'Open your authenticator app (e.g. Microsoft Authenticator, Google Authenticator) and enter the 6-digit code it shows for this account.',
    code: 'Code',
    codeRequired: 'Please enter the 6-digit code',
    codeFormat: 'The code has 6 digits',
    recoveryCode: 'Recovery code',
    recoveryRequired: 'Please enter a recovery code',
    recoveryFormat: 'A recovery code has 10 letters and digits, e.g. K7QXM-3TRWA',
    useRecovery: 'No phone at hand? Use a recovery code',
    useApp: 'Use a code from the authenticator app',
    recoveryIntro:
      'Each recovery code works once. When they are used up or lost, generate new ones after signing in, or ask the security administrator to reset two-factor authentication.',
    submit: 'Verify',
  },
  enrol: {
    title: 'Set up an authenticator app',
    forcedNotice:
      'Your role must use two-factor authentication. Set up an authenticator app to continue.',
    stepScan: '1. Scan the QR code with your authenticator app, or enter the key by hand',
    qrLabel: 'Authenticator QR code',
    secret: 'Key',
    secretHint: 'When adding it by hand choose “time-based”, 6 digits, 30 seconds.',
    uri: 'Link',
    stepConfirm: '2. Enter the 6-digit code the app shows to confirm',
    confirm: 'Confirm',
    start: 'Start',
    starting: 'Generating a key…',
    startFailed: 'Could not generate a key. Please try again.',
    retry: 'Try again',
    done: 'Two-factor authentication is on',
  },
  recovery: {
    title: 'Recovery codes',
    notice:
      'Save these recovery codes now (they are shown only this once). If you lose your phone, each one signs you in once instead of a code.',
    copy: 'Copy',
    copied: 'Recovery codes copied',
    copyFailed: 'Could not copy. Please write them down or download them.',
    download: 'Download .txt',
    fileHeader: '{{issuer}} recovery codes ({{account}}), each works once:',
    acknowledged: 'I have saved them, continue',
    listLabel: 'Recovery codes',
  },
  settings: {
    menu: 'Two-factor authentication',
    title: 'Account security: two-factor authentication',
    loading: 'Loading…',
    statusOn: 'On',
    statusOff: 'Off',
    required: 'Your role must use two-factor authentication; it cannot be turned off.',
    optional:
      'When it is on, signing in asks for a code from your authenticator app besides the password.',
    enabledAt: 'Turned on: {{time}}',
    remaining: 'Recovery codes left: {{count}}',
    remainingLow: 'Almost no recovery codes left: please generate new ones.',
    enable: 'Turn on two-factor authentication',
    regenerate: 'Generate new recovery codes',
    regenerateIntro:
      'New recovery codes replace all the old ones. Enter the current 6-digit code from your app:',
    disable: 'Turn off two-factor authentication',
    disableIntro:
      'Signing in will then ask for the password only. Enter a code from your app or a recovery code to confirm:',
    disabled: 'Two-factor authentication is off',
    codeOrRecovery: 'Code or recovery code',
    close: 'Close',
    back: 'Back',
  },
};
