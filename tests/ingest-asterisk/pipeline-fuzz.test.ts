/**
 * The whole ingest path under fuzzed input (DESIGN §4): for each format, files mixing well-formed
 * lines with mutated ones (truncated, fields dropped or repeated, random bytes, NUL, CR, invalid
 * UTF-8, impossible times, stray quotes, a line over 1 MiB once) are written to disk and read by
 * `ingestFiles` into a real embedded database. Whatever the input: nothing throws, every line
 * read is accepted, a duplicate or rejected; every reject is reported and stored with its line
 * and a one-line reason, no caller number in clear in either; the rows accepted are stored once;
 * ingesting the same file again accepts nothing. Seeded: the same files every run. A longer hunt:
 * `FUZZ_RUNS=200 FUZZ_SEED=7 FUZZ_TIMEOUT_MS=900000 npx vitest run <this file>`.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asteriskOptions, type AsteriskOptions } from '../../ingest/asterisk/options.ts';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import type { IngestSummary } from '../../ingest/event-writer.ts';
import { ingestFiles, type IngestFormat } from '../../ingest/ingest-files.ts';
import { openContext } from '../../src/cli/context.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';
import { Workspace } from '../kpi/harness.ts';
import { CONFIG } from './helpers.ts';
import { queueLogSample } from './queue-log-sample.ts';
import { Random } from '../../src/domain/demo/prng.ts';

const ws = new Workspace('pipeline-fuzz');
const RUNS_PER_FORMAT = Number(process.env.FUZZ_RUNS ?? 12);
const START_MS = Date.UTC(2026, 0, 1); // base data lies in the past: 2026-01-01 + up to 300 days

let client: ClickHouseClient;
let opts: AsteriskOptions;

beforeAll(async () => {
  const ctx = await openContext({ db: ws.db, config: ws.config(CONFIG) });
  client = ctx.client;
  opts = asteriskOptions(ctx.config, createCallerHasher(await callerSalt(client)));
});

/** A seeded stream of uniform numbers in [0, 1) (mulberry32, src/domain/demo/prng.ts). */
function random(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const wall = (s: number) => iso(s).slice(0, 19).replace('T', ' ');

/** Well-formed lines of a format: `calls` calls from `startS` on. */
function wellFormed(format: IngestFormat, seed: number, calls: number, startS: number): string[] {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const caller = () => (rnd() < 0.1 ? 'anonymous' : `+7701${String(int(0, 9_999_999)).padStart(7, '0')}`);
  if (format === 'asterisk-queue-log') {
    return queueLogSample({ calls, seed, startIso: iso(startS), days: 1 }).lines;
  }
  const lines: string[] = [];
  if (format === 'kezek-csv') lines.push('call_id,queue,caller,entered_at,answered_at,ended_at,agent_id,talk_s,topic');
  for (let i = 0; i < calls; i++) {
    const t = startS + i * 90 + int(0, 60);
    const wait = int(0, 40);
    const talk = int(10, 400);
    const answered = rnd() < 0.8;
    const from = caller();
    if (format === 'asterisk-cdr-csv') {
      const fields: (string | number)[] = [
        '',
        from,
        '1414',
        'from-trunk',
        `"Caller" <${from}>`,
        `PJSIP/trunk-${seed}-${i}`,
        answered ? `PJSIP/1001-${i}` : '',
        'Queue',
        '1414-ru,t,,,300',
        wall(t),
        answered ? wall(t + wait) : '',
        wall(t + wait + talk),
        wait + talk,
        answered ? talk : 0,
        answered ? 'ANSWERED' : 'NO ANSWER',
        'DOCUMENTATION',
      ];
      const uid = `${t}.${i}`;
      const extra = [[], [uid], [uid, ''], [uid, '', '', uid, i]][int(0, 3)];
      const all = [...fields, ...extra];
      const quoted = rnd() < 0.5;
      lines.push(
        all.map((v) => (quoted || /[",]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : v)).join(','),
      );
      continue;
    }
    const call = {
      call_id: `fz${seed}-${i}`,
      queue: ['1414-ru', '1414-kk', 'support'][int(0, 2)],
      caller: from,
      entered_at: iso(t),
      answered_at: answered ? iso(t + wait) : '',
      ended_at: iso(t + wait + talk),
      agent_id: answered ? `ag${int(1, 9)}` : '',
      talk_s: answered ? talk : 0,
      topic: rnd() < 0.2 ? 'billing, "tariffs"' : 'plain',
    };
    if (format === 'kezek-ndjson') lines.push(JSON.stringify(call));
    else
      lines.push(
        Object.values(call)
          .map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : v))
          .join(','),
      );
  }
  return lines;
}

const TEXT_OPS = [
  'truncate',
  'drop-field',
  'repeat-field',
  'repeat-line',
  'swap',
  'time',
  'quote',
  'blank',
  'realtime',
] as const;
const BYTE_OPS = ['bytes', 'nul', 'cr', 'invalid-utf8'] as const;
const IMPOSSIBLE = [
  '0',
  '-1',
  '4102444800',
  '99999999999',
  '1e9',
  'NaN',
  '2026-02-30 10:00:00',
  '9999-12-31T23:59:59Z',
  '',
];

interface Mutation {
  at: number;
  op: (typeof TEXT_OPS)[number] | (typeof BYTE_OPS)[number];
  n: number;
  bytes: Uint8Array;
}

function separatorOf(format: IngestFormat, line: string): string {
  if (format === 'asterisk-queue-log') return line.includes('|') ? '|' : ',';
  return ',';
}

/** A text mutation of line `i` (in place; may add a line). */
function mutateText(format: IngestFormat, lines: string[], m: Mutation): void {
  if (lines.length === 0) return;
  const i = m.at % lines.length;
  const line = lines[i];
  const sep = separatorOf(format, line);
  const fields = format === 'kezek-ndjson' ? null : line.split(sep);
  switch (m.op) {
    case 'truncate':
      lines[i] = line.slice(0, m.n % (line.length + 1));
      return;
    case 'drop-field':
    case 'repeat-field':
      if (fields) {
        const k = m.n % fields.length;
        if (m.op === 'drop-field') fields.splice(k, 1);
        else fields.splice(k, 0, fields[k]);
        lines[i] = fields.join(sep);
      } else {
        const json = tryJson(line);
        if (!json) return;
        const keys = Object.keys(json);
        const key = keys[m.n % Math.max(1, keys.length)];
        if (m.op === 'drop-field') delete json[key];
        lines[i] =
          m.op === 'drop-field'
            ? JSON.stringify(json)
            : line.replace(/}$/, `,"${key}":${JSON.stringify(json[key] ?? null)}}`);
      }
      return;
    case 'repeat-line':
      lines.splice(i, 0, line);
      return;
    case 'swap':
      if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], line];
      return;
    case 'time': {
      const value = IMPOSSIBLE[m.n % IMPOSSIBLE.length];
      if (format === 'kezek-ndjson') {
        const json = tryJson(line);
        if (json) lines[i] = JSON.stringify({ ...json, [m.n % 2 ? 'ended_at' : 'entered_at']: value });
      } else if (fields) {
        // queue_log: the epoch; CDR: start or end; kezek CSV: entered_at or ended_at.
        const k =
          format === 'asterisk-queue-log' ? 0 : format === 'asterisk-cdr-csv' ? 9 + (m.n % 3) : 3 + 2 * (m.n % 2);
        if (k < fields.length) fields[k] = value;
        lines[i] = fields.join(sep);
      }
      return;
    }
    case 'quote':
      lines[i] = line.slice(0, m.n % (line.length + 1)) + '"' + line.slice(m.n % (line.length + 1));
      return;
    case 'blank':
      lines[i] = ' \t'.slice(0, m.n % 3);
      return;
    case 'realtime':
      if (format === 'asterisk-queue-log') {
        const [t, ...rest] = line.split('|');
        const s = Number(t);
        lines[i] = [Number.isFinite(s) && m.n % 2 ? wall(s) : t, ...rest].join(',');
      }
      return;
  }
}

function tryJson(line: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(line);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** A byte mutation of one line. */
function mutateBytes(lines: Buffer[], m: Mutation): void {
  if (lines.length === 0) return;
  const i = m.at % lines.length;
  const line = lines[i];
  const at = m.n % (line.length + 1);
  const insert =
    m.op === 'nul'
      ? Buffer.from([0])
      : m.op === 'cr'
        ? Buffer.from('\r')
        : m.op === 'invalid-utf8'
          ? Buffer.from([[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80]][m.n % 4])
          : Buffer.from(m.bytes);
  lines[i] = Buffer.concat([line.subarray(0, at), insert, line.subarray(at)]);
}

const input = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  calls: fc.integer({ min: 1, max: 25 }),
  day: fc.integer({ min: 0, max: 300 }),
  mutations: fc.array(
    fc.record({
      at: fc.nat(),
      op: fc.constantFrom(...TEXT_OPS, ...BYTE_OPS),
      n: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
    { maxLength: 30 },
  ),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  /** Rows a batch holds before it is stored (the next one is read meanwhile), first and second ingest. */
  batchRows: fc.tuple(fc.constantFrom(20, 64, 50_000), fc.constantFrom(20, 64, 50_000)),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

/** The file of one run: well-formed lines, mutated; with a line over 1 MiB when `huge`. */
function fileBytes(format: IngestFormat, run: Input, huge: boolean): { bytes: Buffer; lines: number } {
  const startS = START_MS / 1000 + run.day * 86_400;
  const text = wellFormed(format, run.seed, run.calls, startS);
  for (const m of run.mutations) if ((TEXT_OPS as readonly string[]).includes(m.op)) mutateText(format, text, m);
  if (huge) {
    const big = format === 'asterisk-queue-log' ? `${startS}|big.1|support|NONE|INFO|` : '';
    text.splice(run.seed % (text.length + 1), 0, big + 'x'.repeat(1_100_000));
  }
  const lines = text.map((l) => Buffer.from(l));
  for (const m of run.mutations) if ((BYTE_OPS as readonly string[]).includes(m.op)) mutateBytes(lines, m);
  const eol = Buffer.from(run.crlf ? '\r\n' : '\n');
  const parts = lines.flatMap((l, i) => (i < lines.length - 1 || run.finalNewline ? [l, eol] : [l]));
  const bytes = Buffer.concat(parts);
  // Physical lines as the reader counts them: random bytes may hold a LF.
  let newlines = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) newlines++;
  return { bytes, lines: newlines + (bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0) };
}

function expectConsistent(summary: IngestSummary, file: string, physicalLines: number): void {
  expect(summary.read).toBe(summary.accepted + summary.duplicates + summary.rejected);
  expect(summary.rejects).toHaveLength(summary.rejected);
  for (const r of summary.rejects) {
    expect(r.file).toBe(file);
    expect(r.line).toBeGreaterThanOrEqual(1);
    expect(r.line).toBeLessThanOrEqual(physicalLines);
    expect(r.reason.trim()).not.toBe('');
    expect(r.reason).not.toMatch(/[\r\n]/);
  }
  expect(new Set(summary.rejects.map((r) => r.line)).size).toBe(summary.rejected);
}

async function storedRejects(file: string): Promise<{ line: number; reason: string; raw: string }[]> {
  const rs = await client.query({
    query: 'SELECT line, reason, raw FROM reject FINAL WHERE source = {file:String} ORDER BY line',
    query_params: { file },
    format: 'JSONEachRow',
  });
  const rows = await rs.json<{ line: string | number; reason: string; raw: string }>();
  return rows.map((r) => ({ ...r, line: Number(r.line) }));
}

/** Rows stored with the file as their source: its accepted lines, each once. */
async function storedRows(format: IngestFormat, file: string): Promise<number> {
  const table =
    format === 'asterisk-queue-log' ? 'queue_log_event' : format === 'asterisk-cdr-csv' ? 'cdr_record' : 'call';
  const rs = await client.query({
    query: `SELECT count() AS n FROM ${table} WHERE source = {file:String}`,
    query_params: { file },
    format: 'JSONEachRow',
  });
  return Number((await rs.json<{ n: string | number }>())[0].n);
}

/** The callers of the well-formed lines (`+7701` and 7 digits). */
const CALLER = /\+7701\d{7}/;

const FORMATS: IngestFormat[] = ['asterisk-queue-log', 'asterisk-cdr-csv', 'kezek-ndjson', 'kezek-csv'];

describe.each(FORMATS)('%s under fuzzed files', (format) => {
  it(
    'accounts for every line, reports and stores every reject, and accepts nothing twice',
    async () => {
      let run = 0;
      const totals = { accepted: 0, duplicates: 0, rejected: 0 };
      await fc.assert(
        fc.asyncProperty(input, async (params) => {
          run++;
          const { bytes, lines } = fileBytes(format, params, run === 1);
          const file = join(ws.dir, `${format}-${run}.txt`);
          writeFileSync(file, bytes);
          const ingest = (batchRows: number) =>
            ingestFiles(client, [file], { ...opts, format, kind: 'calls', batchRows });

          const first = await ingest(params.batchRows[0]);
          expectConsistent(first, file, lines);
          if (run === 1) expect(first.rejects.map((r) => r.reason)).toContain('line longer than 1 MiB');
          const stored = await storedRejects(file);
          const reported = first.rejects
            .map((r) => ({ line: r.line, reason: r.reason }))
            .sort((a, b) => a.line - b.line);
          expect(stored.map(({ line, reason }) => ({ line, reason }))).toEqual(reported);
          // DESIGN §10: no caller number in clear in a stored reject.
          for (const r of stored) expect(`${r.raw}\n${r.reason}`, `line ${r.line}`).not.toMatch(CALLER);
          for (const key of ['accepted', 'duplicates', 'rejected'] as const) totals[key] += first[key];
          expect(await storedRows(format, file)).toBe(first.accepted);

          const again = await ingest(params.batchRows[1]);
          expectConsistent(again, file, lines);
          expect(again).toMatchObject({
            read: first.read,
            accepted: 0,
            duplicates: first.accepted + first.duplicates,
            rejected: first.rejected,
          });
          expect(await storedRows(format, file)).toBe(first.accepted);
        }),
        {
          seed: Number(process.env.FUZZ_SEED ?? 4242) + FORMATS.indexOf(format),
          numRuns: RUNS_PER_FORMAT,
          endOnFailure: true,
        },
      );
      // The runs reach deep: rows are stored, repeated and rejected.
      expect(Object.values(totals).every((n) => n > 0)).toBe(true);
    },
    Number(process.env.FUZZ_TIMEOUT_MS ?? 60_000),
  );
});
