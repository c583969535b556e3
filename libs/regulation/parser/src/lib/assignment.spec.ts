import { minCostAssignment } from './assignment';

/** Exhaustive minimum over all injective row → column maps, for small matrices. */
function bruteForce(cost: number[][]): number {
  const cols = cost[0]?.length ?? 0;
  const go = (row: number, used: Set<number>): number => {
    if (row === cost.length) return 0;
    let best = Infinity;
    for (let c = 0; c < cols; c++) {
      if (used.has(c)) continue;
      used.add(c);
      best = Math.min(best, cost[row][c] + go(row + 1, used));
      used.delete(c);
    }
    return best;
  };
  return go(0, new Set());
}

describe('minCostAssignment', () => {
  it('finds the optimum where greedy picking fails', () => {
    // Greedy takes (0,0)=1 and is then forced into (1,1)=100; the optimum is 2 + 3.
    expect(
      minCostAssignment([
        [1, 2],
        [3, 100],
      ]),
    ).toEqual([1, 0]);
  });

  it('handles more rows than columns (surplus rows get -1) and empty input', () => {
    expect(minCostAssignment([[5], [1], [3]])).toEqual([-1, 0, -1]);
    expect(minCostAssignment([])).toEqual([]);
  });

  it.each([
    [3, 3],
    [4, 6],
    [5, 5],
  ])('matches brute force on pseudo-random %i×%i matrices', (rows, cols) => {
    let seed = rows * 31 + cols;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 20; round++) {
      const cost = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => Math.round(next() * 100) - 50),
      );
      const assignment = minCostAssignment(cost);
      expect(new Set(assignment).size).toBe(rows);
      const total = assignment.reduce((sum, c, r) => sum + cost[r][c], 0);
      expect(total).toBe(bruteForce(cost));
    }
  });
});
