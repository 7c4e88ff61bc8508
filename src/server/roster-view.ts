/**
 * What /planner/roster and /planner/training show: the week's roster and training calendar with
 * what the page needs to re-check manual edits itself (operators' facts, the roster settings).
 * A roster is solved once per week and kept for the process (solves take up to the time limit),
 * and stored (roster-store.ts).
 */
import { isoWeekOf } from '../domain/roster/time.ts';
import type { ServerContext } from './context.ts';
import { InputError } from './input-error.ts';
import { saveRosterWeek } from './queries/roster-store.ts';
import { rosterJson, rosterRequest, rosterWeek, trainingJson, type WeekResult } from './roster.ts';

const cache = new Map<string, Promise<WeekResult>>();

export async function rosterView(ctx: ServerContext, params: URLSearchParams) {
  // By default the next week: the one a planner builds (QA: this week, its days mostly past).
  const week = params.get('week') ?? isoWeekOf(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  if (!params.get('week')) return { week, pending: true as const };
  try {
    const req = rosterRequest({ week });
    let result = cache.get(week);
    if (!result || params.get('rebuild')) {
      // Stored as solved: `kezek training` then shows the trainings of the roster seen here.
      result = rosterWeek(ctx, req).then(async (r) => {
        await saveRosterWeek(ctx.client, week, { roster: rosterJson(r), training: trainingJson(r) });
        return r;
      });
      cache.set(week, result);
      result.catch(() => cache.delete(week));
    }
    const r = await result;
    return {
      week,
      pending: false as const,
      dates: req.dates,
      intervalMinutes: r.intervalMinutes,
      settings: ctx.config.roster,
      operators: r.plan.roster.problem.operators.map((o) => ({
        agent_id: o.agent_id,
        name: o.name,
        site: o.site,
        department: o.department,
        languages: o.languages,
        contract_hours_week: o.contract_hours_week,
      })),
      roster: rosterJson(r),
      training: trainingJson(r),
    };
  } catch (err) {
    if (err instanceof InputError) return { week, pending: true as const, error: err.message };
    throw err;
  }
}
