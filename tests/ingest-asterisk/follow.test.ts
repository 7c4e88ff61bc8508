/**
 * `kezek ingest --follow`: a queue_log that appears after the follower starts, grows in pieces
 * (a line written in two halves waits for its newline), is rotated by rename in the middle (lines
 * still appended to the old file are read), gives the KPIs of the whole file; SIGTERM stores and
 * exits 0, also while it opens the database; after `kill -9` a restart continues from the
 * checkpoint with nothing lost or doubled.
 */
import { appendFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';
import { childJson, CONFIG, hasMonthlyPart, kpiArgs, sleep, spawnKezek, waitFor } from './helpers.ts';
import { queueLogSample } from './queue-log-sample.ts';

const ws = new Workspace('ql-follow');
const config = ws.config(CONFIG);
const sample = queueLogSample({ calls: 1200, seed: 5 });
const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
let wholeKpi: unknown;

beforeAll(async () => {
  const whole = ws.file(text(sample.lines), 'whole.log');
  const r = await runCli([
    'ingest',
    whole,
    '--format',
    'asterisk-queue-log',
    '--db',
    ws.db,
    '--config',
    config,
    '--json',
  ]);
  expect(r.code).toBe(0);
  wholeKpi = JSON.parse((await runCli(kpiArgs(ws.db, config, sample))).stdout);
});

function follower(db: string, path: string) {
  return spawnKezek([
    'ingest',
    path,
    '--follow',
    '--format',
    'asterisk-queue-log',
    '--db',
    db,
    '--config',
    config,
    '--json',
  ]);
}

describe('ingest --follow', () => {
  it('follows a file that appears later, grows and is rotated; SIGTERM stores and exits 0', async () => {
    const db = join(ws.dir, 'follow-db');
    const path = join(ws.dir, 'queue_log');
    const f = follower(db, path);
    await sleep(1500); // the file does not exist yet
    const { lines } = sample;
    const a = Math.floor(lines.length * 0.3);
    const b = Math.floor(lines.length * 0.6);
    const c = Math.floor(lines.length * 0.7);
    writeFileSync(path, text(lines.slice(0, a)));
    // Read and stored: the follower is up (on a loaded machine it may take longer than the wait above).
    await waitFor(() => hasMonthlyPart(db, 'queue_log_event'), 30_000, 'the first lines stored');
    appendFileSync(path, text(lines.slice(a, b)) + lines[b].slice(0, 10)); // half a line
    await sleep(400);
    appendFileSync(path, `${lines[b].slice(10)}\n`);
    renameSync(path, `${path}.1`); // logrotate: rename, the writer keeps its file open a moment
    appendFileSync(`${path}.1`, text(lines.slice(b + 1, c)));
    await sleep(300);
    writeFileSync(path, text(lines.slice(c)));
    await sleep(1500);
    f.child.kill('SIGTERM');
    expect(await f.exit).toEqual({ code: 0, signal: null });
    expect(JSON.parse(f.stdout())).toMatchObject({ read: lines.length, accepted: sample.distinctLines, rejected: 0 });
    expect(await childJson(kpiArgs(db, config, sample))).toEqual(wholeKpi);
  });

  it('stopped while its database opens, still reads the file once, stores it and exits 0', async () => {
    const db = join(ws.dir, 'early-stop-db');
    const path = join(ws.dir, 'queue_log_early');
    writeFileSync(path, text(sample.lines));
    const f = follower(db, path);
    // The engine has created the directory: the database is opening (schema, checkpoint) and the
    // file is not read yet. A service manager may stop the follower at this moment.
    await waitFor(() => existsSync(db), 30_000, 'the database directory');
    f.child.kill('SIGTERM');
    expect(await f.exit).toEqual({ code: 0, signal: null });
    expect(JSON.parse(f.stdout())).toMatchObject({ read: sample.lines.length, accepted: sample.distinctLines });
    expect(await childJson(kpiArgs(db, config, sample))).toEqual(wholeKpi);
  });

  it('after kill -9, a restart continues from the checkpoint: nothing lost, nothing doubled', async () => {
    const db = join(ws.dir, 'kill-db');
    const path = join(ws.dir, 'queue_log_2');
    const half = Math.floor(sample.lines.length / 2);
    writeFileSync(path, text(sample.lines.slice(0, half)));
    const first = follower(db, path);
    await waitFor(() => hasMonthlyPart(db, 'queue_log_event'), 30_000, 'the first lines stored');
    await sleep(1500); // a commit (≤ 1 s) has checkpointed the position
    first.child.kill('SIGKILL');
    expect((await first.exit).signal).toBe('SIGKILL');
    appendFileSync(path, text(sample.lines.slice(half)));
    const second = follower(db, path);
    await sleep(4000);
    second.child.kill('SIGTERM');
    expect(await second.exit).toEqual({ code: 0, signal: null });
    // The restart read only what the checkpoint had not covered.
    expect(JSON.parse(second.stdout()).read).toBeLessThanOrEqual(sample.lines.length - half);
    expect(await childJson(kpiArgs(db, config, sample))).toEqual(wholeKpi);
  });
});
