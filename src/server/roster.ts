/**
 * The weekly roster and training calendar (`kezek roster`, `kezek training`, /planner/roster):
 * operators and ratings from ClickHouse, the requirement from the staffing plan of Planning I
 * (scheduled operators per interval), the solve in a worker thread, JSON for the CLI and pages.
 */
import { scheduledAgents } from '../domain/erlang/exact.ts';
import type { Solver } from '../domain/roster/linear-model.ts';
import type { PlanInterval } from '../domain/staffing/plan.ts';
import { measuredShrinkage, unplannedShrinkage } from '../domain/staffing/shrinkage.ts';
import type { RequirementRow } from '../domain/roster/types.ts';
import { weekDates } from '../domain/roster/time.ts';
import type { Coachee } from '../domain/training/place.ts';
import { planWeek, type WeekPlan } from '../domain/training/plan-week.ts';
import { nextDate } from '../domain/time/local-dates.ts';
import { InputError } from './input-error.ts';
import type { PlanningContext } from './planning.ts';
import { planningRequest } from './planning-request.ts';
import { staffingPlan } from './planning-staffing.ts';
import { fetchAgentPauses } from './queries/forecast-history.ts';
import { fetchAgentRatings, fetchRosterAgents } from './queries/roster-agents.ts';
import { workerSolver } from './roster-solver.ts';
import { assignmentJson, rosterJsonOf, trainingJsonOf } from './roster-json.ts';

export interface RosterRequest {
  week: string;
  dates: string[];
  /** A what-if plan without names (step 1 only). */
  planOnly: boolean;
  timeLimitSeconds: number | null;
}

export function rosterRequest(params: {
  week?: string | null;
  planOnly?: boolean;
  timeLimit?: string | null;
}): RosterRequest {
  const week = (params.week ?? '').trim();
  const dates = weekDates(week);
  if (!dates) throw new InputError(`week: expected an ISO week YYYY-Www (e.g. 2026-W20), got "${week.slice(0, 20)}"`);
  let timeLimitSeconds: number | null = null;
  if (params.timeLimit) {
    timeLimitSeconds = Number(params.timeLimit);
    if (!(timeLimitSeconds > 0 && timeLimitSeconds <= 3600))
      throw new InputError(`time limit: expected seconds in (0, 3600], got "${params.timeLimit.slice(0, 20)}"`);
  }
  return { week, dates, planOnly: Boolean(params.planOnly), timeLimitSeconds };
}

/** Coaching candidates: complaints (low scores) or a low average over enough ratings. */
async function coachees(ctx: PlanningContext, from: string): Promise<Coachee[]> {
  const c = ctx.config.training.coaching;
  const ratings = await fetchAgentRatings(ctx.client, {
    from: nextDate(from, -c.lookback_days),
    to: nextDate(from, -1),
    timezone: ctx.config.timezone,
    complaintMaxScore: c.complaint_max_score,
  });
  return ratings
    .filter((r) => r.complaints >= c.min_complaints || (r.ratings_n >= c.min_ratings && r.avg_score < c.low_avg_rating))
    .sort((a, b) => b.complaints - a.complaints || a.avg_score - b.avg_score)
    .map((r) => ({
      agent_id: r.agent,
      reason:
        r.complaints >= c.min_complaints
          ? `${r.complaints} complaint(s) (ratings ≤ ${c.complaint_max_score})`
          : `average rating ${r.avg_score.toFixed(2)} < ${c.low_avg_rating}`,
    }));
}

/** The roster's requirement: per interval and skill, ceil(agents / (1 − shrinkage)) on the phone. */
export function rosterRequirement(plan: readonly PlanInterval[], shrinkage: string): RequirementRow[] {
  return plan.map((p) => ({
    interval_start: p.intervalStart,
    skill: p.skill,
    required: p.agents === null ? 0 : scheduledAgents(p.agents, shrinkage),
    calls: p.calls,
    aht_s: p.ahtSeconds,
    agents: p.agents,
  }));
}

/** Pause reasons a roster plans itself: its shifts' break kinds and the activities it places. */
export function plannedPauseReasons(config: PlanningContext['config']): string[] {
  const kinds = config.roster.shifts.flatMap((shift) => shift.breaks.map((b) => b.kind));
  return [...new Set([...kinds, 'training', 'coaching'])];
}

/**
 * The shrinkage a roster plans on the phone with: the staffing plan's, less the share of
 * logged-in time its own breaks and activities took in the same history (agent events), since
 * the roster counts an operator on those as off the phone already.
 */
async function rosterShrinkage(ctx: PlanningContext, firstDate: string, shrinkage: string): Promise<string> {
  const { config } = ctx;
  const pauses = await fetchAgentPauses(ctx.client, {
    from: nextDate(firstDate, -7 * config.staffing.history_weeks),
    to: nextDate(firstDate, -1),
    timezone: config.timezone,
    planned: plannedPauseReasons(config),
  });
  return unplannedShrinkage(shrinkage, measuredShrinkage(pauses.plannedPausedSeconds, pauses.loggedInSeconds));
}

export interface WeekResult {
  request: RosterRequest;
  plan: WeekPlan;
  intervalMinutes: number;
}

export async function rosterWeek(
  ctx: PlanningContext,
  req: RosterRequest,
  solver: Solver = workerSolver,
): Promise<WeekResult> {
  const { config } = ctx;
  const staffing = await staffingPlan(ctx, planningRequest({ from: req.dates[0], to: req.dates[6] }, config));
  const shrinkage = await rosterShrinkage(ctx, req.dates[0], staffing.shrinkage.value);
  const requirement = rosterRequirement(staffing.plan, shrinkage);
  const [operators, coached] = await Promise.all([
    fetchRosterAgents(ctx.client, { until: req.dates[6], defaultHours: config.pay.full_time_hours_week }),
    coachees(ctx, req.dates[0]),
  ]);
  const intervalMinutes = staffing.forecast.intervalMinutes;
  const plan = await planWeek(
    { dates: req.dates, intervalMinutes, requirement, operators, settings: config.roster },
    config.training,
    coached,
    {
      answerWithinSeconds: staffing.targets.answerWithinSeconds,
      patienceSeconds: Object.fromEntries(staffing.models.map((m) => [m.skill, m.patienceSeconds])),
      replications: 0,
    },
    { solver, planOnly: req.planOnly, timeLimitSeconds: req.timeLimitSeconds ?? undefined },
  );
  return { request: req, plan, intervalMinutes };
}

export const rosterJson = (r: WeekResult) => rosterJsonOf(r.request.week, r.plan);
export const trainingJson = (r: WeekResult) => trainingJsonOf(r.request.week, r.plan);
export { assignmentJson };
