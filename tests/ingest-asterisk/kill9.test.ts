/**
 * DESIGN §4: a crash at any point, followed by a restart, ends with exactly the rows of the
 * input. A large queue_log ingest is killed (-9) once its first batches are stored, and run
 * again: the lines, visits and agent events equal those of a clean run.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { databaseTarget } from '../../src/server/config.ts';
import { runCli, Workspace } from '../kpi/harness.ts';
import { childJson, CONFIG, hasMonthlyPart, kpiArgs, spawnKezek, waitFor } from './helpers.ts';
import { queueLogSample } from './queue-log-sample.ts';

const ws = new Workspace('ql-kill9');
const config = ws.config(CONFIG);
const sample = queueLogSample({ calls: 40_000, seed: 9, days: 20 });
const file = ws.file(sample.lines.join('\n') + '\n', 'big_queue_log');
const cleanDb = join(ws.dir, 'clean');
const ingestArgs = (db: string) => ['ingest', file, '--format', 'asterisk-queue-log', '--batch-rows', '20000', '--db', db, '--config', config, '--json'];

let restart: { read: number; accepted: number; duplicates: number; rejected: number };

beforeAll(async () => {
  // The killed run: a child process on this file's database, killed after its first commits.
  const killed = spawnKezek(ingestArgs(ws.db));
  console.error('spawned', Date.now());
  await waitFor(() => hasMonthlyPart(ws.db), 60_000, 'the first rows stored');
  console.error('parts', Date.now());
  killed.child.kill('SIGKILL');
  expect((await killed.exit).signal).toBe('SIGKILL');
  // The restart runs in this process (the database is free again).
  console.error('killed', Date.now());
  const r = await runCli(ingestArgs(ws.db));
  console.error('restarted', Date.now(), r.code, r.stderr);
  expect(r.code).toBe(0);
  restart = JSON.parse(r.stdout);
  // The clean run: another database, in a child.
  const clean = spawnKezek(ingestArgs(cleanDb));
  const timer = setInterval(() => console.error('clean', Date.now(), clean.stdout().slice(0, 100), clean.stderr().slice(0, 300)), 5000);
  console.error('clean exit', await clean.exit);
  clearInterval(timer);
}, 240_000);

async function rows(query: string): Promise<unknown[]> {
  console.error('rows', Date.now());
  const client = await openClient(databaseTarget({ db: ws.db }));
  const rs = await client.query({ query, format: 'JSONEachRow' });
  return rs.json();
}

describe('kill -9 in the middle of a large ingest, then a restart', () => {
  it('found rows of the killed run stored (the kill hit mid-ingest)', () => {
    expect(restart.duplicates).toBeGreaterThan(0);
    expect(restart.read).toBe(sample.lines.length);
  });

  it('stores every distinct line exactly once', async () => {
    expect(await rows('SELECT count() AS n, uniqExact(time, raw) AS distinct FROM queue_log_event FINAL')).toEqual([
      { n: sample.distinctLines, distinct: sample.distinctLines },
    ]);
  });

  it('gives the calls, agent events and KPIs of a clean run', async () => {
    const args = ['--format', 'kezek-ndjson', '--config', config];
    for (const kind of ['calls', 'agent-events']) {
      console.error('export', kind, Date.now());
      const clean = (await runChildText(['export', kind, '--db', cleanDb, ...args])).split('\n').sort();
      console.error('exported clean', kind, Date.now(), clean.length);
      const after = (await runCli(['export', kind, '--db', ws.db, ...args])).stdout.split('\n').sort();
      expect(after.length).toBeGreaterThan(1000);
      expect(after).toEqual(clean);
    }
    expect(JSON.parse((await runCli(kpiArgs(ws.db, config, sample))).stdout)).toEqual(await childJson(kpiArgs(cleanDb, config, sample)));
  });
});

async function runChildText(args: string[]): Promise<string> {
  const { runChild } = await import('../kpi/harness.ts');
  const r = await runChild(args);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
}
