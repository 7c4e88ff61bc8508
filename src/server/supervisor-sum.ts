/**
 * Adds KPI rows back up (pure): one grouped KPI query serves several views (a day's total and its
 * breakdowns by queue, language, site and channel come from one query grouped by all four).
 * Counts are recovered exactly (a rate times its integer base is within rounding of an integer);
 * sums of seconds are recovered as mean × count, exact up to Float64 rounding (~1e-15 relative).
 */
import { emptyCounters, kpiRow, type KpiCounters, type KpiRow } from '../domain/kpi/kpi-row.ts';

/** The counters behind one KPI row. */
export function countersOf(r: KpiRow): KpiCounters {
  const times = (mean: number | null, n: number) => (mean === null ? 0 : mean * n);
  return {
    self_service: r.self_service,
    callbacks: r.callbacks,
    offered: r.offered,
    answered: r.answered,
    short_abandoned: r.short_abandoned,
    lost: r.lost,
    answered_within_sl: r.answered_within_sl,
    transferred: r.transferred,
    wait_answered_s: times(r.asa_s, r.answered),
    wait_offered_s: times(r.avg_wait_s, r.offered),
    handle_answered_s: times(r.aht_s, r.answered),
    ratings: r.ratings,
    score_sum: Math.round(times(r.avg_rating, r.ratings)),
    satisfied: Math.round(times(r.csi, r.ratings)),
    dissatisfied: Math.round(times(r.cdi, r.ratings)),
    fcr_eligible: r.fcr_eligible,
    fcr_resolved: Math.round(times(r.fcr, r.fcr_eligible)),
    fcr_provisional: r.fcr_provisional,
  };
}

/** The KPI row of the union of `rows`, with the given group. */
export function sumKpiRows(rows: KpiRow[], group: Record<string, string> = {}): KpiRow {
  const total = emptyCounters();
  for (const r of rows) {
    const c = countersOf(r);
    for (const key of Object.keys(total) as (keyof KpiCounters)[]) {
      if (key === 'fcr_provisional') total.fcr_provisional ||= c.fcr_provisional;
      else total[key] += c[key];
    }
  }
  return kpiRow(group, total);
}

/** Rows regrouped by one of their group keys (sorted by that key, as the KPI query sorts). */
export function regroup(rows: KpiRow[], key: string): KpiRow[] {
  const groups = new Map<string, KpiRow[]>();
  for (const r of rows) {
    const value = r.group[key] ?? '';
    groups.set(value, [...(groups.get(value) ?? []), r]);
  }
  return [...groups.keys()].sort().map((value) => sumKpiRows(groups.get(value) ?? [], { [key]: value }));
}
