/**
 * Payroll benchmark (issue 7): payroll for the operators of a month of demo data (goal < 2 s for
 * 500 operators) and its XLSX export (goal < 3 s). No assertions: it prints what it measured.
 *
 *   npx tsx bench/payroll.ts [--db DIR] [--month 2026-10] [--runs 3]
 *
 * Without --db it first stores 35 days of demo history ending on the month's last day.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openClient } from '../src/server/clickhouse/client.ts';
import { migrate } from '../src/server/clickhouse/migrate.ts';
import { databaseTarget, loadConfig } from '../src/server/config.ts';
import { livePayFacts, payrollView } from '../src/server/payroll.ts';
import { payrollCsv, payrollXlsx } from '../src/server/payroll-export.ts';
import { join } from 'node:path';
import { kezek, median, report, tempDir } from './_util.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    month: { type: 'string', default: '2026-10' },
    runs: { type: 'string', default: '3' },
    config: { type: 'string' },
  },
});
const month = values.month;
const config = loadConfig(values.config);
let db = values.db;
if (!db) {
  db = join(tempDir('payroll'), 'data');
  const [y, m] = month.split('-').map(Number);
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const { seconds } = kezek(['demo', '--days', '35', '--end', end, '--db', db]);
  console.log(`kezek demo --days 35 --end ${end}: ${seconds.toFixed(0)} s`);
}
const client = await openClient(databaseTarget({ db }));
await migrate(client);
const ctx = { client, config };

/** Runs `f` `runs` times after a warm-up; prints every run and returns the last result and the median seconds. */
async function timed<T>(label: string, f: () => Promise<T>): Promise<{ out: T; seconds: number }> {
  const runs = Number(values.runs);
  let out = await f(); // warm-up: SQL files read, caches of the engine filled
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    out = await f();
    const c = process.cpuUsage(c0);
    times.push((performance.now() - t0) / 1000);
    cpu.push((c.user + c.system) / 1e6);
  }
  // CPU seconds of this process (the embedded engine runs in it): on a busy machine the wall
  // time shows the wait for a core, the CPU time what the work itself costs.
  const list = (xs: number[]) => xs.map((s) => s.toFixed(3)).join(', ');
  console.log(`${label}: wall ${list(times)} s; cpu ${list(cpu)} s; load average ${os.loadavg()[0].toFixed(1)}`);
  return { out, seconds: median(times) };
}

const facts = await timed('facts (SQL + worked time)', () => livePayFacts(ctx, month));
console.log(`  ${facts.out.length} operators`);
const pay = await timed(`payroll ${month} (facts + pay lines)`, () => payrollView(ctx, month, 'ru'));
const view = pay.out;
console.log(
  `  ${view.result.operators.length} operators, ${view.result.operators.reduce((s, l) => s + l.total_tiyn, 0)} tiyn`,
);
const xlsx = await timed('XLSX export of it', () => payrollXlsx(view));
console.log(`  ${xlsx.out.length} bytes`);
const csv = await timed('CSV export of it', async () => payrollCsv(view));
const both = await timed('payroll + XLSX end to end', async () => payrollXlsx(await payrollView(ctx, month, 'ru')));
report(`payroll of ${view.result.operators.length} operators (median)`, pay.seconds, 's', 2, false);
report('XLSX export (median)', xlsx.seconds, 's', 3, false);
report('payroll + XLSX (median)', both.seconds, 's', 3, false);
console.log(`CSV export (median): ${csv.seconds.toFixed(3)} s`);
process.exit(0);
