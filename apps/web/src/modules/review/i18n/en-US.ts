import type { reviewZh } from './zh-CN';

export const reviewEn: typeof reviewZh = {
  title: 'Review queue',
  subtitle:
    'Check the tasks the units have submitted one by one: read the progress, measures and evidence, then verify each task or return it for changes.',
  cycle: 'Assessment year',
  scope: 'Jurisdiction: {{unit}}',
  wholeProvince: 'the whole province',
  noCycles: 'No assessment year has been set up yet, so no tasks are awaiting verification.',
  queue: {
    title: 'Awaiting verification',
    count: '{{count}} awaiting verification',
    truncated:
      'Many tasks are awaiting verification and only {{count}} of them are listed; refresh the queue once you have dealt with them.',
    label: 'Tasks awaiting verification',
    article: 'Art. {{number}}',
    submitted: 'Submitted by {{by}} on {{at}}',
    returnedBefore: 'Returned {{count}}× before',
    empty: 'No tasks are awaiting verification',
    emptyHint:
      'Every task submitted by the units in your jurisdiction in this assessment year has been dealt with.',
    refresh: 'Refresh',
  },
  task: {
    unit: 'Unit',
    article: 'Article',
    articleValue: 'Art. {{number}} {{title}}',
    articleNoTitle: 'Art. {{number}}',
    duty: 'Duty',
    dutyText: 'Regulation text',
    leadDepartment: 'Lead department',
    assists: 'Assisting departments',
    dueDate: 'Due date',
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
    noneWarning: 'This task was submitted without any evidence; verify it with care.',
    select: 'Choose the file to preview',
  },
  actions: {
    verify: 'Verify',
    return: 'Return',
    returnTitle: 'Return for changes',
    reason: 'Reason',
    reasonPlaceholder: 'Explain what must be added or changed; the operator will see this note',
    reasonRequired: 'Enter the reason for returning the task',
    confirmReturn: 'Return task',
    cancel: 'Cancel',
    verified: 'Verified: {{unit}}, Art. {{number}}',
    returned: 'Returned: {{unit}}, Art. {{number}}',
    conflict:
      'Someone else has just dealt with or changed this task. The queue has been reloaded; check the task again before acting.',
    failed: 'The action did not succeed',
  },
  shortcuts:
    'Shortcuts: J / K next / previous task, V verify, R return, Ctrl+Enter confirm the return, Esc cancel the return',
};
