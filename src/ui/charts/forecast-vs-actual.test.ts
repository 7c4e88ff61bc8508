import { describe, expect, it } from 'vitest';
import { backtestDaysOptions, forecastVsActualOptions } from './forecast-vs-actual.ts';

const labels = { forecast: 'Forecast', actual: 'Actual' };

describe('forecastVsActualOptions', () => {
  const options = forecastVsActualOptions(
    [
      { intervalStart: '2026-11-30T09:15', skill: 'ru', calls: 12.34, actualCalls: null },
      { intervalStart: '2026-11-30T09:00', skill: 'ru', calls: 10, actualCalls: 11 },
      { intervalStart: '2026-11-30T09:00', skill: 'kk', calls: 4.06, actualCalls: 3 },
    ],
    labels,
  );
  it('orders intervals in time and labels them MM-DD HH:MM', () => {
    expect(options.xAxis.data).toEqual(['11-30 09:00', '11-30 09:15']);
  });
  it('draws a forecast and an actual line per skill, with gaps where nothing is known', () => {
    expect(options.series.map((s) => s.name)).toEqual(['kk · Forecast', 'kk · Actual', 'ru · Forecast', 'ru · Actual']);
    expect(options.series[0].data).toEqual([4.1, null]);
    expect(options.series[2].data).toEqual([10, 12.3]);
    expect(options.series[3].data).toEqual([11, null]);
  });
});

describe('backtestDaysOptions', () => {
  it('puts actual bars and rounded forecast lines per skill and date', () => {
    const o = backtestDaysOptions(
      [
        { date: '2026-11-15', skill: 'ru', forecast: 99.6, actual: 101 },
        { date: '2026-11-14', skill: 'ru', forecast: 50.2, actual: 48 },
      ],
      labels,
    );
    expect(o.xAxis.data).toEqual(['2026-11-14', '2026-11-15']);
    expect(o.series).toMatchObject([
      { type: 'bar', data: [48, 101] },
      { type: 'line', data: [50, 100] },
    ]);
  });
});
