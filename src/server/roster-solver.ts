/**
 * HiGHS for the roster: each solve runs in a worker thread that ends afterwards, because HiGHS'
 * WebAssembly memory grows with the search tree and never shrinks (research/roster-solver.md).
 * The worker is plain JavaScript that loads only `highs` (never chdb, which crashes in worker
 * threads), so it runs the same under tsx and in the built dashboards.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { LinearModel, SolveOptions, SolveResult, Solver } from '../domain/roster/linear-model.ts';

/** Solves one model with a loaded HiGHS module (in whatever thread runs it). */
const SOLVE_SOURCE = String.raw`
function solveModel(highs, model, options) {
  const started = Date.now();
  const inf = highs.infinity;
  const fix = (a) => Array.from(a, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const numRows = model.rowLower.length;
  const data = {
    numCols: model.numCols, numRows,
    colCost: model.colCost, colLower: fix(model.colLower), colUpper: fix(model.colUpper),
    rowLower: fix(model.rowLower), rowUpper: fix(model.rowUpper),
    matrix: { format: 'csr', numRows, numCols: model.numCols, starts: model.starts, indices: model.indices, values: model.values },
  };
  if (!options.relaxation) data.integrality = model.integrality;
  return highs.withModel(data, (m) => {
    m.options.set({ output_flag: false, time_limit: options.timeLimitSeconds, mip_rel_gap: options.mipRelGap, random_seed: options.randomSeed, ...(options.extra || {}) });
    if (options.start && !options.relaxation) m.setSolution({ colValue: options.start });
    m.run();
    const code = m.getModelStatus();
    const S = highs.constants.modelStatus;
    const seconds = (Date.now() - started) / 1000;
    if (code === S.infeasible) return { status: 'infeasible', objective: null, bound: null, values: null, seconds };
    const values = Float64Array.from(m.getSolution().colValue);
    const hasSolution = values.length === model.numCols && (code === S.optimal || m.info.get('primal_solution_status') === 2);
    if (!hasSolution) return { status: code === S.timeLimit ? 'no_solution' : 'error', objective: null, bound: null, values: null, seconds, message: 'model status ' + code };
    const objective = m.getObjectiveValue();
    let bound = objective;
    if (!options.relaxation) {
      try { bound = Number(m.info.get('mip_dual_bound')); } catch { bound = objective; }
    }
    return { status: code === S.optimal ? 'optimal' : 'time_limit', objective, bound: Math.min(bound, objective), values, seconds };
  });
}`;

const WORKER_SOURCE = `${SOLVE_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
const loadHighs = require(workerData.highsPath);
loadHighs().then((highs) => {
  try { parentPort.postMessage({ ok: true, result: solveModel(highs, workerData.model, workerData.options) }); }
  catch (err) { parentPort.postMessage({ ok: false, message: String(err && err.message || err) }); }
});`;

function highsPath(): string {
  return createRequire(import.meta.url).resolve('highs');
}

/** The production solver: one worker per solve, peak RSS sampled while it runs. */
export const workerSolver: Solver = (model: LinearModel, { signal, ...options }: SolveOptions) =>
  new Promise<SolveResult>((resolve, reject) => {
    const started = Date.now();
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { model, options, highsPath: highsPath() } });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(sampler);
      fn();
      void worker.terminate();
    };
    worker.once('message', (msg: { ok: boolean; result?: SolveResult; message?: string }) =>
      finish(() =>
        msg.ok
          ? resolve({ ...msg.result!, peakRssBytes: Math.max(peak, process.memoryUsage().rss) })
          : reject(new Error(`HiGHS: ${msg.message}`)),
      ),
    );
    worker.once('error', (err) => finish(() => reject(err)));
    // Aborted (e.g. the other seed of a race won): the worker ends and its memory goes with it.
    const aborted = () =>
      finish(() =>
        resolve({
          status: 'error',
          objective: null,
          bound: null,
          values: null,
          seconds: (Date.now() - started) / 1000,
          peakRssBytes: peak,
          message: 'aborted',
        }),
      );
    if (signal?.aborted) aborted();
    signal?.addEventListener('abort', aborted, { once: true });
    worker.once('exit', (code) => finish(() => reject(new Error(`the solver worker exited with code ${code}`))));
  });

type SolveFn = (highs: unknown, model: LinearModel, options: SolveOptions) => SolveResult;
let inProcess: Promise<SolveFn> | null = null;

/** HiGHS in this thread (tests and small what-ifs); its memory stays with the process. */
export const inProcessSolver: Solver = async (model, options) => {
  inProcess ??= Promise.resolve(new Function(`${SOLVE_SOURCE}; return solveModel;`)() as SolveFn);
  const solve = await inProcess;
  const loadHighs = createRequire(import.meta.url)(highsPath()) as () => Promise<unknown>;
  const highs = await loadHighs();
  return solve(highs, model, options);
};

/**
 * Races solvers on the two cores (HiGHS' solve time varies ~10× with the random seed, and
 * relax-and-fix wins where its heuristics stall, research/roster-solver.md): the first to prove
 * the gap wins and the others end; at the time limit the best incumbent is kept with the highest
 * proven bound (every one is valid). Each entry runs with its own seed.
 */
export function racingSolver(...solvers: Solver[]): Solver {
  return async (model, options) => {
    if (options.relaxation || solvers.length < 2) return solvers[0](model, options);
    const control = new AbortController();
    const runs = solvers.map((solve, i) =>
      solve(model, { ...options, randomSeed: options.randomSeed + i * 7919, signal: control.signal }).then((r) => {
        if (r.status === 'optimal') control.abort();
        return r;
      }),
    );
    const results = await Promise.all(runs);
    const rank = (r: SolveResult) => (r.relaxed ? Infinity : r.status === 'optimal' ? -Infinity : r.objective!);
    const won = results
      .filter((r) => r.values && r.objective !== null)
      .sort((a, b) => rank(a) - rank(b) || a.objective! - b.objective!)[0];
    const bounds = results.map((r) => r.bound).filter((b): b is number => b !== null);
    const peak = Math.max(...results.map((r) => r.peakRssBytes ?? 0));
    if (!won) return { ...results[0], peakRssBytes: peak || undefined };
    const bound = bounds.length > 0 ? Math.min(won.objective!, Math.max(...bounds)) : won.bound;
    return { ...won, bound, seconds: Math.max(...results.map((r) => r.seconds)), peakRssBytes: peak || undefined };
  };
}
