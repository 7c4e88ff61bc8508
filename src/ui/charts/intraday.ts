/**
 * Options of the intraday charts: offered calls (bars) with service level (line, target mark)
 * per 15-minute interval, and operators logged in / on pause. Labels are the local clock of each
 * interval key, so the axis reads in the centre's time zone whatever the browser's zone.
 */
import type { KpiRow } from '$domain/kpi/kpi-row.ts';
import { clockOfKey } from './time-labels.ts';

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function intradayOptions(
  rows: KpiRow[],
  slTarget: number,
  labels: { offered: string; serviceLevel: string; lost: string },
) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.offered, labels.lost, labels.serviceLevel], bottom: 0 },
    grid: { left: 48, right: 48, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => clockOfKey(r.group.interval ?? '')) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
    ],
    series: [
      { name: labels.offered, type: 'bar', data: rows.map((r) => r.offered), yAxisIndex: 0 },
      { name: labels.lost, type: 'bar', data: rows.map((r) => r.lost), yAxisIndex: 0 },
      {
        name: labels.serviceLevel,
        type: 'line',
        data: rows.map((r) => percent(r.service_level)),
        yAxisIndex: 1,
        // The target's label inside the plot, above its line (QA: at the end it overprinted the axis: "800 %").
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          label: { position: 'insideEndTop', formatter: '{c} %' },
          data: [{ yAxis: slTarget * 100 }],
        },
      },
    ],
  };
}

export function staffOptions(
  intervalKeys: string[],
  loggedIn: number[],
  paused: number[],
  labels: { loggedIn: string; paused: string },
) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.loggedIn, labels.paused], bottom: 0 },
    grid: { left: 48, right: 24, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: intervalKeys.map(clockOfKey) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.loggedIn, type: 'line', step: 'end', data: loggedIn },
      { name: labels.paused, type: 'line', step: 'end', data: paused },
    ],
  };
}
