import type { helpZh } from './zh-CN';

/** English texts of the help module. */
export const helpEn: typeof helpZh = {
  button: 'Help',
  buttonHint: 'Help: glossary and a guide for each role',
  pageTitle: 'Help',
  subtitle: 'The glossary and a short guide for each role.',
  yourRole: 'Your role: {{role}}',
  toYourGuide: 'Go to the guide for “{{role}}”',
  guidesTitle: 'Guides by role',
  glossaryTitle: 'Glossary',
  glossarySearch: 'Search the glossary',
  glossaryEmpty: 'No matching term.',
  firstSteps: 'First steps',
  whereThings: 'Where things are',
  yourGuideTag: 'Your role',
  contents: 'Contents',
};
