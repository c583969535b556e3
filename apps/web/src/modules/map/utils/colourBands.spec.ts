import { bandOf, completionBands, scoreBands, urgingBands } from './colourBands';

describe('colour bands', () => {
  it('puts completion rates in 20-point bands, the bounds in the upper band', () => {
    const bands = completionBands();
    const key = (rate: number | null) => bandOf(bands, rate)?.key ?? null;
    expect(bands.map((b) => b.label)).toEqual(['0–20%', '20–40%', '40–60%', '60–80%', '≥ 80%']);
    expect(key(0)).toBe('c0');
    expect(key(0.1999)).toBe('c0');
    expect(key(0.2)).toBe('c1');
    expect(key(0.5)).toBe('c2');
    expect(key(0.79)).toBe('c3');
    expect(key(0.8)).toBe('c4');
    expect(key(1)).toBe('c4');
    expect(key(null)).toBeNull();
  });

  it('colours scores by the plan’s grade bands, best green and worst red', () => {
    const bands = scoreBands([
      { grade: '良好', min: 80 },
      { grade: '优秀', min: 90 },
      { grade: '不合格', min: 0 },
      { grade: '合格', min: 60 },
    ]);
    const grade = (score: number) => bandOf(bands, score)?.label.replace(/（.*$/, '');
    expect(bands.map((b) => b.label)).toEqual([
      '不合格（0–60）',
      '合格（60–80）',
      '良好（80–90）',
      '优秀（≥ 90）',
    ]);
    expect(grade(59.99)).toBe('不合格');
    expect(grade(60)).toBe('合格');
    expect(grade(89.9)).toBe('良好');
    expect(grade(100)).toBe('优秀');
    // A deduction below zero is still the lowest grade.
    expect(grade(-5)).toBe('不合格');
    expect(bands[0].fill).toBe('#b2182b');
    expect(bands[3].fill).toBe('#1a7837');
    expect(scoreBands([])).toEqual([]);
  });

  it('colours urging notices from none (green) to many (red)', () => {
    const bands = urgingBands();
    const label = (n: number) => bandOf(bands, n)?.label;
    expect([0, 1, 2, 3, 5, 6, 10, 11, 40].map(label)).toEqual([
      '0',
      '1–2',
      '1–2',
      '3–5',
      '3–5',
      '6–10',
      '6–10',
      '> 10',
      '> 10',
    ]);
    expect(bandOf(bands, 0)?.fill).toBe('#1a7837');
    expect(bandOf(bands, 12)?.fill).toBe('#b2182b');
  });

  it('gives every band a text colour with enough contrast on its fill', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const band of [...completionBands(), ...urgingBands()]) {
      const [hi, lo] = [luminance(band.fill), luminance(band.text)].sort((a, b) => b - a);
      expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
