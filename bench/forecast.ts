/**
 * Benchmark: forecast fit on one year of history (goal < 5 s). Prints figures, asserts nothing.
 *   npx tsx bench/forecast.ts [--db DIR]   (with --db, also times the history query on that database)
 */
import { backtest } from '../src/domain/forecast/accuracy.ts';
import { fitSkill, forecastSkill } from '../src/domain/forecast/fit.ts';
import { buildHistory } from '../src/domain/forecast/history.ts';
import { demoHistoryCells, timed } from './_planning-input.ts';

const cells = timed('generate a year of 15-minute history (2 skills, not part of the fit)', () =>
  demoHistoryCells('2025-11-28', '2026-11-27'),
);
console.log(`history cells: ${cells.length}`);
const history = timed('build history (15-minute intervals)', () => buildHistory(cells, 15));
const models = timed('fit both skills on a year (goal < 5 s)', () => history.map((h) => fitSkill(h)));
timed('forecast a week of both skills', () => models.flatMap((m) => forecastSkill(m, '2026-11-30', '2026-12-06')));
const bt = timed('back-test, 2 weeks held out (a second fit)', () => backtest(history, 2)!);
console.log(
  `back-test ${bt.from} … ${bt.to}: WAPE per day ${(100 * bt.total.day.wape!).toFixed(1)} %, per interval ${(100 * bt.total.interval.wape!).toFixed(1)} %, bias ${(100 * bt.total.day.bias!).toFixed(1)} %`,
);
for (const m of models)
  console.log(
    `  ${m.skill}: trend ${(100 * (Math.exp(m.trendPerYear) - 1)).toFixed(1)} %/year, holiday factor ${m.specialFactor.holiday.toFixed(2)}`,
  );

const db = process.argv.indexOf('--db');
if (db > 0) {
  const { openClient } = await import('../src/server/clickhouse/client.ts');
  const { fetchForecastHistory } = await import('../src/server/queries/forecast-history.ts');
  const client = await openClient({ kind: 'embedded', path: process.argv[db + 1] });
  const start = performance.now();
  const h = await fetchForecastHistory(client, {
    from: '2025-11-28',
    to: '2026-11-27',
    timezone: 'Asia/Almaty',
    shortAbandonSeconds: 5,
  });
  console.log(
    `history query on ${process.argv[db + 1]}: ${h.cells.length} cells in ${((performance.now() - start) / 1000).toFixed(3)} s`,
  );
  await client.close();
}
