import { describe, expect, it } from 'vitest';
import { emptyCounters, kpiRow } from '../../domain/kpi/kpi-row.ts';
import { intradayOptions, staffOptions } from './intraday.ts';

const labels = { offered: 'Offered', serviceLevel: 'SL', lost: 'Lost' };

describe('intradayOptions', () => {
  // Interval keys are local (Asia/Almaty) 'YYYY-MM-DDTHH:MM', as `kezek kpi --by interval` writes them.
  const rows = [
    kpiRow({ interval: '2026-11-28T00:00' }, emptyCounters()),
    kpiRow(
      { interval: '2026-11-28T09:15' },
      { ...emptyCounters(), offered: 40, answered: 38, answered_within_sl: 30, lost: 1, short_abandoned: 0 },
    ),
  ];
  const o = intradayOptions(rows, 0.8, labels);

  it('labels intervals with the local clock, midnight first', () => {
    expect(o.xAxis.data).toEqual(['00:00', '09:15']);
  });

  it('plots offered and lost as bars and SL in percent with a gap where nothing was offered', () => {
    // SL = 30 within 20 s / base 40 (no short abandons) = 75 %.
    expect(o.series[0].data).toEqual([0, 40]);
    expect(o.series[1].data).toEqual([0, 1]);
    expect(o.series[2].data).toEqual([null, 75]);
    expect(o.series[2].markLine?.data).toEqual([{ yAxis: 80 }]);
    // Labelled inside the plot, not over the right axis's labels.
    expect(o.series[2].markLine?.label).toEqual({ position: 'insideEndTop', formatter: '{c} %' });
  });
});

describe('staffOptions', () => {
  it('draws operators logged in and on pause as steps', () => {
    const o = staffOptions(['2026-11-28T09:00', '2026-11-28T09:15'], [10, 12], [1, 3], {
      loggedIn: 'In',
      paused: 'Pause',
    });
    expect(o.xAxis.data).toEqual(['09:00', '09:15']);
    expect(o.series.map((s) => s.data)).toEqual([
      [10, 12],
      [1, 3],
    ]);
  });
});
