/**
 * @duty/regulation/duties — rules-based, explainable extraction of government duties (职责)
 * from Chinese regulation text. Pure TypeScript: no Node APIs, no dependencies, runs in the
 * browser too. See README.md for the rules and the judgement calls behind them.
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
export type * from './lib/types';
