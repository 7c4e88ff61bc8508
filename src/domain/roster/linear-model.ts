/**
 * A mixed-integer linear programme as plain arrays (rows in CSR), so the model builder stays
 * pure and any solver can be passed in: HiGHS in a worker thread in production, a fake in tests.
 * Minimisation; bounds may be ±Infinity.
 */

export interface LinearModel {
  numCols: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer, 0 = continuous. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i holds indices[starts[i] … starts[i + 1]). */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface SolveOptions {
  timeLimitSeconds: number;
  mipRelGap: number;
  randomSeed: number;
  /** Solve the LP relaxation only (the what-if bound). */
  relaxation?: boolean;
  /** Further HiGHS options by name (e.g. mip_heuristic_effort). */
  extra?: Record<string, number | boolean | string>;
  /** A starting solution (all columns), e.g. a rounded plan. */
  start?: Float64Array;
  /** Aborts the solve (the result is then status 'error'); not sent to the solver thread. */
  signal?: AbortSignal;
}

export type SolveStatus = 'optimal' | 'time_limit' | 'infeasible' | 'error' | 'no_solution';

export interface SolveResult {
  status: SolveStatus;
  /** Objective of the solution found (null without one). */
  objective: number | null;
  /** Proven lower bound (MIP dual bound, or the LP optimum). */
  bound: number | null;
  values: Float64Array | null;
  seconds: number;
  /** The values are the LP relaxation's (no integer solution in time): round before use. */
  relaxed?: boolean;
  /** Peak resident memory of the process while solving (measured by the caller), when known. */
  peakRssBytes?: number;
  message?: string;
}

/** Any solver: a promise of the result; "infeasible" and limits are statuses, bad input throws. */
export type Solver = (model: LinearModel, options: SolveOptions) => Promise<SolveResult>;

/** Collects columns and rows; `col()` returns the column index. */
export class ModelBuilder {
  private cost: number[] = [];
  private lower: number[] = [];
  private upper: number[] = [];
  private integer: number[] = [];
  private rowLo: number[] = [];
  private rowUp: number[] = [];
  private rowStarts: number[] = [0];
  private idx: number[] = [];
  private val: number[] = [];

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLo.length;
  }

  col(cost: number, lower = 0, upper = Infinity, integer = false): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Adds lower ≤ Σ coef·x ≤ upper; repeated columns are summed. Empty rows are skipped. */
  row(terms: Map<number, number> | Array<[number, number]>, lower: number, upper: number): void {
    const merged = terms instanceof Map ? terms : sumTerms(terms);
    let n = 0;
    for (const [c, v] of merged) {
      if (v === 0) continue;
      this.idx.push(c);
      this.val.push(v);
      n++;
    }
    if (n === 0) return;
    this.rowLo.push(lower);
    this.rowUp.push(upper);
    this.rowStarts.push(this.idx.length);
  }

  build(): LinearModel {
    return {
      numCols: this.cost.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integrality: Int32Array.from(this.integer),
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowUp),
      starts: Int32Array.from(this.rowStarts),
      indices: Int32Array.from(this.idx),
      values: Float64Array.from(this.val),
    };
  }
}

function sumTerms(terms: Array<[number, number]>): Map<number, number> {
  const m = new Map<number, number>();
  for (const [c, v] of terms) m.set(c, (m.get(c) ?? 0) + v);
  return m;
}

/** Σ cost·x of a solution (to re-check a solver's objective). */
export function objectiveOf(model: LinearModel, values: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < model.numCols; j++) s += model.colCost[j] * values[j];
  return s;
}
