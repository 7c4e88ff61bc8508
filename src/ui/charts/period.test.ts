import { describe, expect, it } from 'vitest';
import { emptyCounters, kpiRow } from '../../domain/kpi/kpi-row.ts';
import { periodTrendOptions, ratingDistributionOptions } from './period.ts';

const labels = { serviceLevel: 'SL', dialThrough: 'DT', csi: 'CSI', fcr: 'FCR', fcrProvisional: 'FCR (provisional)' };

function day(date: string, resolved: number, provisional: boolean) {
  return kpiRow(
    { day: date },
    { ...emptyCounters(), fcr_eligible: 100, fcr_resolved: resolved, fcr_provisional: provisional },
  );
}

describe('periodTrendOptions', () => {
  const rows = [
    day('2026-11-25', 88, false),
    day('2026-11-26', 86, false),
    day('2026-11-27', 90, true),
    day('2026-11-28', 95, true),
  ];
  const o = periodTrendOptions(rows, labels);

  it('uses local dates as categories', () => {
    expect(o.xAxis.data).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
  });

  it('splits FCR into a final and a dashed provisional series that join at the last final day', () => {
    expect(o.series[3].data).toEqual([88, 86, null, null]);
    expect(o.series[4].data).toEqual([null, 86, 90, 95]);
    expect(o.series[4].lineStyle).toEqual({ type: 'dashed' });
  });

  it('has no provisional points when every day is final', () => {
    const all = periodTrendOptions([day('2026-11-01', 80, false)], labels);
    expect(all.series[4].data).toEqual([null]);
  });
});

describe('ratingDistributionOptions', () => {
  it('puts score i + 1 at index i', () => {
    const o = ratingDistributionOptions([1, 2, 3, 40, 500], 'Ratings');
    expect(o.xAxis.data).toEqual(['1', '2', '3', '4', '5']);
    expect(o.series[0].data).toEqual([1, 2, 3, 40, 500]);
  });
});
