/**
 * Options of the planner's forecast charts: forecast against actual offered calls per interval
 * (a line per skill and kind; actual is a gap where the interval has not happened), and per day
 * over the back-test weeks.
 */

export interface ForecastPoint {
  intervalStart: string;
  skill: string;
  calls: number;
  actualCalls: number | null;
}

export interface DayPoint {
  date: string;
  skill: string;
  forecast: number;
  actual: number;
}

export interface ForecastLabels {
  forecast: string;
  actual: string;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** x: local interval starts 'MM-DD HH:MM' in order; one forecast and one actual line per skill. */
export function forecastVsActualOptions(points: ForecastPoint[], labels: ForecastLabels) {
  const starts = [...new Set(points.map((p) => p.intervalStart))].sort();
  const index = new Map(starts.map((s, i) => [s, i]));
  const skills = [...new Set(points.map((p) => p.skill))].sort();
  const series = skills.flatMap((skill) => {
    const forecast: (number | null)[] = starts.map(() => null);
    const actual: (number | null)[] = starts.map(() => null);
    for (const p of points) {
      if (p.skill !== skill) continue;
      const i = index.get(p.intervalStart)!;
      forecast[i] = round1(p.calls);
      actual[i] = p.actualCalls;
    }
    return [
      {
        name: `${skill} · ${labels.forecast}`,
        type: 'line',
        showSymbol: false,
        data: forecast,
        lineStyle: { type: 'dashed' },
      },
      { name: `${skill} · ${labels.actual}`, type: 'line', showSymbol: false, data: actual, connectNulls: false },
    ];
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: 24, bottom: 72 },
    xAxis: { type: 'category', data: starts.map((s) => `${s.slice(5, 10)} ${s.slice(11, 16)}`) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/** Bars of forecast and actual daily calls per skill over the back-test dates. */
export function backtestDaysOptions(days: DayPoint[], labels: ForecastLabels) {
  const dates = [...new Set(days.map((d) => d.date))].sort();
  const index = new Map(dates.map((d, i) => [d, i]));
  const skills = [...new Set(days.map((d) => d.skill))].sort();
  const series = skills.flatMap((skill) => {
    const forecast: (number | null)[] = dates.map(() => null);
    const actual: (number | null)[] = dates.map(() => null);
    for (const d of days) {
      if (d.skill !== skill) continue;
      forecast[index.get(d.date)!] = Math.round(d.forecast);
      actual[index.get(d.date)!] = d.actual;
    }
    return [
      { name: `${skill} · ${labels.actual}`, type: 'bar', data: actual },
      { name: `${skill} · ${labels.forecast}`, type: 'line', data: forecast, lineStyle: { type: 'dashed' } },
    ];
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}
