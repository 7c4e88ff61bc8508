/**
 * Step 3 entry point: the per-group assignment MIPs (named.ts) and start times (starts.ts); the
 * greedy assignment (assign.ts) is the fallback for any group whose MIP found no solution.
 */
import { assignOperators, type Reservation } from './assign.ts';
import type { Solver } from './linear-model.ts';
import { allGroupDays } from './named.ts';
import type { Problem } from './problem.ts';
import type { ShiftColumns, ShiftPlan } from './shift-model.ts';
import { assignStarts, type NamedResult } from './starts.ts';

export async function nameOperators(
  problem: Problem,
  plan: ShiftPlan,
  columns: ShiftColumns,
  solver: Solver,
  reservations: Reservation[] = [],
): Promise<NamedResult & { namedBy: 'mip' | 'greedy' }> {
  const days = await allGroupDays(problem, plan, columns, solver, reservations);
  if (days.some((g) => g.unfilled < 0))
    return { ...assignOperators(problem, plan, columns, reservations), namedBy: 'greedy' };
  return { ...assignStarts(problem, plan, columns, days, reservations), namedBy: 'mip' };
}
