/**
 * The supervisor's morning view: yesterday's KPIs against their targets and by hour.
 */
import { meetsTarget, TARGET_DIRECTION, type KpiRow, type TargetKpi } from '../domain/kpi/kpi-row.ts';
import { localDateOf, nextDate } from '../domain/time/local-dates.ts';
import type { ServerContext } from './context.ts';
import { fetchKpis } from './queries/kpi.ts';

export interface TargetCheck {
  kpi: TargetKpi;
  value: number | null;
  target: number;
  met: boolean | null;
}

export function targetChecks(row: KpiRow, targets: Record<TargetKpi, number>): TargetCheck[] {
  return (Object.keys(TARGET_DIRECTION) as TargetKpi[]).map((kpi) => ({
    kpi,
    value: row[kpi],
    target: targets[kpi],
    met: meetsTarget(kpi, row[kpi], targets[kpi]),
  }));
}

export async function morningView(ctx: ServerContext, date?: string) {
  const day = date ?? nextDate(localDateOf(Date.now(), ctx.config.timezone), -1);
  const base = { from: day, to: day, timezone: ctx.config.timezone, kpi: ctx.config.kpi };
  const [total, byHour] = await Promise.all([
    fetchKpis(ctx.client, { ...base, by: [] }),
    fetchKpis(ctx.client, { ...base, by: ['hour'] }),
  ]);
  const row = total.rows[0];
  return {
    date: day,
    row,
    checks: targetChecks(row, ctx.config.kpi.targets),
    byHour: byHour.rows,
    targets: ctx.config.kpi.targets,
  };
}
