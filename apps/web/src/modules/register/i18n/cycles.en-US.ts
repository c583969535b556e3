import type { registerCyclesZh } from './cycles.zh-CN';

export const registerCyclesEn: typeof registerCyclesZh = {
  title: 'Assessment cycles',
  hint: 'Assessment cycles opened over a version of this regulation; task counts are those in your jurisdiction.',
  empty: 'No assessment cycle has been opened for this regulation yet.',
  open: 'Open an assessment cycle',
  columns: {
    title: 'Title',
    year: 'Year',
    version: 'Version',
    state: 'State',
    dueDate: 'Due date',
    tasks: 'Tasks',
    actions: 'Actions',
  },
  versionNumber: 'Version {{number}}',
  jobs: {
    regenerate: 'Regenerate tasks',
    regenerateConfirm:
      'Tasks are added for duties newly tracked after review and retired for duties no longer tracked; progress, evidence and history of existing tasks are kept.',
    regenerated:
      'Regenerated: {{created}} added, {{retired}} retired, {{restored}} restored; {{total}} tasks now',
    move: 'Move to version {{number}}',
    moveConfirm:
      'The cycle follows version {{number}}: tasks follow their duty’s lineage (status, evidence and history kept); tasks of duties that do not continue are retired, never deleted.',
    moved:
      'Moved to version {{number}}: {{followed}} tasks followed their duties, {{created}} added, {{retired}} retired',
    mappingsPending:
      '{{count}} duty mapping suggestions of this version await review; confirm or reject them on the version changes tab first',
  },
  tasksLink: 'Tasks',
  form: {
    title: 'Open an assessment cycle · {{regulation}}',
    intro:
      'Every tracked government duty of the chosen version becomes a task for every unit at the levels it applies to. Review the duties before opening a cycle.',
    province: 'Province',
    provinceRequired: 'Choose a province',
    version: 'Regulation version',
    versionRequired: 'Choose a version',
    year: 'Year',
    yearRequired: 'Enter the year',
    yearRange: 'The year must be a whole number from 2000 to 2100',
    name: 'Title (optional)',
    namePlaceholder: 'Default: {{example}}',
    startDate: 'Start date',
    startDateRequired: 'Choose the start date',
    dueDate: 'Due date (default for the tasks)',
    dueDateRequired: 'Choose the due date',
    dueBeforeStart: 'The due date cannot be before the start date',
    submit: 'Open and generate tasks',
    cancel: 'Cancel',
    conflict: 'A {{year}} cycle already exists for this version of the regulation',
    versionNotFound: 'This version was not found; reload and try again',
    mappingsPending:
      '{{count}} duty mapping suggestions of this version await review; confirm or reject them on the register’s version changes tab first',
  },
  result: {
    title: '“{{title}}” is open',
    generated: '{{count}} tasks generated',
    byLevel: '{{level}}: {{count}}',
    none: 'The chosen version has no tracked government duties, so no tasks were generated.',
    viewTasks: 'Open the tasks of this cycle',
    close: 'Done',
  },
};
