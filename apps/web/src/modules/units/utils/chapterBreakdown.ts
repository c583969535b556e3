import type { IndicatorScore } from '../graphql/types';

export interface ChapterScore {
  chapter: number;
  /** The chapter's title when known (from the unit's tasks). */
  title: string | undefined;
  indicators: number;
  /** Marks available to the unit. */
  marks: number;
  earned: number;
  /** earned ÷ marks, 0 without marks. */
  rate: number;
  /** What the rule gives (tasks, measured values) before any review stage's score. */
  computed: number;
  /** Indicators whose score a review stage gave (自评, 初审, 复核) instead of the rule. */
  reviewed: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The indicator breakdown summed per chapter, by chapter number. */
export function chapterBreakdown(
  indicators: readonly IndicatorScore[],
  chapterTitles: ReadonlyMap<number, string> = new Map(),
): ChapterScore[] {
  const byChapter = new Map<number, ChapterScore>();
  for (const indicator of indicators) {
    const row = byChapter.get(indicator.chapter) ?? {
      chapter: indicator.chapter,
      title: chapterTitles.get(indicator.chapter),
      indicators: 0,
      marks: 0,
      earned: 0,
      rate: 0,
      computed: 0,
      reviewed: 0,
    };
    row.indicators += 1;
    row.marks += indicator.marks;
    row.earned += indicator.earned;
    row.computed += indicator.computedEarned;
    if (indicator.stage !== 'computed') row.reviewed += 1;
    byChapter.set(indicator.chapter, row);
  }
  return [...byChapter.values()]
    .sort((a, b) => a.chapter - b.chapter)
    .map((row) => ({
      ...row,
      marks: round2(row.marks),
      earned: round2(row.earned),
      computed: round2(row.computed),
      rate: row.marks > 0 ? Math.round((row.earned / row.marks) * 10_000) / 10_000 : 0,
    }));
}
