import { describe, expect, it } from 'vitest';
import { isPublicHoliday } from '../calendar/kz-calendar.ts';
import { addDays, dayNumber } from '../calendar/iso-date.ts';
import { Random } from '../demo/prng.ts';
import { arrivalMinutes, dayContactCount, daySurge } from '../demo/volume.ts';
import { backtest, compareWithActual } from './accuracy.ts';
import { dayFeatures } from './day-features.ts';
import { dailyCalls, fitSkill, forecastSkill } from './fit.ts';
import { buildHistory, datesBetween, type HistoryCell } from './history.ts';
import { leastSquares } from './least-squares.ts';
import { patienceEstimate } from './patience.ts';

/**
 * Offered calls as the demo generator (src/domain/demo/volume.ts) makes them: its daily level
 * (weekday, month, Kazakhstan holidays, ±3 % noise), its intraday curve with an unforeseeable
 * surge each day, operators 09:00–21:00, 70 % Russian; every call answered with a 200 s handle.
 */
function demoCells(from: string, to: string, seed = 1414): HistoryCell[] {
  const cells: HistoryCell[] = [];
  const random = new Random(seed);
  for (const date of datesBetween(from, to)) {
    const n = dayNumber(date);
    const minutes = arrivalMinutes(random, dayContactCount(seed, n, isPublicHoliday), daySurge(seed, n));
    const counts = { ru: new Float64Array(96), kk: new Float64Array(96) };
    for (const m of minutes) if (m >= 540 && m < 1260) counts[random.next() < 0.7 ? 'ru' : 'kk'][Math.floor(m / 15)]++;
    for (const skill of ['ru', 'kk'] as const) {
      counts[skill].forEach((offered, slot) => {
        if (offered > 0) cells.push({ date, skill, slot, offered, answered: offered, handleSeconds: 200 * offered });
      });
    }
  }
  return cells;
}

describe('forecast back-test on the demo generator', () => {
  // 16 weeks ending 2026-11-27, the last 2 held out (the demo of the brief: kezek demo --end 2026-11-27).
  const history = buildHistory(demoCells('2026-08-08', '2026-11-27'), 15);
  const bt = backtest(history, 2)!;

  it('is within 6 % WAPE per day and 15 % per 15-minute interval, bias within ±5 %', () => {
    // Measured: per day 3.7 % (bias +3.0 %: the generator's November is 2 % below October, and its
    // ±3 % day noise), per interval 12.5 % (Poisson noise plus the daily unforeseeable surge of
    // 3.6–4.6 % of calls in a random 20–40 minutes).
    expect(bt.from).toBe('2026-11-14');
    expect(bt.to).toBe('2026-11-27');
    expect(bt.total.day.wape!).toBeLessThan(0.06);
    expect(bt.total.interval.wape!).toBeLessThan(0.15);
    expect(Math.abs(bt.total.day.bias!)).toBeLessThan(0.05);
    for (const s of bt.skills) expect(s.interval.wape!).toBeLessThan(0.2);
    expect(bt.days).toHaveLength(28);
  });

  it('learns the holiday: Republic Day 2026-10-25 (a Sunday) at about a third of a Sunday', () => {
    const model = fitSkill(history[1]);
    // The generator puts holidays at 0.33 of their weekday; the prior is 0.35, blended with one observed holiday.
    expect(model.specialFactor.holiday).toBeGreaterThan(0.25);
    expect(model.specialFactor.holiday).toBeLessThan(0.45);
    expect(dailyCalls(model, '2026-12-16') / dailyCalls(model, '2026-12-09')).toBeLessThan(0.5); // Independence Day, a Wednesday
    expect(
      forecastSkill(model, '2026-12-01', '2026-12-01')
        .slice(0, 36)
        .every((x) => x.calls === 0),
    ).toBe(true); // no calls before 09:00
  });

  it('compares a forecast with actual calls on the same dates', () => {
    const model = fitSkill(buildHistory(demoCells('2026-08-08', '2026-11-13'), 15)[0]);
    const f = forecastSkill(model, '2026-11-14', '2026-11-27');
    const acc = compareWithActual(f, history)!;
    expect(acc.skills.map((s) => s.skill)).toEqual(['kk']);
    expect(acc.total.interval.wape).toBeCloseTo(bt.skills[0].interval.wape!, 10);
  });
});

describe('forecast model', () => {
  it('recovers a trend and weekday effects from noiseless data', () => {
    // 20 % a year of exponential growth; Saturdays half, Sundays 40 % of a weekday; flat intraday.
    const cells: HistoryCell[] = [];
    for (const date of datesBetween('2024-01-08', '2024-06-30')) {
      if (dayFeatures(date).special.length > 0) continue;
      const wd = dayFeatures(date).weekday;
      const total =
        960 *
        Math.exp((0.2 * (dayNumber(date) - dayNumber('2024-06-30'))) / 365) *
        (wd === 5 ? 0.5 : wd === 6 ? 0.4 : 1);
      for (let slot = 0; slot < 96; slot++)
        cells.push({ date, skill: 'ru', slot, offered: total / 96, answered: 1, handleSeconds: 300 });
    }
    const model = fitSkill(buildHistory(cells, 60)[0]);
    expect(model.trendPerYear).toBeCloseTo(0.2, 5); // the 1e-6 ridge biases it by < 1e-6
    expect(Math.exp(model.weekdayEffect[5])).toBeCloseTo(0.5, 5);
    expect(dailyCalls(model, '2024-07-03')).toBeCloseTo(960 * Math.exp((0.2 * 3) / 365), 3);
    expect(model.ahtSeconds[0]).toBeCloseTo(300, 9);
  });

  it('adds 15-minute cells into 30- and 60-minute intervals', () => {
    const cells = [0, 1, 2, 3, 4].map((slot) => ({
      date: '2026-01-05',
      skill: 'kk',
      slot,
      offered: slot + 1,
      answered: 1,
      handleSeconds: 100,
    }));
    const [h] = buildHistory(cells, 60);
    expect(Array.from(h.offered[0].slice(0, 2))).toEqual([10, 5]);
    expect(() => buildHistory(cells, 20 as never)).toThrow(RangeError);
  });

  it('solves least squares', () => {
    const beta = leastSquares(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [1, 3, 5],
    );
    expect(beta[0]).toBeCloseTo(1, 12);
    expect(beta[1]).toBeCloseTo(2, 12);
  });

  it('labels calendar days', () => {
    expect(dayFeatures('2026-10-25')).toEqual({ weekday: 6, special: ['holiday'] });
    expect(dayFeatures('2026-10-26')).toEqual({ weekday: 0, special: ['day_off', 'after_holiday'] });
    expect(dayFeatures('2026-10-27').special).toEqual(['after_holiday']);
    expect(dayFeatures('2026-10-23').special).toEqual(['before_holiday']);
    expect(addDays('2026-10-23', 1)).toBe('2026-10-24');
  });
});

describe('patienceEstimate', () => {
  it('is total waiting time over abandonments (exponential MLE), null with few abandonments', () => {
    expect(patienceEstimate({ waitSeconds: 54_000, abandoned: 100 }).patienceSeconds).toBe(540);
    expect(patienceEstimate({ waitSeconds: 900, abandoned: 3 }).patienceSeconds).toBeNull();
  });
});
