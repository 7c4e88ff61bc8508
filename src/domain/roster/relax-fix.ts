/**
 * Relax-and-fix for step 1 when HiGHS' own heuristics stall (the root LP of the full model takes
 * most of the budget and its rounding finds nothing good — research/roster-solver.md, "Pitfalls"):
 * solve the LP relaxation, then the MIP restricted to the integers next to the LP optimum
 * (x ∈ [⌊x*⌋, ⌈x*⌉]; integral LP values stay fixed). Every row has a penalised slack, so the
 * restricted MIP is always feasible; its solution is feasible for the full model, and the LP
 * optimum is a proven lower bound, so the gap reported stays honest.
 */
import type { LinearModel, SolveResult, Solver } from './linear-model.ts';

export function restrictedModel(model: LinearModel, lp: ArrayLike<number>): LinearModel {
  const lower = Float64Array.from(model.colLower);
  const upper = Float64Array.from(model.colUpper);
  for (let j = 0; j < model.numCols; j++) {
    if (!model.integrality[j]) continue;
    lower[j] = Math.max(model.colLower[j], Math.floor(lp[j] + 1e-6));
    upper[j] = Math.min(model.colUpper[j], Math.max(lower[j], Math.ceil(lp[j] - 1e-6)));
  }
  return { ...model, colLower: lower, colUpper: upper };
}

/** A solver that answers a MIP by relax-and-fix within the same time limit. */
export function relaxAndFix(base: Solver): Solver {
  return async (model, options) => {
    if (options.relaxation) return base(model, options);
    const started = Date.now();
    const lp = await base(model, { ...options, relaxation: true });
    if (!lp.values || lp.objective === null) return lp;
    const left = Math.max(2, options.timeLimitSeconds - (Date.now() - started) / 1000);
    const mip = await base(restrictedModel(model, lp.values), { ...options, timeLimitSeconds: left });
    const seconds = (Date.now() - started) / 1000;
    const peakRssBytes = Math.max(lp.peakRssBytes ?? 0, mip.peakRssBytes ?? 0) || undefined;
    // No integer solution in time: hand back the LP optimum (to be rounded) rather than nothing.
    if (!mip.values || mip.objective === null)
      return { ...lp, status: 'time_limit', relaxed: true, seconds, peakRssBytes };
    const gap = mip.objective === 0 ? 0 : (mip.objective - lp.objective) / Math.abs(mip.objective);
    const result: SolveResult = {
      status: gap <= options.mipRelGap ? 'optimal' : 'time_limit',
      objective: mip.objective,
      bound: Math.min(lp.objective, mip.objective),
      values: mip.values,
      seconds,
      peakRssBytes,
    };
    return result;
  };
}
