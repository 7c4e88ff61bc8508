/**
 * DESIGN §4: a crash at any point, followed by a restart, ends with exactly the rows of the
 * input. A large queue_log ingest is killed (-9) once its first batches are stored, and run
 * again: the lines, visits and agent events equal those of a clean run.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, Workspace } from '../kpi/harness.ts';
import { childJson, CONFIG, kpiArgs, ingestArgsOf, killedRestartedAndClean, type IngestJson } from './helpers.ts';
import { queueLogSample } from './queue-log-sample.ts';
import { storedFingerprint, type Fingerprint } from './stored-fingerprint.ts';

const ws = new Workspace('ql-kill9');
const config = ws.config(CONFIG);
const sample = queueLogSample({ calls: 40_000, seed: 9, days: 20 });
const file = ws.file(sample.lines.join('\n') + '\n', 'big_queue_log');
const cleanDb = join(ws.dir, 'clean');
const ingestArgs = ingestArgsOf(file, 'asterisk-queue-log', 20_000, config);

let restart: IngestJson;

beforeAll(async () => {
  restart = await killedRestartedAndClean(ingestArgs, ws.db, ['queue_log_event', 'call'], cleanDb);
}, 240_000);

describe('kill -9 in the middle of a large ingest, then a restart', () => {
  it('found rows of the killed run stored (the kill hit mid-ingest)', () => {
    expect(restart.read).toBe(sample.lines.length);
    expect(restart.duplicates).toBeGreaterThan(sample.lines.length - sample.distinctLines);
    expect(restart.accepted).toBeLessThan(sample.distinctLines);
  });

  it('ends with exactly the lines, calls and agent events of a clean run', async () => {
    const script = join(REPO_ROOT, 'tests/ingest-asterisk/stored-fingerprint.ts');
    const clean = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', script, cleanDb], { cwd: REPO_ROOT, encoding: 'utf8' }),
    ) as Fingerprint;
    expect(clean.lines).toBe(sample.distinctLines);
    expect(clean.calls).toBe(40_000);
    expect(await storedFingerprint(ws.db)).toEqual(clean);
  });

  it('gives the KPIs of a clean run', async () => {
    const after = JSON.parse((await runCli(kpiArgs(ws.db, config, sample))).stdout);
    expect(after).toEqual(await childJson(kpiArgs(cleanDb, config, sample)));
  });
});
