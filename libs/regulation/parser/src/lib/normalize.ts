/**
 * Text normalisation helpers.
 *
 * Two different needs meet here and must not be confused:
 * - Structure recognition (is this line a heading? an item?) must be tolerant of the many ways a
 *   regulation is typed: half- vs full-width punctuation, stray spaces of every width, BOMs.
 * - Stored text must stay faithful to the source. The parser therefore only ever trims the
 *   outer whitespace of a line; everything inside is kept verbatim. Fuzzy comparison is a
 *   separate, explicit step ({@link normalizeForComparison}).
 */

/**
 * Characters treated as whitespace. `\s` already covers ASCII whitespace, NBSP (U+00A0, which the
 * seed text uses between an article heading and its body), the ideographic space U+3000 and the
 * BOM U+FEFF; the zero-width characters are added because copy/paste from web pages and Word
 * documents leaves them behind and they are invisible to reviewers.
 */
// A range rather than single code points keeps the zero-width joiner U+200D out of a literal
// character-class sequence (eslint no-misleading-character-class).
export const WS_CLASS = '\\s\\u200b-\\u200d\\u2060';

const OUTER_WS = new RegExp(`^[${WS_CLASS}]+|[${WS_CLASS}]+$`, 'gu');
const ANY_WS = new RegExp(`[${WS_CLASS}]+`, 'gu');

/** Remove leading/trailing whitespace of every width (half-width, full-width U+3000, NBSP, zero-width). */
export function trimOuter(text: string): string {
  return text.replace(OUTER_WS, '');
}

/** Remove every whitespace character, e.g. `第一章 总 则` → `第一章总则`. */
export function removeWhitespace(text: string): string {
  return text.replace(ANY_WS, '');
}

/** A physical source line: its text with outer whitespace trimmed and its 1-based line number. */
export interface SourceLine {
  readonly text: string;
  readonly line: number;
}

/**
 * Split a document into lines. Accepts LF, CRLF, old-Mac CR and the Unicode line/paragraph
 * separators; strips a leading BOM. Line numbers are 1-based and count every physical line
 * (blank ones included) so that they match what an editor shows.
 */
export function splitSourceLines(text: string): SourceLine[] {
  const withoutBom = text.startsWith('\ufeff') ? text.slice(1) : text;
  return withoutBom
    .split(/\r\n|\r|\n|\u2028|\u2029/u)
    .map((raw, index) => ({ text: trimOuter(raw), line: index + 1 }));
}

/**
 * Punctuation that NFKC leaves alone but which writers use interchangeably with an ASCII
 * counterpart. After NFKC has folded the full-width ASCII forms（（）：，；！？［］～ etc.）to
 * half-width, these map the remaining CJK-only forms onto the same half-width characters so that
 * `【标题】` and `[标题]`, `。` and `.`, `“引号”` and `"引号"` compare equal.
 */
const PUNCTUATION_FOLD: Readonly<Record<string, string>> = {
  '。': '.',
  '｡': '.',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '〖': '[',
  '〗': ']',
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '—': '-',
  '–': '-',
  '―': '-',
  '‐': '-',
  '‑': '-',
  '・': '·',
  '･': '·',
  '〜': '~',
};

const PUNCTUATION_FOLD_RE = new RegExp(`[${Object.keys(PUNCTUATION_FOLD).join('')}]`, 'gu');

/**
 * A stable fingerprint of a piece of regulation text, for deciding whether a paragraph (款) or
 * item (项) is "the same" across versions of a regulation: NFKC (full-width letters, digits and
 * ASCII punctuation become half-width), every whitespace character removed, and the remaining
 * CJK punctuation folded onto its half-width counterpart. Two texts whose fingerprints are equal
 * differ only in typing conventions, never in wording.
 *
 * The result is meant for comparison and hashing, not for display.
 */
export function normalizeForComparison(text: string): string {
  return removeWhitespace(text.normalize('NFKC')).replace(
    PUNCTUATION_FOLD_RE,
    (ch) => PUNCTUATION_FOLD[ch] ?? ch,
  );
}
