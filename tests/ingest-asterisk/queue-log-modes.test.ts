/**
 * Issue 3: a queue_log gives the same KPIs ingested whole, in random-size chunks (each chunk a
 * separate `kezek ingest` process: visits split across files and restarts are assembled from
 * the checkpointed assembler state), and re-sent (every line a duplicate, no KPI change).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runChild, runCli } from '../kpi/harness.ts';
import { Workspace } from '../kpi/harness.ts';
import { childJson, CONFIG, kpiArgs, randomChunks } from './helpers.ts';
import { queueLogSample } from './queue-log-sample.ts';

const ws = new Workspace('ql-modes');
const config = ws.config(CONFIG);
const sample = queueLogSample({ calls: 1500, seed: 11 });
const whole = ws.file(sample.lines.join('\n') + '\n', 'queue_log');
let wholeKpi: unknown;
let wholeSummary: Record<string, unknown>;

async function cli(args: string[]) {
  const r = await runCli(args);
  if (r.code !== 0) throw new Error(`kezek ${args[0]} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** `kezek ingest FILE --format asterisk-queue-log --json` into this file's database. */
const ingest = (file: string) =>
  cli(['ingest', file, '--format', 'asterisk-queue-log', '--db', ws.db, '--config', config, '--json']);

beforeAll(async () => {
  wholeSummary = await ingest(whole);
  wholeKpi = await cli(kpiArgs(ws.db, config, sample));
});

describe('queue_log ingested whole', () => {
  it('stores every distinct line once and counts the duplicated ones', () => {
    expect(wholeSummary).toEqual({
      read: sample.lines.length,
      accepted: sample.distinctLines,
      duplicates: sample.lines.length - sample.distinctLines,
      rejected: 0,
      rejects: [],
    });
  });

  it('gives visits of every queue, with language and site from the config', () => {
    const rows = (wholeKpi as { rows: { group: Record<string, string>; offered: number }[] }).rows;
    const offered = rows.reduce((sum, r) => sum + r.offered, 0);
    expect(offered).toBe(1500); // every generated call ends (none is left pending)
    const places = new Set(rows.map((r) => `${r.group.queue}/${r.group.language}/${r.group.site}`));
    expect(places).toEqual(new Set(['1414-ru/ru/Almaty', '1414-kk/kk/Astana', 'support/ru/Astana']));
  });

  it('re-sent, counts every line as a duplicate and changes no KPI', async () => {
    const again = await ingest(whole);
    expect(again).toMatchObject({
      read: sample.lines.length,
      accepted: 0,
      duplicates: sample.lines.length,
      rejected: 0,
    });
    expect(await cli(kpiArgs(ws.db, config, sample))).toEqual(wholeKpi);
  });

  it('re-sent as a few lines from the first and last day, knows each as a duplicate', async () => {
    // A batch spanning the whole sample holds far more stored lines than its own 6 (> 4×): the
    // lookup reads only the stored lines at the batch's instants (ingest-raw-rows.ts).
    const picked = [...sample.lines.slice(0, 3), ...sample.lines.slice(-3)];
    const again = await ingest(ws.file(picked.join('\n') + '\n', 'queue_log.first-and-last'));
    expect(again).toMatchObject({ read: 6, accepted: 0, duplicates: 6, rejected: 0 });
  });
});

describe('queue_log ingested in random-size chunks, one process each', () => {
  it('gives the same KPIs as the whole file', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kezek-ql-chunks-')), 'data');
    const chunks = randomChunks(sample.lines, 5, 17);
    let accepted = 0;
    for (const [i, chunk] of chunks.entries()) {
      const file = ws.file(chunk.join('\n') + '\n', `chunk-${i}.log`);
      const s = await childJson<{ accepted: number; rejected: number }>([
        'ingest',
        file,
        '--format',
        'asterisk-queue-log',
        '--db',
        db,
        '--config',
        config,
        '--json',
      ]);
      expect(s.rejected).toBe(0);
      accepted += s.accepted;
    }
    expect(accepted).toBe(sample.distinctLines);
    expect(await childJson(kpiArgs(db, config, sample))).toEqual(wholeKpi);
  });
});

/** The first CONNECT line from line `i` on: a rotation there splits a call (its ENTERQUEUE, with the caller, is in the older file). */
const connectAfter = (i: number) => sample.lines.findIndex((line, j) => j >= i && line.includes('|CONNECT|'));
/** The sample rotated in the middle of calls after a third and two thirds of its lines: the oldest piece first. */
function thirds(): string[] {
  const cuts = [0, connectAfter(sample.lines.length / 3), connectAfter((2 * sample.lines.length) / 3)];
  return [0, 1, 2].map((i) => sample.lines.slice(cuts[i], cuts[i + 1]).join('\n') + '\n');
}
/** `files` ingested in one run store what the whole file does, and give its KPIs. */
async function expectWholeFile(ws: Workspace, files: string[]): Promise<void> {
  const args = ['ingest', ...files, '--format', 'asterisk-queue-log', '--db', ws.db, '--config', config];
  expect(await childJson([...args, '--json'])).toEqual(wholeSummary);
  expect(await childJson(kpiArgs(ws.db, config, sample))).toEqual(wholeKpi);
}

describe('rotated queue_log files named newest first in one run (as a shell glob lists them)', () => {
  it('reads them oldest first: the same KPIs as the whole file', async () => {
    const rotatedWs = new Workspace('ql-rotated');
    const [oldest, older, newest] = thirds();
    const named = { queue_log: newest, 'queue_log.1': older, 'queue_log.2': oldest };
    await expectWholeFile(
      rotatedWs,
      Object.entries(named).map(([name, text]) => rotatedWs.file(text, name)),
    );
  });
});

describe('rotated queue_log files compressed by logrotate (queue_log.2.gz)', () => {
  it('are read as the lines inside them: the same KPIs as the whole file', async () => {
    const gzWs = new Workspace('ql-gzip');
    const [oldest, older, newest] = thirds();
    // delaycompress: the newest rotated file stays plain, the older one is compressed.
    const compressed = join(gzWs.dir, 'queue_log.2.gz');
    writeFileSync(compressed, gzipSync(oldest));
    await expectWholeFile(gzWs, [gzWs.file(newest, 'queue_log'), gzWs.file(older, 'queue_log.1'), compressed]);
  });
});

describe('rotated queue_log files ingested newest first by separate runs', () => {
  it('warns of new lines that came late, naming the file, and not of lines sent again', async () => {
    const lateWs = new Workspace('ql-late');
    // Three pieces cut at CONNECT lines: A (oldest), B, C (newest).
    const [a, b] = [connectAfter(sample.lines.length / 3), connectAfter((2 * sample.lines.length) / 3)];
    const piece = (from: number, to?: number) => sample.lines.slice(from, to).join('\n') + '\n';
    const newer = lateWs.file(piece(b), 'queue_log');
    const older = lateWs.file(piece(a, b), 'queue_log.1');
    // A file holding lines older than those stored and newer ones (A and C around a stored B).
    const mixed = lateWs.file(piece(0, a) + piece(b), 'queue_log.mixed');
    const run = async (file: string) => {
      const r = await runChild([
        'ingest',
        file,
        '--format',
        'asterisk-queue-log',
        '--db',
        lateWs.db,
        '--config',
        config,
      ]);
      expect(r.code, r.stderr).toBe(0);
      return r.stderr;
    };
    expect(await run(newer)).toBe('');
    const warned = await run(older);
    expect(warned.trim().split('\n')).toHaveLength(1);
    expect(warned).toMatch(
      /^kezek ingest: warning: .*queue_log\.1: [\d,]+ new lines from over an hour before .*oldest first/,
    );
    expect(await run(older)).toBe(''); // only duplicates now
    // A's lines are new and late; C's were stored with `newer`.
    expect(await run(mixed)).toMatch(
      /^kezek ingest: warning: .*queue_log\.mixed: [\d,]+ new lines from over an hour before/,
    );
    expect(await run(mixed)).toBe('');
  });
});

describe('queue_log read from a named pipe (kezek ingest <(zcat queue_log.gz))', () => {
  it('stores what the whole file stored', async () => {
    const pipeWs = new Workspace('ql-fifo');
    const fifo = join(pipeWs.dir, 'queue_log.fifo');
    execFileSync('mkfifo', [fifo]);
    const writing = new Promise<void>((resolve, reject) =>
      createWriteStream(fifo)
        .on('error', reject)
        .end(sample.lines.join('\n') + '\n', resolve),
    );
    const args = ['ingest', fifo, '--format', 'asterisk-queue-log', '--db', pipeWs.db, '--config', config, '--json'];
    const [summary] = await Promise.all([childJson(args), writing]);
    expect(summary).toEqual(wholeSummary);
    expect(await childJson(kpiArgs(pipeWs.db, config, sample))).toEqual(wholeKpi);
  });
});
