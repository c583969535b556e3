import type { cyclesZh } from './zh-CN';

/** English texts of the cycle administration page. */
export const cyclesEn: typeof cyclesZh = {
  title: 'Assessment cycles',
  intro:
    'Open an assessment cycle and generate its tasks, regenerate tasks after duty reviews (preview first what is added and retired), and close a cycle at year end to freeze its results; a closed cycle can be reopened with a reason.',
  open: 'Open a cycle',
  openFor: 'Choose a regulation',
  noRegulations: 'No regulation in the system yet: import one in the regulation library first.',
  empty: 'No assessment cycle has been opened yet.',
  columns: {
    title: 'Title',
    regulation: 'Regulation',
    version: 'Version',
    year: 'Year',
    period: 'Period',
    state: 'State',
    tasks: 'Tasks',
    actions: 'Actions',
  },
  versionNumber: 'Version {{number}}',
  period: '{{start}} to {{due}}',
  close: 'Close',
  reopen: 'Reopen',
  closed: '“{{title}}” is closed and its results are frozen.',
  reopened: '“{{title}}” is open again.',
  dueDates: {
    title: 'Due dates per duty (optional)',
    hint: 'Duties without one use the due date above.',
    add: 'Add a duty due date',
    duty: 'Duty',
    dutyRequired: 'Choose a duty',
    dutyPlaceholder: 'Search by article number or duty text',
    dueDate: 'Due date',
    dueDateRequired: 'Choose a due date',
    beforeStart: 'Must not be before the start date of the cycle',
    duplicate: 'This duty already has a due date',
    remove: 'Remove',
    article: 'Art. {{number}}',
    loading: 'Loading duties…',
    tooMany: 'Only the first {{shown}} of {{total}} duties are listed.',
  },
  regenerate: {
    action: 'Regenerate tasks',
    title: 'Regenerate tasks · {{title}}',
    intro:
      'Following the current duty reviews: newly tracked duties get tasks, tasks of duties no longer tracked are retired (never deleted), those tracked again are restored; progress, evidence and history of existing tasks are kept. This is what would change now.',
    loading: 'Working out what would change…',
    nothing: 'Nothing to change: the tasks match the duty reviews.',
    summary:
      '{{created}} tasks would be added, {{retired}} retired and {{restored}} restored; {{total}} tasks afterwards.',
    followed:
      '{{count}} more tasks would follow their duty into the newer version of the regulation.',
    added: 'Duties whose tasks are added ({{duties}} duties, {{tasks}} tasks)',
    retiring: 'Duties whose tasks are retired ({{duties}} duties, {{tasks}} tasks)',
    restoring: 'Duties whose tasks are restored ({{duties}} duties, {{tasks}} tasks)',
    columns: {
      article: 'Article',
      duty: 'Duty',
      tasks: 'Tasks',
      reason: 'Reason',
    },
    confirm: 'Regenerate',
    cancel: 'Cancel',
    doneTitle: 'Tasks regenerated',
    done: '{{created}} tasks added, {{retired}} retired and {{restored}} restored; {{total}} tasks now.',
    differs: 'The result differs from the preview: duty reviews changed after it was computed.',
    close: 'Done',
    mappingsPending:
      'This version still has {{count}} suggested duty mappings to decide: confirm or reject them on the register’s “Version changes” tab, then regenerate.',
  },
};
