import type { MatrixCell } from '../graphql/types';
import { buildMatrix, HEAT_BANDS, heatBand } from './heatmap';

const cell = (unitCode: string, chapter: number, verified: number, tasks: number): MatrixCell => ({
  __typename: 'MatrixCell',
  chapter,
  chapterTitle: `第${chapter}章`,
  unitCode,
  unitName: `单位${unitCode}`,
  tasks,
  verified,
  completionRate: tasks ? verified / tasks : 0,
});

describe('buildMatrix', () => {
  it('makes one row per unit (by code) and one column per chapter (by number)', () => {
    const { chapters, rows } = buildMatrix([
      cell('420600', 2, 1, 2),
      cell('420100', 2, 2, 2),
      cell('420100', 1, 0, 4),
    ]);
    expect(chapters.map((c) => c.number)).toEqual([1, 2]);
    expect(rows.map((r) => r.unitCode)).toEqual(['420100', '420600']);
    expect(rows[0].cells.map((c) => c?.verified)).toEqual([0, 2]);
    // A chapter the API sent no cell for stays empty.
    expect(rows[1].cells[0]).toBeNull();
  });
});

describe('heatBand', () => {
  it.each([
    [0, 0],
    [0.1999, 0],
    [0.2, 1],
    [0.5, 2],
    [0.6, 3],
    [0.8, 4],
    [1, 4],
  ])('puts %s into band %s', (rate, band) => {
    expect(heatBand(rate)).toBe(HEAT_BANDS[band]);
  });
});
