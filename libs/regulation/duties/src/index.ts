/**
 * @duty/regulation/duties — rules-based, explainable extraction of government duties (职责)
 * and the other statements of Chinese legislation (sanctions, prohibitions, definitions …).
 * Pure TypeScript: no Node APIs, no dependencies, runs in the browser too. See README.md for the
 * rules and the drafting conventions behind them.
 */
export {
  DEPARTMENT_KINDS,
  DEFAULT_LEAD_DEPARTMENT_CODE,
  normalizeDepartment,
  parseDepartmentList,
} from './lib/departments';
export type { DepartmentMention } from './lib/departments';
export { extractArticleDuties, analyzeArticle } from './lib/extract-duties';
export type { ArticleAnalysis, SkippedText } from './lib/extract-duties';
export { extractRegulationDuties } from './lib/extract-regulation';
export type { RegulationExtraction, RegulationInput } from './lib/extract-regulation';
export { detectTextContext, textKindLabel, tierLabel, DEFAULT_TEXT_CONTEXT } from './lib/context';
export { findAllocations } from './lib/allocations';
export type * from './lib/types';
export {
  EVAL_FIELDS,
  LabelFormatError,
  parseLabels,
  predictParagraphs,
  scoreText,
  totalScore,
} from './eval/extraction-eval';
export type {
  EvalField,
  FieldScore,
  Mismatch,
  ParagraphLabel,
  ParagraphPrediction,
  TextScore,
} from './eval/extraction-eval';
