/**
 * The supervisor's day and period views (issue 4): KPIs against targets with the change against
 * the previous day and the same weekday a week before, breakdowns, trends and ratings. KPI rows
 * come from fetchKpisFast, which equals `kezek kpi --json` for the same selection.
 */
import { KPI_FIELDS, meetsTarget, TARGET_DIRECTION, type KpiRow, type TargetKpi } from '../domain/kpi/kpi-row.ts';
import { localDateRange, nextDate } from '../domain/time/local-dates.ts';
import type { ServerContext } from './context.ts';
import type { KpiGroup } from './queries/kpi.ts';
import { fetchKpisFast } from './queries/rollup-kpi.ts';
import { fetchFilterOptions, fetchRatingScores } from './queries/supervisor.ts';
import { supervisorKpiRequest, type SupervisorParams } from './supervisor-params.ts';
import { regroup, sumKpiRows } from './supervisor-sum.ts';

export type KpiField = Exclude<(typeof KPI_FIELDS)[number], 'fcr_provisional'>;
export const DAY_FIELDS = KPI_FIELDS.filter((f) => f !== 'fcr_provisional') as KpiField[];
export const BREAKDOWNS = ['queue', 'language', 'site', 'channel'] as const satisfies readonly KpiGroup[];

export interface DayLine {
  kpi: KpiField;
  value: number | null;
  target: number | null;
  met: boolean | null;
  previousDay: number | null;
  weekBefore: number | null;
}

const isTargetKpi = (k: string): k is TargetKpi => Object.hasOwn(TARGET_DIRECTION, k);

/** One line per KPI: value, target, met / missed and the two comparison values. */
export function dayLines(
  row: KpiRow,
  previousDay: KpiRow,
  weekBefore: KpiRow,
  targets: Record<TargetKpi, number>,
): DayLine[] {
  return DAY_FIELDS.map((kpi) => {
    const target = isTargetKpi(kpi) ? targets[kpi] : null;
    const value = row[kpi];
    return {
      kpi,
      value,
      target,
      met: isTargetKpi(kpi) && target !== null ? meetsTarget(kpi, value, target) : null,
      previousDay: previousDay[kpi],
      weekBefore: weekBefore[kpi],
    };
  });
}

/**
 * One query grouped by queue × language × site × channel gives the day's breakdowns and total;
 * the previous day and the same weekday a week before are one total each (a query over the
 * seven days between would cost the FCR part seven days).
 */
export async function supervisorDay(ctx: ServerContext, params: SupervisorParams) {
  const date = params.from;
  const previous = nextDate(date, -1);
  const week = nextDate(date, -7);
  const total = (day: string) =>
    fetchKpisFast(ctx.client, supervisorKpiRequest(ctx.config, params, [], { from: day, to: day }));
  const [detail, previousTotal, weekTotal, options] = await Promise.all([
    fetchKpisFast(ctx.client, supervisorKpiRequest(ctx.config, params, [...BREAKDOWNS])),
    total(previous),
    total(week),
    fetchFilterOptions(ctx.client, localDateRange(date, date, ctx.config.timezone).endMs, params.allowedSites),
  ]);
  const row = sumKpiRows(detail.rows);
  return {
    date,
    previousDate: previous,
    weekBeforeDate: week,
    row,
    lines: dayLines(row, previousTotal.rows[0], weekTotal.rows[0], ctx.config.kpi.targets),
    breakdowns: Object.fromEntries(BREAKDOWNS.map((g) => [g, regroup(detail.rows, g)])) as Record<
      (typeof BREAKDOWNS)[number],
      KpiRow[]
    >,
    options,
    source: detail.source,
  };
}

export async function supervisorPeriod(ctx: ServerContext, params: SupervisorParams) {
  const { startMs, endMs } = localDateRange(params.from, params.to, ctx.config.timezone);
  const filters = supervisorKpiRequest(ctx.config, params, []).filters;
  const [byDay, scores, options] = await Promise.all([
    fetchKpisFast(ctx.client, supervisorKpiRequest(ctx.config, params, ['day'])),
    fetchRatingScores(ctx.client, startMs, endMs, filters),
    fetchFilterOptions(ctx.client, endMs, params.allowedSites),
  ]);
  const row = sumKpiRows(byDay.rows);
  return {
    row,
    checks: (Object.keys(TARGET_DIRECTION) as TargetKpi[]).map((kpi) => ({
      kpi,
      value: row[kpi],
      target: ctx.config.kpi.targets[kpi],
      met: meetsTarget(kpi, row[kpi], ctx.config.kpi.targets[kpi]),
    })),
    byDay: byDay.rows,
    scores,
    options,
    source: byDay.source,
  };
}
