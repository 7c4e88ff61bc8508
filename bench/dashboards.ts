/**
 * Issue 4's benchmark: server-side time of each supervisor view (median of 5 after a warm-up,
 * the view's server function called in-process, as the route's load does) on one year of demo
 * data, with the data volume printed; and whether the rollups agree with a recomputation from the
 * raw visits. Goals (2 cores): day, intraday, operators and calls views < 300 ms; a 365-day
 * period view < 1 s. `BENCH_DB=DIR` reuses a database; otherwise `kezek demo --days
 * ${BENCH_DEMO_DAYS:-365}` creates one (minutes).
 */
import { join } from 'node:path';
import { openContext } from '../src/cli/context.ts';
import { localDateRange, nextDate } from '../src/domain/time/local-dates.ts';
import type { ServerContext } from '../src/server/context.ts';
import { rollupDisagreements } from '../src/server/queries/rollup.ts';
import { supervisorCalls } from '../src/server/supervisor-calls.ts';
import { supervisorIntraday } from '../src/server/supervisor-intraday.ts';
import { supervisorOperators } from '../src/server/supervisor-operators.ts';
import { localToday, supervisorParams } from '../src/server/supervisor-params.ts';
import { supervisorDay, supervisorPeriod } from '../src/server/supervisor.ts';
import { kezek, median, report, tempDir } from './_util.ts';

const DAYS = Number(process.env.BENCH_DEMO_DAYS ?? 365);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function medianMs(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(fn));
  return median(times);
}

async function count(ctx: ServerContext, query: string): Promise<number> {
  const rs = await ctx.client.query({ query, format: 'JSONEachRow' });
  const [row] = await rs.json<{ n: number }>();
  return Number(row.n);
}

async function main(): Promise<void> {
  let db = process.env.BENCH_DB;
  if (!db) {
    db = join(tempDir('dashboards'), 'data');
    const { seconds } = kezek(['demo', '--days', String(DAYS), '--db', db]);
    console.log(`kezek demo --days ${DAYS}: ${seconds.toFixed(0)} s`);
  }
  const ctx = await openContext({ db });
  const end = localToday(ctx.config, -1);
  const yearFrom = nextDate(end, -364);
  console.log(
    `data: ${(await count(ctx, 'SELECT count() AS n FROM call')).toLocaleString('en')} call visits, ` +
      `${(await count(ctx, 'SELECT count() AS n FROM rating')).toLocaleString('en')} ratings, ` +
      `${(await count(ctx, 'SELECT count() AS n FROM agent_event')).toLocaleString('en')} agent events; ` +
      `rollup rows: call_interval ${(await count(ctx, 'SELECT count() AS n FROM call_interval')).toLocaleString('en')}, ` +
      `call_agent_hour ${(await count(ctx, 'SELECT count() AS n FROM call_agent_hour')).toLocaleString('en')}`,
  );

  const params = (q: string) => supervisorParams(new URL(`http://bench/?${q}`), end);
  const views: [string, () => Promise<unknown>, number][] = [
    [`day view (${end})`, () => supervisorDay(ctx, params(`date=${end}`)), 300],
    [`intraday view (${end})`, () => supervisorIntraday(ctx, params(`date=${end}`)), 300],
    [`operators view (${end})`, () => supervisorOperators(ctx, params(`date=${end}`)), 300],
    [`operators view (30 days)`, () => supervisorOperators(ctx, params(`from=${nextDate(end, -29)}&to=${end}`)), 1000],
    [`calls view (${end}, lost, page 1)`, () => supervisorCalls(ctx, params(`date=${end}&outcome=lost`), 1), 300],
    [
      `calls view (30 days, queue 1414-kk, page 1)`,
      () => supervisorCalls(ctx, params(`from=${nextDate(end, -29)}&to=${end}&queue=1414-kk`), 1),
      300,
    ],
    [`period view (7 days)`, () => supervisorPeriod(ctx, params(`from=${nextDate(end, -6)}&to=${end}`)), 1000],
    [`period view (30 days)`, () => supervisorPeriod(ctx, params(`from=${nextDate(end, -29)}&to=${end}`)), 1000],
    [`period view (365 days)`, () => supervisorPeriod(ctx, params(`from=${yearFrom}&to=${end}`)), 1000],
  ];
  for (const [name, fn, goal] of views)
    report(name, await medianMs(fn, name.includes('365') ? 3 : 5), 'ms', goal, false);

  const { startMs, endMs } = localDateRange(yearFrom, end, ctx.config.timezone);
  let disagreements: Awaited<ReturnType<typeof rollupDisagreements>> = [];
  const checkMs = await timed(
    async () => (disagreements = await rollupDisagreements(ctx.client, startMs - 86_400_000, endMs + 86_400_000)),
  );
  console.log(
    `rollups vs recomputation from call FINAL over ${DAYS} days: ${disagreements.length} disagreeing (table, day, counter) triples (check took ${(checkMs / 1000).toFixed(1)} s)`,
  );
  for (const d of disagreements.slice(0, 10))
    console.log(`  ${d.table} ${d.day} ${d.field}: rollup ${d.rollup}, raw ${d.raw}`);
  await ctx.client.close();
}

await main();
process.exit(0);
