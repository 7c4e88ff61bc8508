/**
 * Forecast accuracy and the back-test shown beside every forecast.
 *
 * WAPE = Σ|forecast − actual| ÷ Σ actual; bias = Σ(forecast − actual) ÷ Σ actual (positive:
 * over-forecast). Both are measured on daily totals ("per day") and on every interval ("per
 * interval"); the AHT error is weighted by the actual answered calls. Null when nothing was
 * offered (an empty base, DESIGN §5).
 */
import { addDays, dayNumber } from '../calendar/iso-date.ts';
import { fitSkill, forecastSkill, type FitOptions } from './fit.ts';
import { sliceHistory, sum, type SkillHistory } from './history.ts';

export interface ErrorPair {
  wape: number | null;
  bias: number | null;
}

export interface Accuracy {
  /** Daily totals. */
  day: ErrorPair;
  /** Every interval. */
  interval: ErrorPair;
  /** AHT per interval, weighted by answered calls. */
  aht: ErrorPair;
  actualCalls: number;
  forecastCalls: number;
}

/** One day of one skill: forecast against actual. */
export interface DayComparison {
  date: string;
  skill: string;
  forecast: number;
  actual: number;
}

export interface Backtest {
  /** Dates forecast (inclusive) and the history before `from` the model learned from. */
  from: string;
  to: string;
  weeks: number;
  skills: Array<{ skill: string } & Accuracy>;
  total: Accuracy;
  days: DayComparison[];
}

class ErrorSum {
  abs = 0;
  signed = 0;
  base = 0;
  add(forecast: number, actual: number, weight = 1): void {
    this.abs += weight * Math.abs(forecast - actual);
    this.signed += weight * (forecast - actual);
    this.base += weight * actual;
  }
  result(): ErrorPair {
    return this.base > 0 ? { wape: this.abs / this.base, bias: this.signed / this.base } : { wape: null, bias: null };
  }
}

interface Sums {
  day: ErrorSum;
  interval: ErrorSum;
  aht: ErrorSum;
  actual: number;
  forecast: number;
}

const newSums = (): Sums => ({
  day: new ErrorSum(),
  interval: new ErrorSum(),
  aht: new ErrorSum(),
  actual: 0,
  forecast: 0,
});
const accuracyOf = (s: Sums): Accuracy => ({
  day: s.day.result(),
  interval: s.interval.result(),
  aht: s.aht.result(),
  actualCalls: s.actual,
  forecastCalls: s.forecast,
});

/**
 * Back-test: fits each skill on its history before the last `weeks` weeks and forecasts those
 * weeks, day by day and interval by interval, against what happened. Needs at least one week of
 * history before them; null otherwise.
 * @example backtest(history, 2) // { from, to, skills: [{ skill: 'ru', day: { wape: 0.03, … } }], … }
 */
export function backtest(history: SkillHistory[], weeks = 2, options: FitOptions = {}): Backtest | null {
  if (!(Number.isInteger(weeks) && weeks >= 1))
    throw new RangeError(`back-test weeks must be a whole number ≥ 1, got ${weeks}`);
  const dates = history[0]?.dates ?? [];
  if (dates.length === 0) return null;
  const to = dates[dates.length - 1];
  const from = addDays(to, -(7 * weeks - 1));
  if (dayNumber(from) - dayNumber(dates[0]) < 7) return null;
  const total = newSums();
  const skills: Backtest['skills'] = [];
  const days: DayComparison[] = [];
  for (const h of history) {
    const train = sliceHistory(h, null, from);
    const test = sliceHistory(h, from, null);
    if (sum(train.offered.map(sum)) === 0) continue;
    const model = fitSkill(train, options);
    const s = newSums();
    test.dates.forEach((date, i) => {
      const f = forecastSkill(model, date, date);
      const actualDay = sum(test.offered[i]);
      const forecastDay = f.reduce((acc, x) => acc + x.calls, 0);
      for (const sums of [s, total]) {
        sums.day.add(forecastDay, actualDay);
        sums.actual += actualDay;
        sums.forecast += forecastDay;
        f.forEach((x, slot) => {
          sums.interval.add(x.calls, test.offered[i][slot]);
          const answered = test.answered[i][slot];
          if (answered > 0) sums.aht.add(x.ahtSeconds, test.handleSeconds[i][slot] / answered, answered);
        });
      }
      days.push({ date, skill: h.skill, forecast: forecastDay, actual: actualDay });
    });
    skills.push({ skill: h.skill, ...accuracyOf(s) });
  }
  return { from, to, weeks, skills, total: accuracyOf(total), days };
}

/**
 * Accuracy of given forecast intervals against a history holding the same dates (the forecast
 * page's "forecast vs actual" for a past range). Dates missing from the history are skipped.
 */
export function compareWithActual(
  forecast: Array<{ date: string; slot: number; skill: string; calls: number; ahtSeconds: number }>,
  history: SkillHistory[],
): { skills: Array<{ skill: string } & Accuracy>; total: Accuracy } | null {
  const bySkill = new Map(history.map((h) => [h.skill, { h, index: new Map(h.dates.map((d, i) => [d, i])) }]));
  const total = newSums();
  const perSkill = new Map<string, Sums>();
  const daily = new Map<string, { f: number; a: number; sums: Sums }>();
  for (const x of forecast) {
    const entry = bySkill.get(x.skill);
    const i = entry?.index.get(x.date);
    if (entry === undefined || i === undefined) continue;
    const s = perSkill.get(x.skill) ?? newSums();
    perSkill.set(x.skill, s);
    const actual = entry.h.offered[i][x.slot];
    const answered = entry.h.answered[i][x.slot];
    const key = `${x.skill} ${x.date}`;
    const d = daily.get(key) ?? { f: 0, a: 0, sums: s };
    d.f += x.calls;
    d.a += actual;
    daily.set(key, d);
    for (const sums of [s, total]) {
      sums.interval.add(x.calls, actual);
      sums.actual += actual;
      sums.forecast += x.calls;
      if (answered > 0) sums.aht.add(x.ahtSeconds, entry.h.handleSeconds[i][x.slot] / answered, answered);
    }
  }
  if (perSkill.size === 0) return null;
  for (const d of daily.values()) for (const sums of [d.sums, total]) sums.day.add(d.f, d.a);
  return { skills: [...perSkill].map(([skill, s]) => ({ skill, ...accuracyOf(s) })), total: accuracyOf(total) };
}
