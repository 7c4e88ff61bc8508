/**
 * The staffing plan: forecast intervals → required operators per interval and skill (DESIGN §6).
 * Erlang C, or Erlang A for a skill whose mean patience is known; scheduled operators after
 * shrinkage with the exact ceiling of src/domain/erlang/exact.ts. Pure.
 */
import { scheduledAgents, type DecimalInput } from '../erlang/exact.ts';
import type { QueueMetrics } from '../erlang/metrics.ts';
import { requiredAgents, type Constraint, type StaffingTargets } from '../erlang/staffing.ts';

/** One interval of demand: what the forecast gives. */
export interface DemandInterval {
  date: string;
  slot: number;
  /** Local 'YYYY-MM-DDTHH:MM'. */
  intervalStart: string;
  skill: string;
  calls: number;
  ahtSeconds: number;
}

export interface PlanSettings {
  intervalMinutes: number;
  answerWithinSeconds: number;
  targets: StaffingTargets;
  /** Share of paid time off the phone, [0, 1), as typed (exact). */
  shrinkage: DecimalInput;
  /** Mean patience per skill; a skill missing or null is planned with Erlang C. */
  patienceSeconds?: Record<string, number | null>;
  /** Per-interval search bound (default 100,000 agents). */
  maxAgents?: number;
}

export interface PlanInterval extends DemandInterval {
  model: QueueMetrics['model'];
  /** Operators on the phone; null when no team up to `maxAgents` meets the targets. */
  agents: number | null;
  scheduledAgents: number | null;
  serviceLevel: number | null;
  asaSeconds: number | null;
  pAbandon: number | null;
  occupancy: number | null;
  /** The targets one operator fewer would miss. */
  binding: Constraint[];
}

/**
 * @example planStaffing([{ date: '2026-12-01', slot: 20, intervalStart: '2026-12-01T10:00', skill: 'ru', calls: 100, ahtSeconds: 180 }],
 *   { intervalMinutes: 30, answerWithinSeconds: 20, targets: { serviceLevel: 0.8 }, shrinkage: '0.3' })
 *   // [{ …, model: 'erlang-c', agents: 14, scheduledAgents: 20, serviceLevel: 0.888…, … }] (Call Centre Helper's example)
 * @throws RangeError for impossible settings (e.g. a 100 % service level or shrinkage ≥ 1).
 */
export function planStaffing(demand: DemandInterval[], settings: PlanSettings): PlanInterval[] {
  const intervalSeconds = settings.intervalMinutes * 60;
  scheduledAgents(0, settings.shrinkage); // validates the shrinkage once
  // The exact ceiling takes bigints; a plan repeats the same head counts, so each is computed once.
  const scheduled = new Map<number, number>();
  const schedule = (agents: number) => {
    let n = scheduled.get(agents);
    if (n === undefined) scheduled.set(agents, (n = scheduledAgents(agents, settings.shrinkage)));
    return n;
  };
  return demand.map((d) => {
    const patience = settings.patienceSeconds?.[d.skill] ?? undefined;
    const model = patience === undefined ? 'erlang-c' : 'erlang-a';
    if (d.calls === 0 || d.ahtSeconds === 0) {
      // No traffic needs no operator (DESIGN §6); every rate over no calls is null.
      return {
        ...d,
        model,
        agents: 0,
        scheduledAgents: 0,
        serviceLevel: null,
        asaSeconds: null,
        pAbandon: null,
        occupancy: null,
        binding: [],
      };
    }
    const targets = patience === undefined ? { ...settings.targets, maxAbandon: undefined } : settings.targets;
    const r = requiredAgents(
      {
        calls: d.calls,
        ahtSeconds: d.ahtSeconds,
        intervalSeconds,
        answerWithinSeconds: settings.answerWithinSeconds,
        patienceSeconds: patience,
      },
      targets,
      { maxAgents: settings.maxAgents ?? 100_000 },
    );
    if (!r.feasible) {
      return {
        ...d,
        model,
        agents: null,
        scheduledAgents: null,
        serviceLevel: null,
        asaSeconds: null,
        pAbandon: null,
        occupancy: null,
        binding: [],
      };
    }
    const m = r.metrics;
    return {
      ...d,
      model,
      agents: r.agents,
      scheduledAgents: schedule(r.agents),
      serviceLevel: m.serviceLevel,
      asaSeconds: m.asaSeconds,
      pAbandon: m.pAbandon,
      occupancy: m.occupancy,
      binding: r.binding,
    };
  });
}

export interface PlanTotals {
  skill: string;
  calls: number;
  /** Operator-hours on the phone and scheduled (agents × interval length). */
  agentHours: number;
  scheduledHours: number;
  peakAgents: number;
  peakScheduledAgents: number;
}

/** Totals per skill (fractional hours are kept; nothing is rounded before adding up). */
export function planTotals(plan: PlanInterval[], intervalMinutes: number): PlanTotals[] {
  const bySkill = new Map<string, PlanTotals>();
  for (const p of plan) {
    const t = bySkill.get(p.skill) ?? {
      skill: p.skill,
      calls: 0,
      agentHours: 0,
      scheduledHours: 0,
      peakAgents: 0,
      peakScheduledAgents: 0,
    };
    bySkill.set(p.skill, t);
    t.calls += p.calls;
    t.agentHours += ((p.agents ?? 0) * intervalMinutes) / 60;
    t.scheduledHours += ((p.scheduledAgents ?? 0) * intervalMinutes) / 60;
    t.peakAgents = Math.max(t.peakAgents, p.agents ?? 0);
    t.peakScheduledAgents = Math.max(t.peakScheduledAgents, p.scheduledAgents ?? 0);
  }
  return [...bySkill.values()];
}
