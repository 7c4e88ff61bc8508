/**
 * Options of the roster charts: coverage vs requirement of one day and skill (lines), and one
 * day's Gantt as a heat map (operators × intervals: 1 on duty, 2 break, 3 activity).
 */
import type { RosterAssignmentJson } from '$domain/roster/validate.ts';

export interface CoveragePoint {
  interval_start: string;
  skill: string;
  required: number;
  scheduled: number;
}

export function rosterCoverageOptions(
  rows: CoveragePoint[],
  date: string,
  skill: string,
  labels: { required: string; scheduled: string },
) {
  const day = rows
    .filter((r) => r.skill === skill && r.interval_start.startsWith(date))
    .sort((a, b) => (a.interval_start < b.interval_start ? -1 : 1));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.required, labels.scheduled], bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: day.map((r) => r.interval_start.slice(11, 16)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.required, type: 'line', step: 'end', data: day.map((r) => r.required) },
      { name: labels.scheduled, type: 'bar', data: day.map((r) => r.scheduled) },
    ],
  };
}

const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const pad = (n: number) => String(n).padStart(2, '0');

/** Heat-map cells [interval index, operator index, state] for the day's assignments (first `limit`). */
export function rosterGanttOptions(
  assignments: RosterAssignmentJson[],
  date: string,
  intervalMinutes: number,
  limit = 80,
) {
  const day = assignments
    .filter((a) => a.date === date)
    .sort((a, b) => mins(a.start) - mins(b.start) || (a.agent_id < b.agent_id ? -1 : 1))
    .slice(0, limit);
  const from = Math.min(...day.map((a) => mins(a.start)), 9 * 60);
  const to = Math.max(...day.map((a) => mins(a.end)), 21 * 60);
  const times: string[] = [];
  for (let t = from; t < to; t += intervalMinutes) times.push(`${pad(Math.floor(t / 60))}:${pad(t % 60)}`);
  const data: Array<[number, number, number]> = [];
  day.forEach((a, y) => {
    for (let t = mins(a.start); t < mins(a.end); t += intervalMinutes) {
      const inside = (x: { start: string; end: string }) => t >= mins(x.start) && t < mins(x.end);
      const state = a.activities.some(inside) ? 3 : a.breaks.some(inside) ? 2 : 1;
      data.push([(t - from) / intervalMinutes, y, state]);
    }
  });
  return {
    animation: false,
    grid: { left: 80, right: 16, top: 8, bottom: 64 },
    xAxis: { type: 'category', data: times },
    yAxis: { type: 'category', data: day.map((a) => `${a.agent_id} ${a.skill}`), inverse: true },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      bottom: 0,
      left: 'center',
      pieces: [
        { value: 1, color: '#4e79a7' },
        { value: 2, color: '#f28e2b' },
        { value: 3, color: '#59a14f' },
      ],
    },
    series: [{ type: 'heatmap', data }],
  };
}
