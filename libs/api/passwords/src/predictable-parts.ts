/**
 * Finds the parts of a password an attacker's guessing tools try first, so the policy can
 * require enough of the rest. Each kind of part is a table or a rule below, with what it
 * encodes; the password is folded first (NFKC, lower case), names and words are also looked
 * up with common character substitutions undone (p@ssw0rd → password).
 *
 * What counts as predictable, and why:
 * - keyboard walks of 3 or more keys on a US QWERTY layout, the layout Chinese users type
 *   passwords on too: rows (qwer, asdf, zxcv, 7890), columns (1qaz, 2wsx, zaq1) and bends
 *   (qwedcxz); a shifted key counts as its key (!QAZ = 1qaz);
 * - sequences of 3 or more letters or digits with a constant step of 1 or 2, either way
 *   (abcd, 4321, 2468, aceg);
 * - repetition: everything after the first copy of a repeated character or chunk
 *   (aaaa, Aa1!Aa1!, abcabc);
 * - years 1900–2099 (2026, 1990): the year of the password change is the most common suffix;
 * - the user's names (username, its parts between . _ - and without them, display name and
 *   its parts) and the caller's context words (e.g. the parts of the documented demo password).
 */

/** US QWERTY rows, unshifted; a key's neighbours are beside it and diagonally above/below. */
const KEYBOARD_ROWS = ['1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
/** Shifted characters and the key they are typed on. */
const SHIFTED = '!@#$%^&*()_+{}|:"<>?~';
const UNSHIFTED = "1234567890-=[]\\;',./`";

/** Common substitutions in words and names (leetspeak), each to the letter it stands for. */
const SUBSTITUTIONS: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  l: 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};

const MIN_WALK = 3;
const MIN_SEQUENCE = 3;
const MAX_SEQUENCE_STEP = 2;
const YEAR = /(?:19|20)\d\d/gu;

const adjacency = buildAdjacency();

function buildAdjacency(): Map<string, Set<string>> {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string | undefined, b: string | undefined) => {
    if (!a || !b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const set = neighbours.get(x) ?? new Set<string>();
      set.add(y);
      neighbours.set(x, set);
    }
  };
  KEYBOARD_ROWS.forEach((row, r) => {
    for (let c = 0; c < row.length; c += 1) {
      link(row[c], row[c + 1]);
      // Rows are staggered: w sits above a and s, so a key touches two keys of the row below.
      const below = KEYBOARD_ROWS[r + 1];
      if (below) {
        link(row[c], below[c - 1]);
        link(row[c], below[c]);
      }
    }
  });
  return neighbours;
}

function unshift(c: string): string {
  const i = SHIFTED.indexOf(c);
  return i >= 0 ? UNSHIFTED[i] : c;
}

function isAdjacentKey(a: string, b: string): boolean {
  return adjacency.get(unshift(a))?.has(unshift(b)) ?? false;
}

/** Letter a–z or digit 0–9 as [class, value], for sequences. */
function sequenceValue(c: string): [string, number] | null {
  if (c >= 'a' && c <= 'z') return ['letter', c.charCodeAt(0)];
  if (c >= '0' && c <= '9') return ['digit', c.charCodeAt(0)];
  return null;
}

export interface PredictablePartsOptions {
  /** Names and words to treat as predictable, already folded; shorter than 2 are ignored. */
  words?: readonly string[];
}

/**
 * For each code point of the folded password, whether it belongs to a predictable part.
 * `chars` are the folded password's code points.
 */
export function markPredictable(
  chars: readonly string[],
  options: PredictablePartsOptions = {},
): boolean[] {
  const marked = chars.map(() => false);
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) marked[i] = true;
  };
  markWalks(chars, mark);
  markSequences(chars, mark);
  markRepeats(chars, mark);
  markYears(chars, mark);
  markWords(chars, options.words ?? [], mark);
  return marked;
}

/** How many code points of the folded password are not part of a predictable pattern. */
export function unpredictableLength(
  chars: readonly string[],
  options: PredictablePartsOptions = {},
): number {
  return markPredictable(chars, options).filter((m) => !m).length;
}

type Mark = (from: number, to: number) => void;

function markWalks(chars: readonly string[], mark: Mark): void {
  let start = 0;
  for (let i = 1; i <= chars.length; i += 1) {
    if (i < chars.length && isAdjacentKey(chars[i - 1], chars[i])) continue;
    if (i - start >= MIN_WALK) mark(start, i);
    start = i;
  }
}

function markSequences(chars: readonly string[], mark: Mark): void {
  for (let start = 0; start + MIN_SEQUENCE <= chars.length;) {
    const first = sequenceValue(chars[start]);
    const second = sequenceValue(chars[start + 1]);
    const step = first && second && first[0] === second[0] ? second[1] - first[1] : 0;
    if (step === 0 || Math.abs(step) > MAX_SEQUENCE_STEP) {
      start += 1;
      continue;
    }
    let end = start + 2;
    while (end < chars.length) {
      const next = sequenceValue(chars[end]);
      const previous = sequenceValue(chars[end - 1]) as [string, number];
      if (!next || next[0] !== previous[0] || next[1] - previous[1] !== step) break;
      end += 1;
    }
    if (end - start >= MIN_SEQUENCE) mark(start, end);
    // The last element may begin another sequence (abc then cba).
    start = Math.max(start + 1, end - 1);
  }
}

function markRepeats(chars: readonly string[], mark: Mark): void {
  const n = chars.length;
  for (let i = 0; i < n; i += 1) {
    // Every chunk repeated from i on: what follows its first copy adds nothing new.
    for (let chunk = 1; i + 2 * chunk <= n; chunk += 1) {
      let copies = 1;
      while (i + (copies + 1) * chunk <= n && sameRange(chars, i, i + copies * chunk, chunk)) {
        copies += 1;
      }
      if (copies > 1) mark(i + chunk, i + copies * chunk);
    }
  }
}

function sameRange(chars: readonly string[], a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k += 1) if (chars[a + k] !== chars[b + k]) return false;
  return true;
}

function markYears(chars: readonly string[], mark: Mark): void {
  // Code points, not UTF-16 units: match on a string whose indices are the code points'.
  const ascii = chars.map((c) => (c.length === 1 ? c : '\u0000')).join('');
  for (const match of ascii.matchAll(YEAR)) mark(match.index, match.index + match[0].length);
}

function markWords(chars: readonly string[], words: readonly string[], mark: Mark): void {
  const skeleton = chars.map(substitute);
  for (const word of words) {
    const target = Array.from(word).map(substitute);
    if (target.length < 2) continue;
    for (let i = 0; i + target.length <= skeleton.length; i += 1) {
      if (target.every((c, k) => skeleton[i + k] === c)) mark(i, i + target.length);
    }
  }
}

function substitute(c: string): string {
  return SUBSTITUTIONS[c] ?? c;
}
