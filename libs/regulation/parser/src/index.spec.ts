import * as api from './index';
import type { ParsedRegulation } from './index';

import { loadSeedText } from './test-support/regulation-fixtures';

describe('@duty/regulation/parser public API', () => {
  it('exports the parser, numeral helpers, normaliser, version diff and alignment, redline and error types', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'AlignmentLabelError',
        'MAX_CHINESE_NUMERAL',
        'RegulationParseError',
        'RegulationParseErrorCode',
        'RegulationParseWarningCode',
        'RegulationSourceError',
        'RegulationSourceErrorCode',
        'alignArticles',
        'chineseNumeralToInt',
        'comparableRegulationTitle',
        'decodeRegulationSource',
        'diffArticles',
        'intToChineseNumeral',
        'isRegulationParseError',
        'isRegulationSourceError',
        'listArticles',
        'normalizeForComparison',
        'parseAlignmentLabels',
        'parseRegulation',
        'redline',
        'regulationParseErrorMessagesZh',
        'scoreAlignment',
        'sourceEncodingName',
        'sourcesOf',
        'tryChineseNumeralToInt',
      ].sort(),
    );
  });

  it('parses the seed through the package entry point', () => {
    const parsed: ParsedRegulation = api.parseRegulation(loadSeedText());
    expect(api.listArticles(parsed)).toHaveLength(42);
    expect(api.intToChineseNumeral(42)).toBe('四十二');
    expect(api.chineseNumeralToInt('四十二')).toBe(42);
  });
});
