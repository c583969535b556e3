/**
 * Text helpers. Matching runs on a compact copy of the text with every whitespace character
 * removed (spaces, U+00A0, U+3000, BOM, line breaks), so that `县级以上 人民政府` matches like
 * `县级以上人民政府`; an index map turns compact positions back into exact source substrings.
 */

export interface CompactText {
  original: string;
  compact: string;
  /** map[i] = index in `original` of compact[i]. */
  map: number[];
}

export function compactText(original: string): CompactText {
  let compact = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i += 1) {
    const ch = original[i];
    if (/\s/.test(ch)) continue;
    compact += ch;
    map.push(i);
  }
  return { original, compact, map };
}

/** The exact source substring covering compact[start, end). */
export function sourceSlice(
  t: CompactText,
  start: number,
  end: number,
): { text: string; offset: number } {
  if (end <= start)
    return { text: '', offset: start < t.map.length ? t.map[start] : t.original.length };
  const from = t.map[start];
  const to = t.map[end - 1] + 1;
  return { text: t.original.slice(from, to), offset: from };
}

/** Whitespace-free display text of compact[start, end) (spaces kept only between ASCII words). */
export function displaySlice(t: CompactText, start: number, end: number): string {
  return tidy(sourceSlice(t, start, end).text);
}

export function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?=[^\x20-\x7e])|(?<=[^\x20-\x7e]) /g, '');
}

const TRAILING_PUNCTUATION = /[，。；：、,.;:!?！？\s]+$/;
const LEADING_PUNCTUATION = /^[，。；：、,.;:\s]+/;

export function trimPunctuation(s: string): string {
  return s.replace(TRAILING_PUNCTUATION, '').replace(LEADING_PUNCTUATION, '');
}

/** `第N条【标题】` at the start of a paragraph (tolerated: callers may pass the heading line). */
const ARTICLE_HEADING = /^第[零〇一二三四五六七八九十百千两0-9]+条(?:【[^】]*】)?/;
/** `（一）` `(一)` `一、` `1.` `1．` `（1）` `㈠` `①` at the start of an item. */
const ITEM_MARKER =
  /^(?:[（(][零〇一二三四五六七八九十百0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.．、]|[㈠-㈩]|[①-⑳])/;

export function headingLength(compact: string): number {
  return ARTICLE_HEADING.exec(compact)?.[0].length ?? 0;
}

export function itemMarkerLength(compact: string): number {
  return ITEM_MARKER.exec(compact)?.[0].length ?? 0;
}

/** A sentence or clause: compact[start, end), terminator excluded. */
export interface Unit {
  start: number;
  end: number;
  /** The punctuation that ended the unit: 。 (also ！？), ；, ： (only at the end), or '' at text end. */
  terminator: '。' | '；' | '：' | '';
  /** 0-based sentence (。-delimited) index within the text. */
  sentence: number;
  /** 0-based clause index within the sentence (；-delimited, and new-subject comma splits). */
  clause: number;
}

const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const CLAUSE_END = new Set(['；', ';']);
const COLON = new Set(['：', ':']);
const SKIPPABLE = /[，、,：:；;。\s]/;

/** Split compact[from, …) into sentences (。) and clauses (；); a final ：/: ends a lead-in. */
export function splitUnits(compact: string, from: number): Unit[] {
  const units: Unit[] = [];
  let sentence = 0;
  let clause = 0;
  let start = from;
  const push = (end: number, terminator: Unit['terminator']): void => {
    let s = start;
    while (s < end && SKIPPABLE.test(compact[s])) s += 1;
    let e = end;
    while (e > s && /[，、,\s]/.test(compact[e - 1])) e -= 1;
    if (e > s && /[^，、,：:；;。！？!?]/.test(compact.slice(s, e))) {
      units.push({ start: s, end: e, terminator, sentence, clause });
      clause += 1;
    }
  };
  for (let i = from; i < compact.length; i += 1) {
    const ch = compact[i];
    if (SENTENCE_END.has(ch)) {
      push(i, '。');
      sentence += 1;
      clause = 0;
      start = i + 1;
    } else if (CLAUSE_END.has(ch)) {
      push(i, '；');
      start = i + 1;
    } else if (COLON.has(ch) && /^[\s，。；：,;:]*$/.test(compact.slice(i + 1))) {
      push(i, '：');
      start = i + 1;
    }
  }
  push(compact.length, '');
  return units;
}
