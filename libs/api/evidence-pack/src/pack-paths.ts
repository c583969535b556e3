import {
  MANIFEST_CHECKSUM_FILE_NAME,
  MANIFEST_FILE_NAME,
  PACK_INFO_FILE_NAME,
  SIGNATURE_FILE_NAME,
} from './manifest';
import { PROBLEMS_FILE_NAME } from './problems';

export const DEFAULT_SEGMENT_MAX_LENGTH = 60;

/** Line breaks, tabs and other whitespace controls: become spaces before controls are removed. */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
/** Removed: controls (Cc), format characters such as bidi overrides and zero-width spaces (Cf), lone surrogates (Cs). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
/** Path separators and the characters Windows forbids in names. */
const UNSAFE = /[/\\:*?"<>|]/g;
const EDGE_DOTS_AND_SPACES = /^[\s.]+|[\s.]+$/gu;
/** Device names Windows reserves with any extension (`CON.pdf` cannot be extracted there). */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/iu;
/** An extension worth keeping when shortening: a dot, then 1–15 letters, digits, `_` or `-`. */
const EXTENSION = /\.[\p{L}\p{N}_-]{1,15}$/u;

/**
 * One safe path segment for a pack: NFC; whitespace controls become spaces and other control,
 * format (bidi, zero-width) and lone surrogate characters are removed; `/ \ : * ? " < > |`
 * become `_`; runs of whitespace become one space; dots and spaces are trimmed at both ends;
 * Windows device names get a `_` prefix; at most `maxLength` characters (code points, so a
 * surrogate pair is never split; a short extension is kept when shortening); '' becomes '_'.
 * Idempotent; the result is never '.', '..' nor contains '/'.
 */
export function packSegment(name: string, maxLength = DEFAULT_SEGMENT_MAX_LENGTH): string {
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  }
  let segment = String(name)
    .normalize('NFC')
    .replace(WHITESPACE_CONTROLS, ' ')
    .replace(INVISIBLE, '')
    .replace(UNSAFE, '_')
    .replace(/\s+/gu, ' ')
    .replace(EDGE_DOTS_AND_SPACES, '');
  segment = shorten(segment, maxLength).replace(EDGE_DOTS_AND_SPACES, '');
  if (WINDOWS_DEVICE.test(segment)) segment = `_${truncate(segment, maxLength - 1)}`;
  return segment === '' ? '_' : segment;
}

function shorten(segment: string, maxLength: number): string {
  if (codePointLength(segment) <= maxLength) return segment;
  const extension = EXTENSION.exec(segment)?.[0];
  if (extension !== undefined && extension.length < maxLength) {
    const base = segment.slice(0, segment.length - extension.length);
    const cut = truncate(base, maxLength - extension.length).replace(EDGE_DOTS_AND_SPACES, '');
    if (cut !== '') return cut + extension;
  }
  return truncate(segment, maxLength);
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/** The first `maxLength` code points. */
function truncate(text: string, maxLength: number): string {
  return Array.from(text).slice(0, Math.max(0, maxLength)).join('');
}

/** Case-insensitive identity of a path, as Windows and macOS file systems see it. */
function pathKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Makes paths unique, case-insensitively, keeping their order: the first occurrence keeps its
 * name, later ones get ' (2)', ' (3)', … before the extension of their last segment
 * (`a/b.pdf` → `a/b (2).pdf`), choosing the first number that collides with no other path of
 * the input nor an earlier result.
 */
export function uniquePackPaths(paths: string[]): string[] {
  const taken = new Set(paths.map(pathKey));
  const used = new Set<string>();
  return paths.map((path) => {
    const key = pathKey(path);
    if (!used.has(key)) {
      used.add(key);
      return path;
    }
    for (let counter = 2; ; counter++) {
      const candidate = withCounter(path, counter);
      const candidateKey = pathKey(candidate);
      if (!taken.has(candidateKey) && !used.has(candidateKey)) {
        used.add(candidateKey);
        return candidate;
      }
    }
  });
}

function withCounter(path: string, counter: number): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  // A dot starting the last segment ('.env') or none at all: no extension.
  const stemEnd = dot > slash + 1 ? dot : path.length;
  return `${path.slice(0, stemEnd)} (${counter})${path.slice(stemEnd)}`;
}

const MAX_ZIP_NAME_BYTES = 0xffff;
const RESERVED_NAMES = new Set([
  MANIFEST_FILE_NAME,
  MANIFEST_CHECKSUM_FILE_NAME,
  PROBLEMS_FILE_NAME,
  PACK_INFO_FILE_NAME,
  SIGNATURE_FILE_NAME,
]);

/**
 * Why `path` cannot name a file in a pack, or null when it can: it must be relative,
 * '/'-separated, without empty, '.' or '..' segments, backslashes, control characters or a
 * drive letter, fit a zip name, and not be one of the manifest files.
 */
export function packPathProblem(path: string): string | null {
  if (path === '') return 'empty path';
  if (Buffer.byteLength(path, 'utf8') > MAX_ZIP_NAME_BYTES) return 'longer than a zip name allows';
  if (path.includes('\\')) return 'contains a backslash';
  if (/\p{Cc}/u.test(path)) return 'contains a control character';
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter';
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return "has an empty, '.' or '..' segment";
  }
  if (RESERVED_NAMES.has(pathKey(path))) return 'is reserved for the manifest files';
  return null;
}

/** Checks a path against `packPathProblem` and (case-insensitively) against paths seen so far. */
export class PackPathRegistry {
  private readonly seen = new Set<string>();

  add(path: string): void {
    const problem = packPathProblem(path);
    if (problem !== null) throw new Error(`Invalid pack path "${path}": ${problem}`);
    const key = pathKey(path);
    if (this.seen.has(key)) {
      throw new Error(
        `Duplicate pack path "${path}" (paths are compared case-insensitively; see uniquePackPaths)`,
      );
    }
    this.seen.add(key);
  }
}
