/**
 * @duty/regulation/parser — pure TypeScript parser for Chinese regulation text (法规文本解析).
 * Runs in Node and in the browser: no Node APIs, no dependencies (source decoding uses the
 * standard TextDecoder).
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
export { alignArticles } from './lib/align-articles';
export type {
  AlignArticlesOptions,
  ArticleChange,
  ArticleChangeKind,
  ComparableArticle,
} from './lib/align-articles';
export { redline } from './lib/redline';
export type { RedlineOp, RedlineSegment } from './lib/redline';
export {
  parseAlignmentLabels,
  scoreAlignment,
  sourcesOf,
  AlignmentLabelError,
} from './lib/alignment-eval';
export type { AlignmentLabel, AlignmentMismatch, AlignmentScore } from './lib/alignment-eval';
export {
  decodeRegulationSource,
  isRegulationSourceError,
  RegulationSourceError,
  RegulationSourceErrorCode,
  sourceEncodingName,
} from './lib/decode-source';
export type { DecodedSource, SourceEncoding } from './lib/decode-source';
export { comparableRegulationTitle } from './lib/regulation-title';
