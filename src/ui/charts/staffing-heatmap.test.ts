import { describe, expect, it } from 'vitest';
import { staffingHeatmapOptions } from './staffing-heatmap.ts';

describe('staffingHeatmapOptions', () => {
  const cells = [
    { intervalStart: '2026-12-01T09:00', skill: 'ru', agents: 14 },
    { intervalStart: '2026-11-30T09:30', skill: 'ru', agents: 20 },
    { intervalStart: '2026-11-30T09:00', skill: 'ru', agents: null },
    { intervalStart: '2026-11-30T09:00', skill: 'kk', agents: 99 },
  ];
  const o = staffingHeatmapOptions(cells, 'ru', 'Operators');
  it('has local dates as rows and times of day as columns, for one skill', () => {
    expect(o.yAxis.data).toEqual(['2026-11-30', '2026-12-01']);
    expect(o.xAxis.data).toEqual(['09:00', '09:30']);
  });
  it('places [time, date, agents] cells and scales the colour to the skill maximum', () => {
    expect(o.series[0].data).toEqual([
      [0, 1, 14],
      [1, 0, 20],
      [0, 0, '-'],
    ]);
    expect(o.visualMap.max).toBe(20);
    expect(o.series[0].name).toBe('ru · Operators');
  });
});
