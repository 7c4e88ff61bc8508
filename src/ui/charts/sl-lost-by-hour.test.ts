import { describe, expect, it } from 'vitest';
import { emptyCounters, kpiRow } from '../../domain/kpi/kpi-row.ts';
import { slLostByHourOptions } from './sl-lost-by-hour.ts';

function hourRow(hour: string, offered: number, withinSl: number, lost: number) {
  return kpiRow(
    { hour },
    { ...emptyCounters(), offered, answered: offered - lost, answered_within_sl: withinSl, lost },
  );
}

describe('slLostByHourOptions', () => {
  const rows = [hourRow('2026-11-27T09:00', 100, 80, 2), hourRow('2026-11-27T10:00', 0, 0, 0)];
  const options = slLostByHourOptions(rows, 0.8, { serviceLevel: 'SL', lost: 'Lost' });

  it('labels the x axis with the local hour', () => {
    expect(options.xAxis.data).toEqual(['09:00', '10:00']);
  });

  it('plots SL in percent, a gap for an hour without calls, and lost calls as bars', () => {
    // 80 answered within 20 s of a base of 100 offered (no short abandons) = 80 %.
    expect(options.series[0].data).toEqual([80, null]);
    expect(options.series[1].data).toEqual([2, 0]);
    expect(options.series[0].markLine?.data).toEqual([{ yAxis: 80 }]);
    // Labelled inside the plot, not over the right axis's labels.
    expect(options.series[0].markLine?.label).toEqual({ position: 'insideEndTop', formatter: '{c} %' });
  });
});
