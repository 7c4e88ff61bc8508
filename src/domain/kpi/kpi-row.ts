/**
 * From summed counters to the KPI row of DESIGN §5 / §7. Rates and means over an empty set are
 * null; numbers are unrounded.
 */

export interface KpiCounters {
  self_service: number;
  callbacks: number;
  offered: number;
  answered: number;
  short_abandoned: number;
  lost: number;
  answered_within_sl: number;
  transferred: number;
  wait_answered_s: number;
  wait_offered_s: number;
  handle_answered_s: number;
  ratings: number;
  score_sum: number;
  satisfied: number;
  dissatisfied: number;
  fcr_eligible: number;
  fcr_resolved: number;
  fcr_provisional: boolean;
}

export interface KpiRow {
  group: Record<string, string>;
  offered: number;
  answered: number;
  abandoned: number;
  short_abandoned: number;
  lost: number;
  base: number;
  answered_within_sl: number;
  service_level: number | null;
  lost_rate: number | null;
  dial_through: number | null;
  asa_s: number | null;
  avg_wait_s: number | null;
  aht_s: number | null;
  self_service: number;
  callbacks: number;
  transferred: number;
  ratings: number;
  avg_rating: number | null;
  csi: number | null;
  cdi: number | null;
  fcr_eligible: number;
  fcr: number | null;
  fcr_provisional: boolean;
}

/** The KPI names of DESIGN §7 in output order, after `group`. */
export const KPI_FIELDS = [
  'offered',
  'answered',
  'abandoned',
  'short_abandoned',
  'lost',
  'base',
  'answered_within_sl',
  'service_level',
  'lost_rate',
  'dial_through',
  'asa_s',
  'avg_wait_s',
  'aht_s',
  'self_service',
  'callbacks',
  'transferred',
  'ratings',
  'avg_rating',
  'csi',
  'cdi',
  'fcr_eligible',
  'fcr',
  'fcr_provisional',
] as const;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function emptyCounters(): KpiCounters {
  return {
    self_service: 0,
    callbacks: 0,
    offered: 0,
    answered: 0,
    short_abandoned: 0,
    lost: 0,
    answered_within_sl: 0,
    transferred: 0,
    wait_answered_s: 0,
    wait_offered_s: 0,
    handle_answered_s: 0,
    ratings: 0,
    score_sum: 0,
    satisfied: 0,
    dissatisfied: 0,
    fcr_eligible: 0,
    fcr_resolved: 0,
    fcr_provisional: false,
  };
}

export function kpiRow(group: Record<string, string>, c: KpiCounters): KpiRow {
  const base = c.offered - c.short_abandoned;
  const lostRate = ratio(c.lost, c.offered);
  return {
    group,
    offered: c.offered,
    answered: c.answered,
    abandoned: c.offered - c.answered,
    short_abandoned: c.short_abandoned,
    lost: c.lost,
    base,
    answered_within_sl: c.answered_within_sl,
    service_level: ratio(c.answered_within_sl, base),
    lost_rate: lostRate,
    dial_through: lostRate === null ? null : 1 - lostRate,
    asa_s: ratio(c.wait_answered_s, c.answered),
    avg_wait_s: ratio(c.wait_offered_s, c.offered),
    aht_s: ratio(c.handle_answered_s, c.answered),
    self_service: c.self_service,
    callbacks: c.callbacks,
    transferred: c.transferred,
    ratings: c.ratings,
    avg_rating: ratio(c.score_sum, c.ratings),
    csi: ratio(c.satisfied, c.ratings),
    cdi: ratio(c.dissatisfied, c.ratings),
    fcr_eligible: c.fcr_eligible,
    fcr: ratio(c.fcr_resolved, c.fcr_eligible),
    fcr_provisional: c.fcr_provisional,
  };
}

/** KPI names with a target, and whether a higher value is better. */
export const TARGET_DIRECTION = {
  service_level: 'min',
  lost_rate: 'max',
  asa_s: 'max',
  avg_rating: 'min',
  csi: 'min',
  cdi: 'max',
  fcr: 'min',
  dial_through: 'min',
} as const;

export type TargetKpi = keyof typeof TARGET_DIRECTION;

/** Met when at or past the target in the good direction; null when the value is null. */
export function meetsTarget(kpi: TargetKpi, value: number | null, target: number): boolean | null {
  if (value === null) return null;
  return TARGET_DIRECTION[kpi] === 'min' ? value >= target : value <= target;
}
