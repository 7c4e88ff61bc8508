/**
 * What /planner/roster and /planner/training show: the week's roster and training calendar with
 * what the page needs to re-check manual edits itself (operators' facts, the roster settings).
 * The week's roster is the one last stored (roster-store.ts: by `kezek roster` or this page), so
 * the pages and `kezek training` agree (QA: the page solved again and stored over the CLI's);
 * without one, or with `?rebuild=1`, the week is solved (taking up to the time limit) and stored.
 * Kept for the process once read.
 */
import type { Operator } from '../domain/roster/types.ts';
import { isoWeekOf } from '../domain/roster/time.ts';
import type { ServerContext } from './context.ts';
import { InputError } from './input-error.ts';
import { fetchRosterAgents } from './queries/roster-agents.ts';
import { fetchRosterWeek, saveRosterWeek } from './queries/roster-store.ts';
import type { RosterJson, TrainingJson } from './roster-json.ts';
import { rosterJson, rosterRequest, rosterWeek, trainingJson } from './roster.ts';

interface WeekView {
  intervalMinutes: number;
  operators: Operator[];
  roster: RosterJson;
  training: TrainingJson;
}

const cache = new Map<string, Promise<WeekView>>();

const operatorFacts = (o: Operator): Operator => ({
  agent_id: o.agent_id,
  name: o.name,
  site: o.site,
  department: o.department,
  languages: o.languages,
  contract_hours_week: o.contract_hours_week,
});

/** The week as stored, with today's operators; null when none is stored. */
async function storedWeek(ctx: ServerContext, week: string, dates: string[]): Promise<WeekView | null> {
  const stored = await fetchRosterWeek(ctx.client, week);
  if (!stored) return null;
  const operators = await fetchRosterAgents(ctx.client, {
    until: dates[6],
    defaultHours: ctx.config.pay.full_time_hours_week,
  });
  return {
    intervalMinutes: ctx.config.staffing.interval_minutes,
    operators: operators.map(operatorFacts),
    roster: stored.roster,
    training: stored.training,
  };
}

/** The week solved now, and stored. */
async function solvedWeek(ctx: ServerContext, week: string): Promise<WeekView> {
  const r = await rosterWeek(ctx, rosterRequest({ week }));
  const view = {
    intervalMinutes: r.intervalMinutes,
    operators: r.plan.roster.problem.operators.map(operatorFacts),
    roster: rosterJson(r),
    training: trainingJson(r),
  };
  await saveRosterWeek(ctx.client, week, { roster: view.roster, training: view.training });
  return view;
}

export async function rosterView(ctx: ServerContext, params: URLSearchParams) {
  // By default the next week: the one a planner builds (QA: this week, its days mostly past).
  const week = params.get('week') ?? isoWeekOf(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
  if (!params.get('week')) return { week, pending: true as const };
  try {
    const req = rosterRequest({ week });
    let result = cache.get(week);
    if (!result || params.get('rebuild')) {
      const rebuild = Boolean(params.get('rebuild'));
      result = (async () => (!rebuild && (await storedWeek(ctx, week, req.dates))) || solvedWeek(ctx, week))();
      cache.set(week, result);
      result.catch(() => cache.delete(week));
    }
    const v = await result;
    return { week, pending: false as const, dates: req.dates, settings: ctx.config.roster, ...v };
  } catch (err) {
    if (err instanceof InputError) return { week, pending: true as const, error: err.message };
    throw err;
  }
}
