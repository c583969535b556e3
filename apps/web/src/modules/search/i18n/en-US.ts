import type { searchZh } from './zh-CN';

export const searchEn: typeof searchZh = {
  title: 'Search',
  box: 'Search everything',
  pageBox: 'Search for',
  placeholder: 'Search tasks, duties, units',
  submit: 'Search',
  hint: 'Looks through the tasks of the current assessment year, the duty registers of the regulations and the units of your jurisdiction; separate words with spaces, all must occur.',
  hintDutiesOnly:
    'Looks through the duty registers of the regulations; separate words with spaces, all must occur.',
  empty: 'Type a duty, article, unit or department to look for',
  none: 'Nothing matches',
  count: '{{count}} in all',
  article: 'Art. {{number}}',
  tasks: {
    title: 'Tasks',
    titleInCycle: 'Tasks ({{year}})',
    all: 'All {{count}} in the task list',
  },
  duties: {
    title: 'Duty registers',
    untracked: 'Not tracked',
  },
  units: {
    title: 'Units',
    level: {
      PROVINCE: 'Province',
      PREFECTURE: 'Prefecture',
      COUNTY: 'County',
    },
  },
};
