/** An administrative unit as names in a workbook are matched against it. */
export interface MatchableUnit {
  code: string;
  name: string;
  level: string;
  parentName: string | null;
}

export type UnitMatch =
  | { kind: 'found'; unit: MatchableUnit }
  | { kind: 'ambiguous'; candidates: MatchableUnit[] }
  | { kind: 'unknown'; suggestions: MatchableUnit[] };

/** Administrative suffixes left out when names are compared loosely (longest first). */
const SUFFIXES = /(土家族苗族自治州|自治州|自治县|林区|新区|地区|市|区|县|州|盟|旗)$/;
const MAX_SUGGESTIONS = 3;
const MIN_SIMILARITY = 0.5;

/** Compatibility forms folded, whitespace and punctuation dropped. */
export function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}

/**
 * Matches the unit names or codes written in a workbook: a code, the full name with its parent
 * (武汉市江岸区) or the name alone when it is unique; anything else is unknown, with the nearest
 * units as suggestions (edit distance, or one name containing the other once the administrative
 * suffix is dropped, e.g. 恩施州 → 恩施土家族苗族自治州). Nothing is matched by guess.
 */
export class UnitMatcher {
  private readonly byCode = new Map<string, MatchableUnit>();
  private readonly byName = new Map<string, MatchableUnit[]>();
  private readonly byFullName = new Map<string, MatchableUnit>();

  constructor(private readonly units: MatchableUnit[]) {
    for (const u of units) {
      this.byCode.set(u.code, u);
      const key = normaliseName(u.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), u]);
      if (u.parentName) this.byFullName.set(normaliseName(u.parentName) + key, u);
    }
  }

  unit(code: string): MatchableUnit | undefined {
    return this.byCode.get(code);
  }

  match(text: string): UnitMatch {
    const key = normaliseName(text);
    const byCode = this.byCode.get(key);
    if (byCode) return { kind: 'found', unit: byCode };
    const full = this.byFullName.get(key);
    if (full) return { kind: 'found', unit: full };
    const named = this.byName.get(key) ?? [];
    if (named.length === 1) return { kind: 'found', unit: named[0] };
    if (named.length > 1) return { kind: 'ambiguous', candidates: named };
    return { kind: 'unknown', suggestions: this.suggest(key) };
  }

  private suggest(key: string): MatchableUnit[] {
    const loose = key.replace(SUFFIXES, '');
    return this.units
      .map((u) => {
        const name = normaliseName(u.name);
        const full = u.parentName ? normaliseName(u.parentName) + name : name;
        const bare = name.replace(SUFFIXES, '');
        let score = Math.max(similarity(key, name), similarity(key, full));
        if (
          loose.length >= 2 &&
          bare.length >= 2 &&
          (bare.includes(loose) || loose.includes(bare))
        ) {
          score = Math.max(
            score,
            0.6 + (0.4 * Math.min(loose.length, bare.length)) / Math.max(loose.length, bare.length),
          );
        }
        return { u, score };
      })
      .filter((s) => s.score >= MIN_SIMILARITY)
      .sort((a, b) => b.score - a.score || a.u.code.localeCompare(b.u.code))
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => s.u);
  }
}

/** 1 − edit distance ÷ the longer length (by code points). */
export function similarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length && !y.length) return 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}
