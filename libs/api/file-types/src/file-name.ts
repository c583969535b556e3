/**
 * File names from clients are metadata: they are shown to users and sent back in
 * Content-Disposition, but never used to build a path (stored files are named by the server).
 * `sanitizeFileName` still makes them safe for both uses.
 */

/** What replaces a name that is empty once cleaned. */
export const FALLBACK_FILE_NAME = '未命名文件';

export const DEFAULT_FILE_NAME_MAX_LENGTH = 200;

/**
 * Removed everywhere: C0 and C1 controls and DEL (Cc), format characters (Cf: bidi embeddings,
 * overrides and isolates such as U+202E, LRM/RLM/ALM, zero-width space/joiners, word joiner,
 * BOM, soft hyphen, tag characters), lone surrogates (Cs), line and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
/** Characters Windows forbids in names (`/` and `\` are path separators, handled first). */
const WINDOWS_RESERVED = /[<>:"|?*]/g;
/** Device names Windows reserves with any extension (`CON.pdf` opens the console). */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/iu;
const EDGE_DOTS_AND_SPACES = /^[\s.]+|[\s.]+$/gu;
const TRAILING_DOTS_AND_SPACES = /[\s.]+$/u;
/** An extension worth keeping when shortening: a dot, then 1–15 letters, digits, `_` or `-`. */
const EXTENSION = /\.[\p{L}\p{N}_-]{1,15}$/u;

let graphemes: Intl.Segmenter | undefined;

/**
 * A file name safe to show and to send back: NFC; only the last path segment (`/` and `\`,
 * drive letters); no control, bidi or zero-width characters; no characters Windows forbids
 * (`<>:"|?*` become `_`) nor device names (`CON` becomes `_CON`); no leading or trailing dots
 * and spaces; at most `maxLength` UTF-16 code units (cut between grapheme clusters, keeping the
 * extension); never empty, `.` or `..` (`未命名文件` instead). Idempotent.
 */
export function sanitizeFileName(name: string, maxLength = DEFAULT_FILE_NAME_MAX_LENGTH): string {
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  // Each step keeps the result of the others (NFC after removals, trimming after the cut), so a
  // second pass normally changes nothing; looping makes idempotence hold for the corner cases
  // too (a cut that produces a device name, a tiny maxLength).
  let current = String(name);
  for (let pass = 0; pass < 8; pass++) {
    const next = sanitizeOnce(current, maxLength);
    if (next === current) return next;
    current = next;
  }
  return current;
}

function sanitizeOnce(name: string, maxLength: number): string {
  let result = name.replace(INVISIBLE, '').normalize('NFC');
  result = result.slice(Math.max(result.lastIndexOf('/'), result.lastIndexOf('\\')) + 1);
  result = result.replace(/^[A-Za-z]:/, '');
  result = result.replace(WINDOWS_RESERVED, '_');
  result = result.replace(EDGE_DOTS_AND_SPACES, '');
  if (WINDOWS_DEVICE.test(result)) result = `_${result}`;
  result = shorten(result, maxLength).replace(EDGE_DOTS_AND_SPACES, '');
  if (result === '') result = truncate(FALLBACK_FILE_NAME, maxLength);
  return result;
}

function shorten(name: string, maxLength: number): string {
  if (name.length <= maxLength) return name;
  const extension = EXTENSION.exec(name)?.[0];
  if (extension !== undefined && extension.length < maxLength && extension.length < name.length) {
    const base = name.slice(0, name.length - extension.length);
    const cut = truncate(base, maxLength - extension.length).replace(TRAILING_DOTS_AND_SPACES, '');
    if (cut !== '') return cut + extension;
  }
  return truncate(name, maxLength);
}

/** At most `maxLength` UTF-16 units, cut between grapheme clusters (or code points). */
function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  let result = '';
  for (const { segment } of graphemes.segment(text)) {
    if (result.length + segment.length > maxLength) break;
    result += segment;
  }
  if (result !== '') return result;
  // The first grapheme cluster alone is too long: cut it between code points.
  for (const codePoint of text) {
    if (result.length + codePoint.length > maxLength) break;
    result += codePoint;
  }
  return result;
}

/**
 * Untrusted text (an archive entry name, a declared file name) made safe to quote in a message:
 * invisible characters removed, NFC, at most `maxLength` code units with an ellipsis.
 */
export function displayText(text: string, maxLength = 80): string {
  const clean = text.replace(INVISIBLE, '').normalize('NFC');
  return clean.length <= maxLength ? clean : `${truncate(clean, maxLength - 1)}…`;
}

/** The lower-case extension of a name (`.pdf`), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = sanitizeFileName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
