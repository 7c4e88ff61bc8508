/**
 * Ordinary least squares by the normal equations (XᵀX + λI)β = Xᵀy, solved by Gaussian
 * elimination with partial pivoting. A small ridge λ keeps columns absent from the data (a weekday
 * with no ordinary day yet) at 0 instead of making the system singular. Fine for the handful of
 * columns of the forecast; not meant for ill-conditioned large problems.
 * @example leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]) // ≈ [1, 2]
 */
export function leastSquares(x: number[][], y: number[], ridge = 0): number[] {
  const p = x[0]?.length ?? 0;
  if (x.length !== y.length || p === 0)
    throw new RangeError('least squares needs as many rows as values and ≥ 1 column');
  const a = Array.from({ length: p }, (_, i) => Array.from({ length: p + 1 }, (_, j) => (i === j ? ridge : 0)));
  for (let r = 0; r < x.length; r++) {
    const row = x[r];
    for (let i = 0; i < p; i++) {
      if (row[i] === 0) continue;
      for (let j = 0; j < p; j++) a[i][j] += row[i] * row[j];
      a[i][p] += row[i] * y[r];
    }
  }
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    if (a[c][c] === 0) continue; // a column of zeros: its coefficient stays 0
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const k = a[r][c] / a[c][c];
      if (k !== 0) for (let j = c; j <= p; j++) a[r][j] -= k * a[c][j];
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[p] / row[i]));
}
