/**
 * Optimal one-to-one assignment (Hungarian method, Kuhn–Munkres with potentials), O(n²·m).
 *
 * Given a `rows × cols` cost matrix, returns for every row the column assigned to it, so that
 * the total cost is minimal and every column is used at most once. When there are more rows
 * than columns, the surplus rows get `-1`. Costs may be negative (maximise a weight by passing
 * its negation).
 */
export function minCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const cols = rows === 0 ? 0 : cost[0].length;
  if (rows === 0) return [];
  if (cols === 0) return Array(rows).fill(-1);
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, c) => cost.map((row) => row[c]));
    const colToRow = minCostAssignment(transposed);
    const rowToCol = Array<number>(rows).fill(-1);
    colToRow.forEach((r, c) => {
      if (r >= 0) rowToCol[r] = c;
    });
    return rowToCol;
  }
  // 1-based arrays as in the classic formulation; index 0 is the virtual start column.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const rowOfCol = new Int32Array(cols + 1); // 0 = free
  const way = new Int32Array(cols + 1);
  for (let r = 1; r <= rows; r++) {
    rowOfCol[0] = r;
    let col0 = 0;
    const minv = new Float64Array(cols + 1).fill(Infinity);
    const used = new Uint8Array(cols + 1);
    do {
      used[col0] = 1;
      const r0 = rowOfCol[col0];
      let delta = Infinity;
      let col1 = 0;
      for (let c = 1; c <= cols; c++) {
        if (used[c]) continue;
        const reduced = cost[r0 - 1][c - 1] - u[r0] - v[c];
        if (reduced < minv[c]) {
          minv[c] = reduced;
          way[c] = col0;
        }
        if (minv[c] < delta) {
          delta = minv[c];
          col1 = c;
        }
      }
      for (let c = 0; c <= cols; c++) {
        if (used[c]) {
          u[rowOfCol[c]] += delta;
          v[c] -= delta;
        } else {
          minv[c] -= delta;
        }
      }
      col0 = col1;
    } while (rowOfCol[col0] !== 0);
    // Walk the augmenting path back to the start column.
    do {
      const prev = way[col0];
      rowOfCol[col0] = rowOfCol[prev];
      col0 = prev;
    } while (col0 !== 0);
  }
  const rowToCol = Array<number>(rows).fill(-1);
  for (let c = 1; c <= cols; c++) if (rowOfCol[c] > 0) rowToCol[rowOfCol[c] - 1] = c - 1;
  return rowToCol;
}
