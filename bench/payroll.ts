/**
 * Payroll benchmark (issue 7): payroll for the operators of a month of demo data (goal < 2 s for
 * 500 operators) and its XLSX export (goal < 3 s). No assertions: it prints what it measured.
 *
 *   node bin/kezek.js demo --days 35 --end 2026-10-31 --db /tmp/pay-demo/data
 *   npx tsx bench/payroll.ts [--db /tmp/pay-demo/data] [--month 2026-10] [--runs 3]
 */
import { parseArgs } from 'node:util';
import { openClient } from '../src/server/clickhouse/client.ts';
import { migrate } from '../src/server/clickhouse/migrate.ts';
import { databaseTarget, loadConfig } from '../src/server/config.ts';
import { livePayFacts, payrollView } from '../src/server/payroll.ts';
import { payrollCsv, payrollXlsx } from '../src/server/payroll-export.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/pay-demo/data' },
    month: { type: 'string', default: '2026-10' },
    runs: { type: 'string', default: '3' },
    config: { type: 'string' },
  },
});
const month = values.month;
const config = loadConfig(values.config);
const client = await openClient(databaseTarget({ db: values.db }));
await migrate(client);
const ctx = { client, config };

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const runs = Number(values.runs);
  const times: number[] = [];
  let out!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = await f();
    times.push(performance.now() - t0);
  }
  const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
  console.log(`${label.padEnd(34)} best ${fmt(Math.min(...times))}  runs ${times.map(fmt).join(', ')}`);
  return out;
}

await timed('facts (SQL + worked time)', () => livePayFacts(ctx, month));
const view = await timed(`payroll ${month} (facts + pay lines)`, () => payrollView(ctx, month, 'ru'));
console.log(`  ${view.result.operators.length} operators, ${view.result.operators.reduce((s, l) => s + l.total_tiyn, 0)} tiyn`);
const xlsx = await timed('XLSX export (from the payroll)', () => payrollXlsx(view));
console.log(`  ${xlsx.length} bytes`);
await timed('CSV export (from the payroll)', async () => payrollCsv(view));
await timed('payroll + XLSX end to end', async () => payrollXlsx(await payrollView(ctx, month, 'ru')));
process.exit(0);
