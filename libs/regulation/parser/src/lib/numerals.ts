/**
 * Chinese numerals (中文数字) as used in regulation numbering: 第一条, 第二十一条, 第一百零一条,
 * 第一千二百六十条, 第七章, 第三节, （十一）.
 *
 * Parsing accepts the canonical forms plus the common variants found in real texts (两 for 二,
 * 〇 for 零, a redundant leading 一 as in 一十一, Arabic digits of either width, and positional
 * digit strings like 二〇二四). It rejects ambiguous or malformed forms instead of guessing:
 * 一百一 (colloquially 110, but could be a typo for 101), 十十, 一百零, 一千一百零一十. A numbering
 * error in the source should surface as a parse error, not as a silently wrong article number.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

const CANONICAL_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Largest value {@link intToChineseNumeral} renders (九千九百九十九万九千九百九十九). */
export const MAX_CHINESE_NUMERAL = 99_999_999;

/**
 * Characters that may appear in a Chinese or Arabic number in a heading. Exported for the line
 * patterns so that the parser and the numeral converter agree on what a "number" is.
 */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万0-9０-９';

/**
 * Parse one 万-free group (0–9999).
 * @param prevMagnitude magnitude of the unit written before this group: `Infinity` at the start of
 *   the numeral, 10000 right after 万 (so that 一万零一百 needs its 零 and 一万一百 is rejected).
 */
function parseGroup(group: string, prevMagnitude: number): number | undefined {
  const leading = prevMagnitude === Infinity;
  let value = 0;
  let pending: number | undefined;
  let lastMagnitude = prevMagnitude;
  let zeroSeen = false;

  for (const ch of group) {
    const digit = DIGITS[ch];
    if (digit === 0) {
      // 零 marks skipped magnitudes; two in a row, or one right after a digit, is malformed.
      if (zeroSeen || pending !== undefined) return undefined;
      zeroSeen = true;
      continue;
    }
    if (digit !== undefined) {
      if (pending !== undefined) return undefined;
      pending = digit;
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined) return undefined;
    if (pending === undefined) {
      // Only 十 may stand alone, and only at the very start: 十一 = 11, but 百 / 一百十 are invalid.
      if (!(unit === 10 && leading && value === 0 && !zeroSeen)) return undefined;
      pending = 1;
    }
    if (unit >= lastMagnitude) return undefined;
    if (zeroSeen) {
      // 一千零一十: the 零 must stand for at least one skipped magnitude.
      if (lastMagnitude / unit < 100) return undefined;
      zeroSeen = false;
    } else if (lastMagnitude !== Infinity && lastMagnitude / unit !== 10) {
      // 一千一十 skips the hundreds without 零.
      return undefined;
    }
    value += pending * unit;
    pending = undefined;
    lastMagnitude = unit;
  }

  if (pending !== undefined) {
    if (zeroSeen) {
      if (lastMagnitude / 1 < 100) return undefined;
      zeroSeen = false;
    } else if (lastMagnitude !== Infinity && lastMagnitude !== 10) {
      // 一百一: ambiguous (110 colloquially, or a typo for 一百零一).
      return undefined;
    }
    value += pending;
  }
  if (zeroSeen) return undefined;
  return value;
}

/**
 * Convert a Chinese numeral (or an Arabic number of either width) to an integer, or `undefined`
 * if the text is not a well-formed numeral.
 */
export function tryChineseNumeralToInt(text: string): number | undefined {
  const s = text.normalize('NFKC');
  if (s.length === 0) return undefined;
  if (/^[0-9]+$/u.test(s)) return Number.parseInt(s, 10);
  if (s === '零' || s === '〇') return 0;

  // Positional form (二〇二四): digits only, no units. A single digit falls through to here too.
  if (![...s].some((ch) => UNITS[ch] !== undefined || ch === '万')) {
    let value = 0;
    for (const ch of s) {
      const d = DIGITS[ch];
      if (d === undefined) return undefined;
      value = value * 10 + d;
    }
    // A lone multi-digit string must not start with 零 (零一 is not a number anyone writes).
    if (s.length > 1 && DIGITS[s[0] ?? ''] === 0) return undefined;
    return value;
  }

  const parts = s.split('万');
  if (parts.length > 2) return undefined;
  const [high = '', low] = parts;
  if (low === undefined) return parseGroup(high, Infinity);
  if (high === '') return undefined;
  const highValue = parseGroup(high, Infinity);
  if (highValue === undefined || highValue === 0) return undefined;
  if (low === '') return highValue * 10_000;
  const lowValue = parseGroup(low, 10_000);
  if (lowValue === undefined) return undefined;
  return highValue * 10_000 + lowValue;
}

/**
 * Convert a Chinese numeral to an integer. Throws `RangeError` for text that is not a well-formed
 * numeral; use {@link tryChineseNumeralToInt} to test instead.
 */
export function chineseNumeralToInt(text: string): number {
  const value = tryChineseNumeralToInt(text);
  if (value === undefined) throw new RangeError(`Not a Chinese numeral: "${text}"`);
  return value;
}

/** Render 0–9999. `leading` drops the 一 of 一十 at the start of a numeral (十一, not 一十一). */
function renderGroup(value: number, leading: boolean): string {
  const digits = [
    [Math.floor(value / 1000) % 10, '千'],
    [Math.floor(value / 100) % 10, '百'],
    [Math.floor(value / 10) % 10, '十'],
    [value % 10, ''],
  ] as const;
  let out = '';
  let started = false;
  let zeroPending = false;
  for (const [digit, unit] of digits) {
    if (digit === 0) {
      if (started) zeroPending = true;
      continue;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    out +=
      unit === '十' && digit === 1 && !started && leading ? '十' : CANONICAL_DIGITS[digit] + unit;
    started = true;
  }
  return out;
}

/**
 * Render a non-negative integer as the canonical Chinese numeral used in legal texts:
 * 5 → 五, 11 → 十一, 20 → 二十, 101 → 一百零一, 110 → 一百一十, 1010 → 一千零一十, 10001 → 一万零一.
 */
export function intToChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`Cannot render ${value} as a Chinese numeral (0–${MAX_CHINESE_NUMERAL})`);
  }
  if (value === 0) return '零';
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  if (high === 0) return renderGroup(low, true);
  let out = `${renderGroup(high, true)}万`;
  if (low === 0) return out;
  if (low < 1000) out += '零';
  out += renderGroup(low, false);
  return out;
}
