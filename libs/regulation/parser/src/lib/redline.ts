/** What a redline segment does to the old text. */
export type RedlineOp = 'equal' | 'insert' | 'delete';

export interface RedlineSegment {
  op: RedlineOp;
  text: string;
}

/**
 * Tokens for a Chinese redline: every CJK (or other) character on its own, a run of Latin
 * letters and digits as one word (so `2010` or `GDP` change as a whole), a run of whitespace as
 * one token, and every punctuation mark on its own.
 */
const TOKEN = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}]+|\s+|[\s\S]/gu;

export function tokenizeForRedline(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Word-level redline of two texts (Myers' O((N+M)·D) shortest edit script on
 * {@link tokenizeForRedline} tokens). Adjacent tokens with the same operation are joined into
 * runs, and inside every changed stretch the deletion comes before the insertion, the way a
 * reviewer reads a marked-up article. Concatenating the `equal` and `delete` segments gives the
 * old text back; `equal` and `insert` give the new one.
 */
export function redline(oldText: string, newText: string): RedlineSegment[] {
  const a = tokenizeForRedline(oldText);
  const b = tokenizeForRedline(newText);
  // Common prefix and suffix never take part in the search.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: RedlineOp[] = [
    ...Array<RedlineOp>(start).fill('equal'),
    ...myers(a.slice(start, endA), b.slice(start, endB)),
    ...Array<RedlineOp>(a.length - endA).fill('equal'),
  ];
  return toSegments(ops, a, b);
}

/** Edit script (one op per token) turning `a` into `b`, by Myers' greedy forward search. */
function myers(a: readonly string[], b: readonly string[]): RedlineOp[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return Array<RedlineOp>(m).fill('insert');
  if (m === 0) return Array<RedlineOp>(n).fill('delete');
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  // Snapshot of the furthest-reaching x on diagonals -d..d after each step d, for the
  // backtrack: O(D²) memory rather than O((N+M)·D).
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  const ops: RedlineOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const previous = trace[d - 1]; // diagonals -(d-1)..(d-1)
    const at = (k: number) => previous[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('equal');
      x--;
      y--;
    }
    ops.push(down ? 'insert' : 'delete');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push('equal');
    x--;
    y--;
  }
  return ops.reverse();
}

function toSegments(
  ops: readonly RedlineOp[],
  a: readonly string[],
  b: readonly string[],
): RedlineSegment[] {
  const segments: RedlineSegment[] = [];
  const push = (op: RedlineOp, text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last?.op === op) last.text += text;
    else segments.push({ op, text });
  };
  let i = 0;
  let j = 0;
  let deleted = '';
  let inserted = '';
  const flush = () => {
    push('delete', deleted);
    push('insert', inserted);
    deleted = '';
    inserted = '';
  };
  for (const op of ops) {
    if (op === 'equal') {
      flush();
      push('equal', a[i++]);
      j++;
    } else if (op === 'delete') deleted += a[i++];
    else inserted += b[j++];
  }
  flush();
  return segments;
}
