/**
 * Intraday alerts (pure): a target KPI missed in two or more consecutive intervals with calls.
 * One alert per run of misses, from its first to its last interval.
 */
import { meetsTarget, type KpiRow, type TargetKpi } from '../domain/kpi/kpi-row.ts';

/** The KPIs that make sense per 15 minutes (ratings and FCR are too sparse). */
export const INTRADAY_ALERT_KPIS = ['service_level', 'lost_rate', 'asa_s'] as const satisfies readonly TargetKpi[];

export interface IntradayAlert {
  kpi: TargetKpi;
  from: string;
  to: string;
  intervals: number;
  worst: number;
  target: number;
}

export function intradayAlerts(
  rows: KpiRow[],
  targets: Record<TargetKpi, number>,
  kpis: readonly TargetKpi[] = INTRADAY_ALERT_KPIS,
): IntradayAlert[] {
  const alerts: IntradayAlert[] = [];
  for (const kpi of kpis) {
    const higherIsBetter = meetsTarget(kpi, 1, 0) === true;
    let run: KpiRow[] = [];
    const close = () => {
      if (run.length >= 2) {
        const values = run.map((r) => r[kpi] as number);
        alerts.push({
          kpi,
          from: run[0].group.interval,
          to: run[run.length - 1].group.interval,
          intervals: run.length,
          worst: higherIsBetter ? Math.min(...values) : Math.max(...values),
          target: targets[kpi],
        });
      }
      run = [];
    };
    for (const row of rows) {
      const met = meetsTarget(kpi, row[kpi], targets[kpi]);
      if (met === false) run.push(row);
      else if (met === true) close();
      // null (no calls in the interval) neither breaks nor extends a run
    }
    close();
  }
  return alerts.sort((a, b) => a.from.localeCompare(b.from) || a.kpi.localeCompare(b.kpi));
}
