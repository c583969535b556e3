/**
 * @duty/regulation/parser — pure TypeScript parser for Chinese regulation text (法规文本解析).
 * Runs in Node and in the browser: no Node APIs, no dependencies.
 */
export { parseRegulation, listArticles } from './lib/parse-regulation';
export {
  chineseNumeralToInt,
  tryChineseNumeralToInt,
  intToChineseNumeral,
  MAX_CHINESE_NUMERAL,
} from './lib/numerals';
export { normalizeForComparison } from './lib/normalize';
export {
  RegulationParseError,
  RegulationParseErrorCode,
  RegulationParseWarningCode,
  regulationParseErrorMessagesZh,
  isRegulationParseError,
} from './lib/errors';
export type * from './lib/types';
export { diffArticles } from './lib/diff-articles';
export type { ArticleChange, ArticleChangeKind, ComparableArticle } from './lib/diff-articles';
