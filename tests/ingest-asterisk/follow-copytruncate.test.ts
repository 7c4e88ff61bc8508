/**
 * `kezek ingest --follow` through logrotate's copytruncate: the file is copied to queue_log.1 and
 * truncated in place, and Asterisk goes on writing into it. QA: when the file grew past the
 * follower's offset again before the follower looked (or while it was down), the follower read on
 * from that offset in the middle of the new content — the lines before it, and the old file's
 * lines it had not read, were lost. Now the bytes before the offset are fingerprinted: the rest
 * of the copy is read, then the file from its start; the KPIs equal those of the whole log.
 */
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';
import { childJson, CONFIG, hasMonthlyPart, kpiArgs, sleep, spawnKezek, waitFor } from './helpers.ts';
import { queueLogSample } from './queue-log-sample.ts';

const ws = new Workspace('ql-copytruncate');
const config = ws.config(CONFIG);
const sample = queueLogSample({ calls: 600, seed: 11 });
const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');
// 30 % read before the rotation, 20 % written before the copy and never read from the live file,
// 50 % written into the truncated file (more bytes than the 30 %: past the follower's offset).
const [a, b] = [Math.floor(sample.lines.length * 0.3), Math.floor(sample.lines.length * 0.5)];
const [part1, part2, part3] = [sample.lines.slice(0, a), sample.lines.slice(a, b), sample.lines.slice(b)];
let wholeKpi: unknown;

beforeAll(async () => {
  const whole = ws.file(text(sample.lines), 'whole.log');
  expect(
    (await runCli(['ingest', whole, '--format', 'asterisk-queue-log', '--db', ws.db, '--config', config])).code,
  ).toBe(0);
  wholeKpi = JSON.parse((await runCli(kpiArgs(ws.db, config, sample))).stdout);
});

function follower(db: string, path: string) {
  const args = ['ingest', path, '--follow', '--format', 'asterisk-queue-log', '--db', db, '--config', config, '--json'];
  return spawnKezek(args);
}

/** logrotate's copytruncate of `path`, then Asterisk writing `lines` into the emptied file. */
function copyTruncate(path: string, lines: string[]): void {
  copyFileSync(path, `${path}.1`);
  writeFileSync(path, text(lines)); // truncate and write again, at once
}

/**
 * A directory of its own holding queue_log with part 1, a follower of it that has stored those
 * lines, and what the test then writes: part 2, then copytruncate with part 3 in the emptied file.
 */
async function followThenRotate(name: string, beforeRotation: (f: ReturnType<typeof follower>) => Promise<void>) {
  const db = join(ws.dir, `${name}-db`);
  const path = join(ws.dir, name, 'queue_log');
  mkdirSync(join(ws.dir, name));
  writeFileSync(path, text(part1));
  const f = follower(db, path);
  await waitFor(() => hasMonthlyPart(db, 'queue_log_event'), 30_000, 'the first lines stored');
  await beforeRotation(f);
  appendFileSync(path, text(part2));
  copyTruncate(path, part3);
  return { db, path, first: f };
}

/** Stops a follower with SIGTERM: it exits 0; its summary. */
async function stop(f: ReturnType<typeof follower>): Promise<{ read: number; accepted: number }> {
  f.child.kill('SIGTERM');
  expect(await f.exit).toEqual({ code: 0, signal: null });
  return JSON.parse(f.stdout()) as { read: number; accepted: number };
}

describe('ingest --follow through copytruncate', () => {
  it('while the follower was down: reads the rest of the copy, then the file from its start', async () => {
    let before = { read: 0, accepted: 0 };
    const { db, path } = await followThenRotate('down', async (f) => void (before = await stop(f)));
    const second = follower(db, path);
    await sleep(3000);
    const after = await stop(second);
    // The restart read the copy's rest (part 2) and the whole new file (part 3): every line once
    // (the sample repeats some lines, as Asterisk may: those count once).
    expect(after.read).toBe(part2.length + part3.length);
    expect(before.accepted + after.accepted).toBe(sample.distinctLines);
    expect(await childJson(kpiArgs(db, config, sample))).toEqual(wholeKpi);
  });

  it('while it runs: the same, whether or not it saw the lines written just before the copy', async () => {
    const { db, first } = await followThenRotate('live', async () => {});
    await sleep(3000);
    expect(await stop(first)).toMatchObject({ read: sample.lines.length, accepted: sample.distinctLines });
    expect(await childJson(kpiArgs(db, config, sample))).toEqual(wholeKpi);
  });
});
