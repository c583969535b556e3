// The Node.js version checks of check-engines.mjs, without input or output (unit-tested in
// test/cross-app/check-engines.spec.ts). Implements npm's range grammar (node-semver) for
// release versions: comparators (<, <=, >, >=, =), x-ranges (20, 20.x, 20.*), tilde, caret,
// hyphen ranges and `||`. Plain Node, no dependencies: it runs right after `npm ci` and must not
// depend on what it checks.

/** @typedef {[number, number, number]} Version */

/** "v20.19.0" → [20, 19, 0]; null when not a full release version. */
export function parseVersion(text) {
  const m = /^\s*v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?\s*$/.exec(String(text));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const isWild = (part) => part === undefined || part === '' || /^[xX*]$/.test(part);

/** A partial version ("20", "20.x", "20.19") as numbers with null for the missing parts. */
function partial(text) {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+][0-9A-Za-z.-]*)?$/.exec(text);
  if (!m) throw new Error(`not a version: ${text}`);
  const parts = [m[1], m[2], m[3]];
  const nums = [];
  for (const part of parts) {
    if (isWild(part)) break;
    nums.push(Number(part));
  }
  return nums; // 0 to 3 numbers
}

const lower = (nums) => [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0];

/** The first version above everything a partial version matches ("20" → 21.0.0). */
function upperExclusive(nums) {
  if (nums.length === 0) return null;
  if (nums.length === 1) return [nums[0] + 1, 0, 0];
  if (nums.length === 2) return [nums[0], nums[1] + 1, 0];
  return null; // a full version: no range
}

/** One comparator set (space-separated, all must hold) as a list of [op, version] tests. */
function comparatorSet(text) {
  const tests = [];
  // Hyphen range: "1.2.3 - 2.3.4".
  const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  if (hyphen) {
    const from = partial(hyphen[1]);
    const to = partial(hyphen[2]);
    tests.push(['>=', lower(from)]);
    const upper = upperExclusive(to);
    if (to.length === 3) tests.push(['<=', lower(to)]);
    else if (upper) tests.push(['<', upper]);
    return tests;
  }
  // "> = 1" and ">= 1" are one token: glue operators to their versions.
  const tokens = text
    .trim()
    .replace(/(<=|>=|<|>|=|~>|~|\^)\s+/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
  for (const token of tokens) {
    const m = /^(<=|>=|<|>|=|~>|~|\^)?(.*)$/.exec(token);
    const op = m[1] ?? '';
    const nums = partial(m[2]);
    if (op === '' || op === '=') {
      if (nums.length === 0) continue; // *
      const upper = upperExclusive(nums);
      if (upper) tests.push(['>=', lower(nums)], ['<', upper]);
      else tests.push(['=', lower(nums)]);
    } else if (op === '~' || op === '~>') {
      if (nums.length === 0) continue;
      tests.push(['>=', lower(nums)]);
      tests.push(['<', nums.length === 1 ? [nums[0] + 1, 0, 0] : [nums[0], nums[1] + 1, 0]]);
    } else if (op === '^') {
      if (nums.length === 0) continue;
      const [major, minor = 0] = nums;
      tests.push(['>=', lower(nums)]);
      if (major > 0 || nums.length === 1) tests.push(['<', [major + 1, 0, 0]]);
      else if (minor > 0 || nums.length === 2) tests.push(['<', [0, minor + 1, 0]]);
      else tests.push(['<', [0, 0, nums[2] + 1]]);
    } else if (nums.length === 0) {
      // ">=*" matches everything, "<*" nothing.
      if (op === '<' || op === '>') tests.push(['<', [0, 0, 0]]);
    } else if (nums.length === 3) {
      tests.push([op, nums]);
    } else if (op === '>') {
      tests.push(['>=', upperExclusive(nums)]); // >20 is >=21.0.0
    } else if (op === '<=') {
      tests.push(['<', upperExclusive(nums)]); // <=20 is <21.0.0
    } else {
      tests.push([op, lower(nums)]); // >=20 is >=20.0.0, <20 is <20.0.0
    }
  }
  return tests;
}

/**
 * Whether `version` satisfies the range `range` (a package's `engines.node`). Engines given as
 * an array (an old form, e.g. ["node >= 0.4"]) are read with "node" removed and joined.
 */
export function satisfies(version, range) {
  const v = typeof version === 'string' ? parseVersion(version) : version;
  if (!v) throw new Error(`not a version: ${version}`);
  const text = String(range).trim();
  if (text === '' || text === '*' || text === 'latest') return true;
  return text.split('||').some((set) =>
    comparatorSet(set).every(([op, bound]) => {
      const c = compare(v, bound);
      if (op === '<') return c < 0;
      if (op === '<=') return c <= 0;
      if (op === '>') return c > 0;
      if (op === '>=') return c >= 0;
      return c === 0;
    }),
  );
}

/** The lowest release version a range allows ("^20.19.0 || >=22.12.0" → 20.19.0), or null. */
export function minVersion(range) {
  const candidates = [];
  for (const set of String(range).split('||')) {
    const tests = comparatorSet(set);
    const floor = tests
      .filter(([op]) => op === '>=' || op === '=')
      .map(([, v]) => v)
      .sort(compare)
      .pop() ?? [0, 0, 0];
    const exclusive = tests.filter(([op]) => op === '>').map(([, v]) => v);
    let candidate = floor;
    for (const v of exclusive) {
      if (compare(v, candidate) >= 0) candidate = [v[0], v[1], v[2] + 1];
    }
    if (satisfies(candidate, set)) candidates.push(candidate);
  }
  return candidates.sort(compare)[0] ?? null;
}

/** A package's engines.node as a range string, or null when it declares none. */
export function nodeRange(engines) {
  if (!engines) return null;
  if (Array.isArray(engines)) {
    const node = engines.filter((e) => /^\s*node\b/.test(e)).map((e) => e.replace(/^\s*node/, ''));
    return node.length ? node.join(' ').trim() || '*' : null;
  }
  return typeof engines.node === 'string' ? engines.node : null;
}

/** "node_modules/a/node_modules/@b/c" → "@b/c". */
export function packageName(lockPath) {
  const i = lockPath.lastIndexOf('node_modules/');
  return i === -1 ? lockPath : lockPath.slice(i + 'node_modules/'.length);
}

/**
 * Every installed package of a lockfile (v2/v3 `packages`) whose engines.node refuses one of
 * `versions`. Production packages (shipped with `npm ci --omit=dev`: not `dev`; `devOptional`
 * ones are installed without dev too) are failures; dev-only ones (build and test tools, never
 * in the image) are warnings.
 */
export function checkLockfile(lock, versions) {
  if (!lock || typeof lock.packages !== 'object') {
    throw new Error('not a lockfile of npm 7 or later (no "packages")');
  }
  const failures = [];
  const warnings = [];
  let checked = 0;
  for (const [lockPath, meta] of Object.entries(lock.packages)) {
    if (lockPath === '' || meta.link) continue;
    const range = nodeRange(meta.engines);
    if (range === null) continue;
    checked += 1;
    const refused = versions.filter((v) => !satisfies(v, range));
    if (refused.length === 0) continue;
    const entry = {
      name: packageName(lockPath),
      version: meta.version ?? '?',
      path: lockPath,
      range,
      refused,
    };
    (meta.dev === true ? warnings : failures).push(entry);
  }
  const byName = (a, b) => a.path.localeCompare(b.path);
  return { checked, failures: failures.sort(byName), warnings: warnings.sort(byName) };
}
