/**
 * Options of the "service level and lost calls by hour" chart: bars of lost calls (right axis),
 * a line of service level in % (left axis) and the SL target as a dashed mark line.
 */
import type { KpiRow } from '$domain/kpi/kpi-row.ts';

export interface SlLostLabels {
  serviceLevel: string;
  lost: string;
}

export function slLostByHourOptions(rows: KpiRow[], slTarget: number, labels: SlLostLabels) {
  const hours = rows.map((r) => (r.group.hour ?? '').slice(11, 16));
  const sl = rows.map((r) => (r.service_level === null ? null : Math.round(r.service_level * 1000) / 10));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.serviceLevel, labels.lost], bottom: 0 },
    grid: { left: 48, right: 48, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: hours },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      { type: 'value', minInterval: 1 },
    ],
    series: [
      {
        name: labels.serviceLevel,
        type: 'line',
        data: sl,
        yAxisIndex: 0,
        // The target's label inside the plot, above its line (QA: at the end it overprinted the axis: "800 %").
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          label: { position: 'insideEndTop', formatter: '{c} %' },
          data: [{ yAxis: slTarget * 100 }],
        },
      },
      { name: labels.lost, type: 'bar', data: rows.map((r) => r.lost), yAxisIndex: 1 },
    ],
  };
}
