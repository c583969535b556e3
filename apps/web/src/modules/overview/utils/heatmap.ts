import type { MatrixCell } from '../graphql/types';

export interface MatrixChapter {
  number: number;
  title: string;
}

export interface MatrixRow {
  unitCode: string;
  unitName: string;
  /** The cell of each chapter, in the order of `chapters`; null when the API sent none. */
  cells: Array<MatrixCell | null>;
}

/** The API's flat cells (by chapter, then unit) as a grid: one row per unit, one column per chapter. */
export function buildMatrix(cells: readonly MatrixCell[]): {
  chapters: MatrixChapter[];
  rows: MatrixRow[];
} {
  const chapters = new Map<number, string>();
  const units = new Map<string, string>();
  const byKey = new Map<string, MatrixCell>();
  for (const cell of cells) {
    if (!chapters.has(cell.chapter)) chapters.set(cell.chapter, cell.chapterTitle);
    if (!units.has(cell.unitCode)) units.set(cell.unitCode, cell.unitName);
    byKey.set(`${cell.unitCode}|${cell.chapter}`, cell);
  }
  const chapterList = [...chapters]
    .map(([number, title]) => ({ number, title }))
    .sort((a, b) => a.number - b.number);
  const rows = [...units]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitCode, unitName]) => ({
      unitCode,
      unitName,
      cells: chapterList.map((c) => byKey.get(`${unitCode}|${c.number}`) ?? null),
    }));
  return { chapters: chapterList, rows };
}

/** Colour bands of the heatmap, lowest completion first (lower bound inclusive). */
export const HEAT_BANDS = [
  { min: 0, background: '#fbe3e1', color: '#5c1a14' },
  { min: 0.2, background: '#fcefd2', color: '#5a4208' },
  { min: 0.4, background: '#dbe7f7', color: '#11305f' },
  { min: 0.6, background: '#8fb0e3', color: '#0b2245' },
  { min: 0.8, background: '#1f4e9e', color: '#ffffff' },
] as const;

export type HeatBand = (typeof HEAT_BANDS)[number];

/** The band of a completion rate (0…1). */
export function heatBand(rate: number): HeatBand {
  let band: HeatBand = HEAT_BANDS[0];
  for (const candidate of HEAT_BANDS) if (rate >= candidate.min) band = candidate;
  return band;
}
