import type { registerImportsZh } from './imports.zh-CN';

export const registerImportsEn: typeof registerImportsZh = {
  importRegulation: 'Import regulation',
  importVersion: 'Import new version',
  newTitle: 'Import a regulation',
  versionTitle: 'Import a new version · {{title}}',
  hint: 'Word documents (.docx) and plain text (.txt in UTF-8, UTF-16 or GB18030/GBK). The import is one transaction: a faulty file or text stores nothing.',
  fields: {
    code: 'Regulation code',
    codeHelp:
      'A stable code of lower-case letters, digits and hyphens, e.g. hubei-quality-promotion.',
    codeRequired: 'Enter the regulation code.',
    codeInvalid: 'Lower-case letters, digits and hyphens only (3–100 characters).',
    file: 'Regulation file',
    fileRequired: 'Choose the regulation file to import.',
    choose: 'Choose file',
    status: 'Version status',
    effectiveDate: 'Effective date',
    coordinatingDepartment: 'Coordinating department',
    coordinatingDepartmentHelp:
      'Suggested as lead where the text names no department and has no competent-department clause; kept for later versions.',
    none: 'None',
    owner: 'Applies in',
    ownerHelp:
      'Every province may assess a nationwide law or regulation; a provincial regulation is used by its own province only. Kept for later versions.',
  },
  submit: 'Import',
  importing: 'Importing…',
  titleChange: {
    title: 'The title differs from the registered one',
    confirm: 'Confirm the new title and import',
  },
  failed: 'Not imported',
  networkError: 'The connection failed and the file was not uploaded. Please try again later.',
  result: {
    title: 'Imported {{title}}, version {{number}}',
    alreadyImported:
      'Version {{number}} of {{title}} already has exactly this text: nothing was imported.',
    source: 'Source file',
    structure: 'Structure',
    structureValue:
      '{{chapters}} chapters, {{articles}} articles, {{paragraphs}} paragraphs, {{items}} items',
    duties: 'Duties',
    dutiesValue: '{{duties}} ({{tracked}} tracked, {{needsReview}} with a duty holder to confirm)',
    changes: 'Against the previous version',
    noChanges: 'No article changed',
    carriedOver: 'Duties whose review carried over',
    mappingSuggestions: 'Duty mappings to review',
    warnings: 'Parser notes',
    openDiff: 'Open the changes and the mapping review',
    openRegister: 'Open the duty register',
    close: 'Close',
  },
  changeKinds: {
    unchanged: 'unchanged',
    renumbered: 'renumbered',
    changed: 'changed',
    merged: 'merged',
    split: 'split',
    added: 'added',
    removed: 'removed',
  },
};
