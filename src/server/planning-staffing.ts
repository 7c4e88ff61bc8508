/**
 * The staffing plan of a range (`kezek staffing`, /planner/staffing): the forecast of
 * planning.ts, targets from `kpi`, shrinkage from the flag, the config or agent events, Erlang C
 * or Erlang A per skill, and optionally the simulation check of one planned day.
 */
import type { StaffingTargets } from '../domain/erlang/staffing.ts';
import { planStaffing, planTotals, type PlanInterval, type PlanTotals } from '../domain/staffing/plan.ts';
import type { PlanRowJson } from '../domain/staffing/csv.ts';
import { measuredShrinkage } from '../domain/staffing/shrinkage.ts';
import { simulationCheck, type SimulationCheck } from '../domain/staffing/simulation-check.ts';
import { nextDate } from '../domain/time/local-dates.ts';
import { forecastRange, PATIENCE_METHOD, type ForecastResult, type PlanningContext } from './planning.ts';
import type { PlanningRequest } from './planning-request.ts';
import { fetchAgentPauses } from './queries/forecast-history.ts';

export interface ShrinkageChoice {
  /** The decimal used (exact). */
  value: string;
  source: 'flag' | 'config' | 'measured' | 'none';
  pausedSeconds: number | null;
  loggedInSeconds: number | null;
}

export interface StaffingResult {
  forecast: ForecastResult;
  targets: StaffingTargets & { answerWithinSeconds: number };
  shrinkage: ShrinkageChoice;
  /** Per skill: the model used and the patience behind it. */
  models: Array<{ skill: string; model: 'erlang-c' | 'erlang-a'; patienceSeconds: number | null }>;
  plan: PlanInterval[];
  totals: PlanTotals[];
  simulation: SimulationCheck[] | null;
}

async function chooseShrinkage(ctx: PlanningContext, req: PlanningRequest): Promise<ShrinkageChoice> {
  if (req.shrinkage !== null)
    return { value: req.shrinkage, source: 'flag', pausedSeconds: null, loggedInSeconds: null };
  const configured = ctx.config.staffing.shrinkage;
  if (configured !== null)
    return { value: String(configured), source: 'config', pausedSeconds: null, loggedInSeconds: null };
  const from = nextDate(req.from, -7 * ctx.config.staffing.history_weeks);
  const times = await fetchAgentPauses(ctx.client, { from, to: nextDate(req.from, -1), timezone: ctx.config.timezone });
  const measured = measuredShrinkage(times.pausedSeconds, times.loggedInSeconds);
  return { value: measured ?? '0', source: measured === null ? 'none' : 'measured', ...times };
}

export async function staffingPlan(ctx: PlanningContext, req: PlanningRequest): Promise<StaffingResult> {
  const { config } = ctx;
  const [forecast, shrinkage] = await Promise.all([forecastRange(ctx, req), chooseShrinkage(ctx, req)]);
  const useA = config.staffing.erlang_a && !req.erlangC;
  const models = forecast.skills.map((s) => {
    const patienceSeconds = useA ? s.patience.patienceSeconds : null;
    return {
      skill: s.skill,
      model: patienceSeconds === null ? ('erlang-c' as const) : ('erlang-a' as const),
      patienceSeconds,
    };
  });
  const targets = {
    serviceLevel: config.kpi.targets.service_level,
    asaSeconds: config.kpi.targets.asa_s,
    maxOccupancy: config.staffing.max_occupancy ?? undefined,
    maxAbandon: config.staffing.max_abandon ?? undefined,
    answerWithinSeconds: config.kpi.sl_answer_within_s,
  };
  const { answerWithinSeconds, ...goal } = targets;
  const plan = planStaffing(forecast.intervals, {
    intervalMinutes: req.intervalMinutes,
    answerWithinSeconds,
    targets: goal,
    shrinkage: shrinkage.value,
    patienceSeconds: Object.fromEntries(models.map((m) => [m.skill, m.patienceSeconds])),
  });
  let simulation: SimulationCheck[] | null = null;
  if (req.simulateDate !== null) {
    const date = req.simulateDate;
    simulation = forecast.skills.map((s, k) =>
      simulationCheck(
        plan.filter((p) => p.skill === s.skill && p.date === date),
        {
          intervalMinutes: req.intervalMinutes,
          answerWithinSeconds,
          // Callers hang up whatever model planned them: the simulation uses the patience seen in history.
          patienceSeconds: s.patience.patienceSeconds,
          replications: req.replications,
          seed: 1414 + k,
        },
      ),
    );
  }
  return { forecast, targets, shrinkage, models, plan, totals: planTotals(plan, req.intervalMinutes), simulation };
}

export function planRowJson(p: PlanInterval): PlanRowJson {
  return {
    interval_start: p.intervalStart,
    skill: p.skill,
    calls: p.calls,
    aht_s: p.ahtSeconds,
    agents: p.agents,
    scheduled_agents: p.scheduledAgents,
    service_level: p.serviceLevel,
    asa_s: p.asaSeconds,
    p_abandon: p.pAbandon,
  };
}

const estimateJson = (e: { mean: number | null; halfWidth: number | null }) => ({
  mean: e.mean,
  half_width: e.halfWidth,
});

export function simulationJson(s: SimulationCheck) {
  const sim = (x: SimulationCheck['simulated']) => ({
    service_level: estimateJson(x.serviceLevel),
    asa_s: estimateJson(x.asaSeconds),
    p_abandon: estimateJson(x.abandonRate),
  });
  const erl = (x: SimulationCheck['erlang']) => ({
    service_level: x.serviceLevel,
    asa_s: x.asaSeconds,
    p_abandon: x.pAbandon,
  });
  return {
    date: s.date,
    skill: s.skill,
    replications: s.replications,
    patience_s: s.patienceSeconds,
    erlang: erl(s.erlang),
    simulated: sim(s.simulated),
    differing_intervals: s.differing.map((d) => ({
      interval_start: d.intervalStart,
      calls: d.calls,
      agents: d.agents,
      differs: d.differs,
      erlang: erl(d.erlang),
      simulated: sim(d.simulated),
    })),
  };
}

/** The JSON of `kezek staffing --json`: `intervals` exactly as DESIGN §7, the context beside it. */
export function staffingJson(r: StaffingResult) {
  const f = r.forecast;
  return {
    from: f.from,
    to: f.to,
    timezone: f.timezone,
    interval_minutes: f.intervalMinutes,
    conventions:
      'service_level: share of all arriving calls answered within answer_within_s (Erlang A counts abandoners as failures); asa_s: mean wait of answered calls; agents: on the phone; scheduled_agents: ceil(agents / (1 − shrinkage)), exact',
    targets: {
      service_level: r.targets.serviceLevel,
      answer_within_s: r.targets.answerWithinSeconds,
      asa_s: r.targets.asaSeconds,
      max_occupancy: r.targets.maxOccupancy ?? null,
      max_abandon: r.targets.maxAbandon ?? null,
    },
    shrinkage: {
      value: Number(r.shrinkage.value),
      source: r.shrinkage.source,
      paused_s: r.shrinkage.pausedSeconds,
      logged_in_s: r.shrinkage.loggedInSeconds,
    },
    skills: r.models.map((m) => ({
      skill: m.skill,
      model: m.model,
      patience_s: m.patienceSeconds,
      patience_method: PATIENCE_METHOD,
    })),
    backtest: f.backtest && {
      from: f.backtest.from,
      to: f.backtest.to,
      total: { day: f.backtest.total.day, interval: f.backtest.total.interval },
    },
    totals: r.totals.map((t) => ({
      skill: t.skill,
      calls: t.calls,
      agent_hours: t.agentHours,
      scheduled_hours: t.scheduledHours,
      peak_agents: t.peakAgents,
      peak_scheduled_agents: t.peakScheduledAgents,
    })),
    intervals: r.plan.map(planRowJson),
    ...(r.simulation ? { simulation: r.simulation.map(simulationJson) } : {}),
  };
}
