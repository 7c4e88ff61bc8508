/**
 * Shared input of the planning benchmarks: offered calls per 15-minute cell as the demo generator
 * makes them (its daily level, Kazakhstan holidays, intraday curve and surges), 70 % Russian,
 * operators 09:00–21:00, a 210 s handle — without simulating the queue, so a year takes seconds.
 */
import { isPublicHoliday } from '../src/domain/calendar/kz-calendar.ts';
import { dayNumber } from '../src/domain/calendar/iso-date.ts';
import { Random } from '../src/domain/demo/prng.ts';
import { arrivalMinutes, dayContactCount, daySurge } from '../src/domain/demo/volume.ts';
import { datesBetween, type HistoryCell } from '../src/domain/forecast/history.ts';

export function demoHistoryCells(from: string, to: string, seed = 1414): HistoryCell[] {
  const cells: HistoryCell[] = [];
  const random = new Random(seed);
  for (const date of datesBetween(from, to)) {
    const n = dayNumber(date);
    const minutes = arrivalMinutes(random, dayContactCount(seed, n, isPublicHoliday), daySurge(seed, n));
    const counts = { ru: new Float64Array(96), kk: new Float64Array(96) };
    for (const m of minutes) if (m >= 540 && m < 1260) counts[random.next() < 0.7 ? 'ru' : 'kk'][Math.floor(m / 15)]++;
    for (const skill of ['ru', 'kk'] as const) {
      counts[skill].forEach((offered, slot) => {
        if (offered > 0) cells.push({ date, skill, slot, offered, answered: offered, handleSeconds: 210 * offered });
      });
    }
  }
  return cells;
}

export function timed<T>(label: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(3)} s`);
  return result;
}
