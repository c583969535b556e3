import type { reviewZh } from './zh-CN';

export const reviewEn: typeof reviewZh = {
  title: 'Review queue',
  subtitle:
    'Check the tasks the units have submitted: read the progress, measures and evidence, then verify or return each one.',
  cycle: 'Cycle',
  scope: 'Jurisdiction: {{unit}}',
  wholeProvince: 'the whole province',
  noCycles: 'No assessment cycle has been set up yet, so nothing is waiting for review.',
  queue: {
    title: 'Awaiting verification',
    count: '{{count}} waiting',
    truncated:
      'Many tasks are waiting: only {{count}} of them are listed; refresh the queue when done.',
    label: 'Tasks awaiting verification',
    article: 'Art. {{number}}',
    submitted: 'Submitted by {{by}} on {{at}}',
    returnedBefore: 'Returned {{count}} time(s) before',
    empty: 'Nothing is waiting for review',
    emptyHint: 'Every task submitted in your jurisdiction for this cycle has been dealt with.',
    refresh: 'Refresh',
  },
  task: {
    unit: 'Unit',
    article: 'Article',
    articleValue: 'Art. {{number}} {{title}}',
    articleNoTitle: 'Art. {{number}}',
    duty: 'Duty',
    dutyText: 'Text',
    leadDepartment: 'Lead department',
    assists: 'Assisting departments',
    dueDate: 'Due',
    submitted: 'Submitted',
    submittedValue: '{{by}}, {{at}}',
    returnCount: 'Times returned',
    progressNote: 'Progress',
    measures: 'Measures',
    none: '(not filled in)',
    openTask: 'Open the task',
    notSubmitted:
      'This task is no longer awaiting verification (someone may have dealt with it), so it cannot be verified here.',
  },
  evidence: {
    title: 'Evidence ({{count}})',
    noneWarning: 'This submitted task has no evidence at all: verify with care.',
    select: 'Choose the file to preview',
  },
  actions: {
    verify: 'Verify',
    return: 'Return',
    returnTitle: 'Return for changes',
    reason: 'Reason',
    reasonPlaceholder: 'Say what must be added or changed; the operator will read this',
    reasonRequired: 'Enter the reason for returning the task',
    confirmReturn: 'Return task',
    cancel: 'Cancel',
    verified: 'Verified: {{unit}} Art. {{number}}',
    returned: 'Returned: {{unit}} Art. {{number}}',
    conflict:
      'Someone else has just dealt with or changed this task. The queue has been reloaded: check it before acting.',
    failed: 'The action failed',
  },
  shortcuts:
    'Shortcuts: J / K next / previous, V verify, R return, Ctrl+Enter confirm return, Esc cancel return',
};
