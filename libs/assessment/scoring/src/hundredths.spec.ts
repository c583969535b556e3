import { round2, toHundredths } from './hundredths';

describe('toHundredths', () => {
  it.each([
    [1.005, 101],
    [100.00000000000001, 10000],
    [89.28571428571429, 8929],
    [0.1 + 0.2, 30],
    [-1.005, -101],
    [-0.001, 0],
  ])('%p → %p', (x, h) => {
    expect(toHundredths(x)).toBe(h);
  });

  it('round2 returns a 2-decimal number', () => {
    expect(round2(33.333333333333336 * 3)).toBe(100);
    expect(round2(2.675)).toBe(2.68);
  });
});
