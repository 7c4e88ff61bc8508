/**
 * Issue 3, DESIGN §4 ("re-sending the same input never double counts"): the server's one
 * batching writer when storing fails. Two PBXes send their queue_logs in time-aligned pieces
 * through one IngestBatcher (in this process, on a client whose statements can be made to fail);
 * stores fail in the middle — while later batches wait behind the failing one, once followed by
 * a server restart, once at the checkpoint, once under a request still sending — and once the
 * refresh of a native NDJSON request's facts fails (its rows are stored: it hears 200, and the
 * next refresh mends the facts). Every sender whose rows were not all stored gets a 5xx with a
 * one-line message; resending exactly those requests ends with the lines, visits, agent events
 * and KPIs of a clean single ingest of the same input.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, Workspace } from '../kpi/harness.ts';
import { childJson, CONFIG, kpiArgs, waitFor } from '../ingest-asterisk/helpers.ts';
import { queueLogSample, type QueueLogSample } from '../ingest-asterisk/queue-log-sample.ts';
import { storedFingerprint, type Fingerprint } from '../ingest-asterisk/stored-fingerprint.ts';
import type { ClickHouseClient } from '../../src/server/clickhouse/client.ts';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { migrate } from '../../src/server/clickhouse/migrate.ts';
import { databaseTarget, loadConfig } from '../../src/server/config.ts';
import type { ServerContext } from '../../src/server/context.ts';
import { IngestBatcher } from '../../src/server/ingest-batcher.ts';
import { ingestBody, type HttpIngestKind } from '../../src/server/ingest-request.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';

const ws = new Workspace('http-ingest-failure');
const config = ws.config(CONFIG);
const PIECES = 6;

/** A second PBX's log: the same kind of traffic with its own call ids and agents. */
function secondPbx(sample: QueueLogSample): string[] {
  return sample.lines.map((line) => {
    const f = line.split('|');
    if (f[1] !== 'NONE' && f[1] !== 'MANAGER') f[1] = `b${f[1]}`;
    f[3] = f[3].replace(/^PJSIP\/1/, 'PJSIP/2');
    return f.join('|');
  });
}

const a = queueLogSample({ calls: 400, seed: 31 });
const bLines = secondPbx(queueLogSample({ calls: 400, seed: 32 }));
const timeOf = (line: string) => Number(line.split('|')[0]);
// Pieces cut at the same instants in both logs, so that sending A1, B1, A2, B2… keeps them in step.
const cuts = Array.from({ length: PIECES - 1 }, (_, i) =>
  timeOf(a.lines[Math.floor(((i + 1) * a.lines.length) / PIECES)]),
);
const piecesOf = (lines: string[]) =>
  Array.from({ length: PIECES }, (_, i) =>
    lines.filter((l) => (i === 0 || timeOf(l) >= cuts[i - 1]) && (i === PIECES - 1 || timeOf(l) < cuts[i])),
  ).map((piece) => piece.join('\n') + '\n');
const A = piecesOf(a.lines);
const B = piecesOf(bLines);
const ndjsonCalls = (prefix: string, day: string) =>
  Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({
      call_id: `${prefix}-${i}`,
      queue: 'web-chat',
      caller: `+7702000${String(i % 7).padStart(4, '0')}`,
      entered_at: `${day}T06:${String(i).padStart(2, '0')}:00Z`,
      answered_at: `${day}T06:${String(i).padStart(2, '0')}:20Z`,
      ended_at: `${day}T06:${String(i).padStart(2, '0')}:50Z`,
    }),
  ).join('\n') + '\n';
const N1 = ndjsonCalls('n1', '2026-10-05');
const N2 = ndjsonCalls('n2', '2026-10-06');

/** Fails the next statement that `match`es, once `release` resolves; `reached` says it came. */
interface Fault {
  match: RegExp;
  reached: () => void;
  release: Promise<void>;
}
let fault: Fault | null = null;
const INJECTED = 'injected: the database refused this statement';

function injectFailure(match: RegExp): { reached: Promise<void>; release: () => void } {
  let reached!: () => void;
  let release!: () => void;
  const came = new Promise<void>((resolve) => (reached = resolve));
  fault = { match, reached, release: new Promise<void>((resolve) => (release = resolve)) };
  return { reached: came, release };
}

async function trip(statement: string): Promise<void> {
  const f = fault;
  if (f === null || !f.match.test(statement)) return;
  fault = null;
  f.reached();
  await f.release;
  throw new Error(INJECTED);
}

/** The client, with every command and insert passing `trip` first (same object: still the embedded engine). */
function faulty(client: ClickHouseClient): ClickHouseClient {
  const command = client.command.bind(client);
  const insert = client.insert.bind(client);
  client.command = (async (params: Parameters<ClickHouseClient['command']>[0]) => {
    await trip(params.query);
    return command(params);
  }) as ClickHouseClient['command'];
  client.insert = (async (params: Parameters<ClickHouseClient['insert']>[0]) => {
    await trip(`INSERT INTO ${params.table}`);
    return insert(params);
  }) as ClickHouseClient['insert'];
  return client;
}

interface Answer {
  status: number;
  body: { error?: string; read?: number; accepted?: number; duplicates?: number; rejected?: number };
}

/** One request, as POST /api/ingest/KIND hands its body to the batcher. */
async function send(batcher: IngestBatcher, kind: HttpIngestKind, text: string): Promise<Answer> {
  const response = await ingestBody(batcher, kind, 'kezek-ndjson', new Response(text).body!, `http:${kind}`);
  return { status: response.status, body: await response.json() };
}

function expectResend(answer: Answer): void {
  expect(answer.status).toBeGreaterThanOrEqual(500);
  expect(answer.body.error).toContain(INJECTED);
  expect(answer.body.error).toMatch(/send (it|the request) again/);
  expect(answer.body.error).not.toContain('\n');
}

function expectStored(answer: Answer): void {
  expect(answer.status, answer.body.error).toBe(200);
  expect(answer.body.rejected).toBe(0);
}

let ctx: ServerContext;
let salt: string;
let clean: Fingerprint;
const cleanDb = join(ws.dir, 'clean');

beforeAll(async () => {
  const target = databaseTarget({ db: ws.db });
  const client = faulty(await openClient(target));
  await migrate(client);
  ctx = { client, config: loadConfig(config), target };
  salt = await callerSalt(client);
  // The clean run: every line at once (the two logs merged in time order) and the NDJSON calls.
  const merged = [...a.lines, ...bLines].sort((x, y) => timeOf(x) - timeOf(y));
  const whole = ws.file(merged.join('\n') + '\n', 'whole.log');
  const calls = ws.file(N1 + N2, 'calls.ndjson');
  const cli = (file: string, format: string) => [
    'ingest',
    file,
    '--format',
    format,
    '--db',
    cleanDb,
    '--config',
    config,
  ];
  await childJson([...cli(whole, 'asterisk-queue-log'), '--json']);
  await childJson([...cli(calls, 'kezek-ndjson'), '--json']);
  const script = join(REPO_ROOT, 'tests/ingest-asterisk/stored-fingerprint.ts');
  clean = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, cleanDb], { encoding: 'utf8' }));
}, 120_000);

describe('a store that fails in the middle of HTTP ingest', () => {
  it('fails every sender whose rows were not all stored; their resends end as a clean run', async () => {
    let batcher = await new IngestBatcher(ctx, salt).open();
    expectStored(await send(batcher, 'queue-log', A[0]));
    expectStored(await send(batcher, 'queue-log', B[0]));

    // 1. A2's visits fail to store while B2 (queue_log) and N1 (NDJSON calls) are sealed behind it.
    let failure = injectFailure(/^INSERT INTO call \(/);
    const a2 = send(batcher, 'queue-log', A[1]);
    await failure.reached;
    const b2 = send(batcher, 'queue-log', B[1]);
    await waitFor(() => batcher.pendingBatches === 2, 10_000, 'B2 sealed');
    const n1 = send(batcher, 'calls', N1);
    await waitFor(() => batcher.pendingBatches === 3, 10_000, 'N1 sealed');
    failure.release();
    expectResend(await a2);
    expectResend(await b2); // its batch came after the failed one: the assembler state it carries is gone
    expect(await n1).toMatchObject({ status: 200, body: { read: 30, accepted: 30 } }); // stateless: stored
    expectStored(await send(batcher, 'queue-log', A[1]));
    expectStored(await send(batcher, 'queue-log', B[1]));
    expectStored(await send(batcher, 'queue-log', A[2]));
    expectStored(await send(batcher, 'queue-log', B[2]));

    // 2. The same with B4 behind A4, then the server restarts before they are sent again.
    failure = injectFailure(/^INSERT INTO call \(/);
    const a4 = send(batcher, 'queue-log', A[3]);
    await failure.reached;
    const b4 = send(batcher, 'queue-log', B[3]);
    await waitFor(() => batcher.pendingBatches === 2, 10_000, 'B4 sealed');
    failure.release();
    expectResend(await a4);
    expectResend(await b4);
    batcher = await new IngestBatcher(ctx, salt).open(); // restored from the stored checkpoint
    expectStored(await send(batcher, 'queue-log', A[3]));
    expectStored(await send(batcher, 'queue-log', B[3]));

    // 3. Lines and visits stored, the checkpoint not.
    failure = injectFailure(/^INSERT INTO ingest_checkpoint$/);
    failure.release();
    expectResend(await send(batcher, 'queue-log', A[4]));
    expectStored(await send(batcher, 'queue-log', A[4]));
    expectStored(await send(batcher, 'queue-log', B[4]));

    // 4. NDJSON calls stored, the refresh of their contact facts fails: the sender hears 200 (its
    // rows are stored) and the facts wait for the next refresh (after the next batch, below; the
    // KPIs of the clean run, checked at the end, need them).
    failure = injectFailure(/^INSERT INTO contact_fact/m);
    failure.release();
    expect(await send(batcher, 'calls', N2)).toMatchObject({ status: 200, body: { accepted: 30, duplicates: 0 } });
    expect(fault).toBeNull();

    // 5. A slow request: its first rows, stored by the linger timer, fail while it still sends.
    const [first, rest] = [A[5].split('\n').slice(0, 100), A[5].split('\n').slice(100)];
    let more!: ReadableStreamDefaultController<Uint8Array>;
    const slow = new ReadableStream<Uint8Array>({ start: (c) => void (more = c) });
    failure = injectFailure(/^INSERT INTO queue_log_event /);
    more.enqueue(new TextEncoder().encode(first.join('\n') + '\n'));
    const a6 = ingestBody(batcher, 'queue-log', 'kezek-ndjson', slow, 'http:queue-log');
    await failure.reached; // after MAX_LINGER_MS
    failure.release();
    await waitFor(() => batcher.pendingBatches === 0, 10_000, 'the failed batch settled');
    more.enqueue(new TextEncoder().encode(rest.join('\n')));
    more.close();
    expectResend({ status: (await a6).status, body: await (await a6).json() });
    expectStored(await send(batcher, 'queue-log', A[5]));
    expectStored(await send(batcher, 'queue-log', B[5]));
    expect(fault).toBeNull();

    expect(clean.calls).toBe(800 + 60);
    expect(await storedFingerprint(ws.db)).toEqual(clean);
  });

  it('gives the KPIs of the clean run', async () => {
    const range = { from: a.from, to: a.to };
    const viaHttp = JSON.parse((await runCli(kpiArgs(ws.db, config, range))).stdout);
    expect(viaHttp.rows.length).toBeGreaterThan(10);
    expect(viaHttp).toEqual(await childJson(kpiArgs(cleanDb, config, range)));
  });
});
