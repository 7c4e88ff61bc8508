/**
 * Options of the period charts: SL, dial-through, CSI and FCR by local day (FCR of days still
 * inside the FCR window drawn dashed as a separate "provisional" series), and the distribution of
 * ratings 1–5.
 */
import type { KpiRow } from '$domain/kpi/kpi-row.ts';

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export interface TrendLabels {
  serviceLevel: string;
  dialThrough: string;
  csi: string;
  fcr: string;
  fcrProvisional: string;
}

export function periodTrendOptions(rows: KpiRow[], labels: TrendLabels) {
  const days = rows.map((r) => r.group.day ?? '');
  // A final FCR point is drawn solid; provisional days go to a dashed series. The last final day
  // is repeated in the dashed series so the two lines join.
  const firstProvisional = rows.findIndex((r) => r.fcr_provisional);
  const fcrFinal = rows.map((r, i) => (firstProvisional === -1 || i < firstProvisional ? percent(r.fcr) : null));
  const fcrProvisional = rows.map((r, i) =>
    firstProvisional !== -1 && i >= firstProvisional - 1 && i >= 0 ? percent(r.fcr) : null,
  );
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: {
      data: [labels.serviceLevel, labels.dialThrough, labels.csi, labels.fcr, labels.fcrProvisional],
      bottom: 0,
    },
    grid: { left: 48, right: 24, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    series: [
      { name: labels.serviceLevel, type: 'line', data: rows.map((r) => percent(r.service_level)) },
      { name: labels.dialThrough, type: 'line', data: rows.map((r) => percent(r.dial_through)) },
      { name: labels.csi, type: 'line', data: rows.map((r) => percent(r.csi)) },
      { name: labels.fcr, type: 'line', data: fcrFinal },
      { name: labels.fcrProvisional, type: 'line', data: fcrProvisional, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** Bars of how many ratings gave each score; `counts[i]` is the count of score i + 1. */
export function ratingDistributionOptions(counts: number[], label: string) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: ['1', '2', '3', '4', '5'] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: label, type: 'bar', data: counts.slice(0, 5) }],
  };
}
