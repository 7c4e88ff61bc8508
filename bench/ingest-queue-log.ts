/**
 * Issue 3's benchmark (figures printed, nothing asserted):
 * - queue_log parse + assemble alone, and parse + ingest into the embedded database, for
 *   ~1M lines (`BENCH_QUEUE_LOG_CALLS`, default 250,000 calls ≈ 1M lines); goal ≥ 300,000 lines/s;
 * - HTTP ingest of NDJSON calls by 4 concurrent senders into a running `kezek serve`
 *   (`BENCH_HTTP_ROWS`, default 1,000,000), nothing else running; goal ≥ 100,000 rows/s;
 * - a dashboard query's latency (GET /api/kpi for a day by hour, median of 5) idle and while 4
 *   senders run flat out again (`BENCH_HTTP_READ_ROWS`, default 400,000; their rate is printed
 *   too); goal: at most 2× the idle latency.
 * Needs the built dashboards for the HTTP part (npm run build).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openContext } from '../src/cli/context.ts';
import { callerSalt } from '../src/server/queries/installation.ts';
import { asteriskOptions } from '../ingest/asterisk/options.ts';
import { createCallerHasher } from '../ingest/caller-hash.ts';
import { QueueLogAssembler } from '../ingest/formats/asterisk-queue-log/assembler.ts';
import { parseQueueLogLine } from '../ingest/formats/asterisk-queue-log/parse-line.ts';
import { ingestFiles } from '../ingest/ingest-files.ts';
import { sendFile } from '../ingest/send-to-server.ts';
import { queueLogSample } from '../tests/ingest-asterisk/queue-log-sample.ts';
import { KEZEK, kezek, median, report, tempDir } from './_util.ts';

const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;
const dir = tempDir('ingest');

// 1. queue_log: parse + assemble in memory, then parse + ingest into the embedded database. The
// sample and the in-memory assembler are dropped before the ingest: the ingest reads the file,
// and a million strings kept alive beside it would only slow its garbage collection.
const file = join(dir, 'queue_log');
/** Writes the sample to `file`, parses and assembles it in memory; returns the records derived. */
function parseInMemory(): number {
  const sample = queueLogSample({ calls: Number(process.env.BENCH_QUEUE_LOG_CALLS ?? 250_000), days: 30 });
  writeFileSync(file, sample.lines.join('\n') + '\n');
  console.log(`queue_log: ${sample.lines.length.toLocaleString('en')} lines`);
  const start = process.hrtime.bigint();
  const assembler = new QueueLogAssembler({ hashCaller: (c) => c, queues: {} });
  const nowMs = Date.now();
  let derived = 0;
  sample.lines.forEach((text) => {
    const r = parseQueueLogLine(text, { nowMs });
    if (r.ok && r.event) derived += assembler.add(r.event).length;
  });
  report('queue_log parse + assemble (memory)', sample.lines.length / seconds(start), 'lines/s', 300_000, true);
  return derived;
}
const records = parseInMemory();

const ctx = await openContext({ db: join(dir, 'db') });
const opts = asteriskOptions(ctx.config, createCallerHasher(await callerSalt(ctx.client)));
let start = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const summary = await ingestFiles(ctx.client, [file], { ...opts, format: 'asterisk-queue-log', kind: 'calls' });
const ingestSeconds = seconds(start);
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `  stored ${summary.accepted.toLocaleString('en')} lines, ${records.toLocaleString('en')} visits and agent events derived`,
);
// The process's CPU (JS, the engine's threads, the kernel's share): 300,000 lines/s on 2 cores
// needs at most 6.7 CPU-seconds per million lines.
console.log(
  `  CPU ${cpuSeconds.toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)}): ` +
    `${((cpuSeconds / summary.read) * 1e6).toFixed(1)} CPU-s per million lines, ${(cpuSeconds / ingestSeconds).toFixed(2)} cores busy`,
);
report('queue_log parse + ingest (embedded)', summary.read / ingestSeconds, 'lines/s', 300_000, true);

// 2. HTTP: 4 concurrent senders of NDJSON calls into a running server (another database), first
// alone (the throughput), then with dashboard reads among them (their latency).
const httpDb = join(dir, 'http-db');
const { token } = JSON.parse(kezek(['tokens', 'create', '--kinds', 'calls', '--db', httpDb, '--json']).stdout) as {
  token: string;
};
const PASSWORD = 'bench-password-1414';
kezek(['users', 'add', 'bench', '--role', 'admin', '--db', httpDb], `${PASSWORD}\n`);
const server = spawn(process.execPath, [KEZEK, 'serve', '--port', '0', '--db', httpDb], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d) => {
    out += d;
    const m = /http:\/\/\S+/.exec(out);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`kezek serve exited ${code} (is the build there? npm run build)`)));
});
// The server is stopped however the measurement ends (a failed request must not leave it running).
process.on('exit', () => server.kill('SIGTERM'));
const senders = 4;

/** `rows` calls, one a second from `day` 00:00 UTC (ids `prefix…`), split across the senders' files. */
function callFiles(prefix: string, day: string, rows: number): string[] {
  const dayMs = Date.parse(`${day}T00:00:00Z`);
  return Array.from({ length: senders }, (_, s) => {
    const lines: string[] = [];
    for (let i = s; i < rows; i += senders) {
      const enteredMs = dayMs + i * 1000;
      lines.push(
        JSON.stringify({
          call_id: `${prefix}${i}`,
          queue: '1414-ru',
          caller: `+7701${String(i % 9_999_999).padStart(7, '0')}`,
          entered_at: new Date(enteredMs).toISOString(),
          answered_at: new Date(enteredMs + 15_000).toISOString(),
          ended_at: new Date(enteredMs + 200_000).toISOString(),
          agent_id: `${1001 + (i % 50)}`,
          talk_s: 185,
        }),
      );
    }
    const path = join(dir, `${prefix}-${s}.ndjson`);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  });
}

/** Sends the files concurrently; resolves when every sender is acknowledged, with the rows stored. */
async function send(files: string[]): Promise<number> {
  const answers = await Promise.all(files.map((f) => sendFile(url, token, f, '/api/ingest/calls')));
  return answers.reduce((sum, a) => sum + a.accepted, 0);
}

// 2a. Throughput: nothing else runs. A million rows (~9 s) by default: a few hundred thousand
// would take ~4 s, of which ~1 s is the first batch's wait and the refresh of the last facts
// before the last acknowledgement (fitted from 400,000 and 1,200,000 rows: ~1.0 s + 7.3 s a million).
const rows = Number(process.env.BENCH_HTTP_ROWS ?? 1_000_000);
const throughputFiles = callFiles('t', '2026-08-01', rows);
start = process.hrtime.bigint();
const stored = await send(throughputFiles);
report(`HTTP ingest, ${senders} concurrent senders`, rows / seconds(start), 'rows/s', 100_000, true);
console.log(`  ${stored.toLocaleString('en')} of ${rows.toLocaleString('en')} rows acknowledged as stored`);

// 2b. A dashboard query's latency while the senders run flat out: GET /api/kpi for the day being
// ingested, by hour, 5 times once the store has data to scan, against its idle latency after.
const signIn = await fetch(`${url}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: PASSWORD }),
});
const cookie = (signIn.headers.getSetCookie().find((c) => c.startsWith('kezek_session=')) ?? '').split(';')[0];
const kpiUrl = `${url}/api/kpi?from=2026-09-01&to=2026-09-01&by=hour`;
const queryMs = async () => {
  const t = process.hrtime.bigint();
  const res = await fetch(kpiUrl, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET /api/kpi: ${res.status}`);
  await res.json();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const medianOf = async (n: number) => {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await queryMs());
  return median(times);
};
await queryMs();
const readRows = Number(process.env.BENCH_HTTP_READ_ROWS ?? 400_000);
const readFiles = callFiles('r', '2026-09-01', readRows);
start = process.hrtime.bigint();
let sending = true;
const sent = send(readFiles).finally(() => (sending = false));
await new Promise((r) => setTimeout(r, 2000));
const busy: number[] = [];
while (sending && busy.length < 5) busy.push(await queryMs());
await sent;
const readSeconds = seconds(start);
const idle = await medianOf(5);
if (busy.length === 0) console.log('dashboard query under ingest: the senders finished before it could be measured');
else {
  const underLoad = median(busy);
  console.log(
    `GET /api/kpi (a day by hour): idle ${idle.toFixed(0)} ms, while ingesting ${underLoad.toFixed(0)} ms (median of ${busy.length}; slowest ${Math.max(...busy).toFixed(0)} ms)`,
  );
  // Writes wait while a dashboard query runs (read-priority.ts): the senders' rate with the reads.
  console.log(
    `  the senders meanwhile: ${readRows.toLocaleString('en')} rows at ${Math.round(readRows / readSeconds).toLocaleString('en')} rows/s`,
  );
  report('dashboard query latency under flat-out ingest, × idle', underLoad / idle, '×', 2, false);
}
server.kill('SIGTERM');
