/**
 * Issue 3's benchmark "memory stays flat on a 5 GB input" (figures printed, nothing asserted):
 * a realistic Asterisk queue_log of `BENCH_MEMORY_GB` gigabytes (default 1; the issue's figure
 * is 5) is generated day after day (`BENCH_MEMORY_CALLS_PER_DAY` calls a day, default 20,000,
 * fresh call ids, time always advancing) and written into a named pipe, never held whole in
 * memory nor written to disk. A child process ingests the pipe into a fresh embedded database
 * the way `kezek ingest FILE --format asterisk-queue-log` does; its RSS (/proc/PID/status) is
 * sampled every second. Printed: progress every 10 %, RSS at 10/25/50/75/100 % of the input,
 * the peak (VmHWM), lines/s (issue 3's goal ≥ 300,000), medians per tenth of the input of RSS and
 * of its parts (V8 heap, ClickHouse's tracked memory…), and late RSS / early RSS (median over the
 * last quarter of the input ÷ median over 5–25 %, after the warm-up); goal ≤ 1.2, i.e. flat.
 * 1 GB takes ~3 min on 2 cores (~100,000 lines/s with the generator on the same cores), 5 GB
 * ~14 min; the database takes ~2 GB a GB.
 *
 * The child is this file run with `--ingest-child FIFO DB`: ingestFiles, as `kezek ingest` runs
 * it, in a process whose memory is the measurement's alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, createWriteStream, openSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openContext } from '../src/cli/context.ts';
import { callerSalt } from '../src/server/queries/installation.ts';
import { asteriskOptions } from '../ingest/asterisk/options.ts';
import { createCallerHasher } from '../ingest/caller-hash.ts';
import type { IngestSummary } from '../ingest/event-writer.ts';
import { ingestFiles } from '../ingest/ingest-files.ts';
import { queueLogSample } from '../tests/ingest-asterisk/queue-log-sample.ts';
import { median, report, tempDir } from './_util.ts';

const CHILD = '--ingest-child';
const MB = 1024 * 1024;
const DAY_MS = 86_400_000;

/**
 * What the child says of itself: JS heap used, and the embedded ClickHouse's own tracked memory
 * (system.metrics MemoryTracking) and outdated parts (merged away, waiting to be removed).
 */
interface ChildMemory {
  heapUsed: number;
  /** V8 heap committed (heapTotal) and memory outside it held by JS objects (external). */
  heapTotal: number;
  external: number;
  chMemory: number;
  outdatedParts: number;
}

/** Messages of the child: every second while ingesting, then once at the end. */
type ChildMessage =
  | ({ type: 'tick'; bytes: number; rows: number } & ChildMemory)
  | ({ type: 'done'; summary: IngestSummary } & ProcMemory & ChildMemory);

/** /proc/PID/status, in kB: VmRSS, VmHWM (peak RSS), and RSS = RssAnon + RssFile (mostly chdb's code). */
interface ProcMemory {
  rssKb: number;
  hwmKb: number;
  anonKb: number;
  fileKb: number;
}

/** The memory of a process (null once it is gone). */
function memoryOf(pid: number | 'self'): ProcMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM'), anonKb: kb('RssAnon'), fileKb: kb('RssFile') };
  } catch {
    return null;
  }
}

async function ingestChild(fifo: string, db: string): Promise<void> {
  const send = (m: ChildMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
  const ctx = await openContext({ db });
  const opts = asteriskOptions(ctx.config, createCallerHasher(await callerSalt(ctx.client)));
  const memory = async (): Promise<ChildMemory> => {
    const { heapUsed, heapTotal, external } = process.memoryUsage();
    const js = { heapUsed, heapTotal, external };
    try {
      const rs = await ctx.client.query({
        query: `SELECT metric, value FROM system.metrics WHERE metric IN ('MemoryTracking', 'PartsOutdated')`,
        format: 'JSONEachRow',
      });
      const m = new Map((await rs.json<{ metric: string; value: number }>()).map((r) => [r.metric, Number(r.value)]));
      return { ...js, chMemory: m.get('MemoryTracking') ?? NaN, outdatedParts: m.get('PartsOutdated') ?? 0 };
    } catch {
      return { ...js, chMemory: NaN, outdatedParts: NaN };
    }
  };
  let bytes = 0;
  let rows = 0;
  let ticking = false;
  const ticker = setInterval(() => {
    if (ticking) return;
    ticking = true;
    void memory()
      .then((mem) => send({ type: 'tick', bytes, rows, ...mem }))
      .finally(() => (ticking = false));
  }, 1000);
  try {
    const summary = await ingestFiles(ctx.client, [fifo], {
      ...opts,
      format: 'asterisk-queue-log',
      kind: 'calls',
      onProgress: (done, _total, read) => {
        bytes = done;
        rows = read;
      },
    });
    clearInterval(ticker);
    const mem = await memory();
    await send({ type: 'done', summary, ...memoryOf('self')!, ...mem });
  } finally {
    clearInterval(ticker);
    process.disconnect();
  }
}

if (process.argv[2] === CHILD) await ingestChild(process.argv[3], process.argv[4]);
else await bench();

async function bench(): Promise<void> {
  const gigabytes = Number(process.env.BENCH_MEMORY_GB ?? 1);
  const callsPerDay = Number(process.env.BENCH_MEMORY_CALLS_PER_DAY ?? 20_000);
  const target = Math.round(gigabytes * 1e9);
  const firstDayMs = Date.parse('2016-01-04T03:00:00Z'); // 09:00 in Almaty; ~10 years of room at the default rate

  const dir = tempDir('memory');
  const fifo = join(dir, 'queue_log.fifo');
  const db = join(dir, 'db');
  const made = spawnSync('mkfifo', [fifo], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mkfifo ${fifo} failed: ${made.stderr || made.error?.message}`);

  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), CHILD, fifo, db], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid!;
  let exited = false;
  const exit = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      if (code === 0) resolve();
      else reject(new Error(`the ingest child exited with ${signal ?? `code ${code}`}`));
    });
  });
  exit.catch(() => {}); // awaited below

  // What the child reports, and the parent's samples of its memory, one a second.
  let tick = { bytes: 0, rows: 0, heapUsed: 0, heapTotal: 0, external: 0, chMemory: NaN, outdatedParts: NaN };
  let done: Extract<ChildMessage, { type: 'done' }> | null = null;
  child.on('message', (m: ChildMessage) => {
    if (m.type === 'tick') tick = m;
    else done = m;
  });
  const samples: ({ s: number; bytes: number; rows: number } & ProcMemory & ChildMemory)[] = [];
  let startNs = 0n; // when the child opened the pipe
  const seconds = () => (startNs === 0n ? 0 : Number(process.hrtime.bigint() - startNs) / 1e9);
  let nextDecile = 1;
  const mbOf = (kb: number) => `${Math.round(kb / 1024).toLocaleString('en')} MB`;
  const inside = (m: ChildMemory) =>
    `JS heap ${Math.round(m.heapUsed / MB)} MB, ClickHouse ${Math.round(m.chMemory / MB)} MB, ${m.outdatedParts.toLocaleString('en')} outdated parts`;
  const sampler = setInterval(() => {
    const mem = memoryOf(pid);
    if (!mem || startNs === 0n || tick.heapTotal === 0) return; // the pipe is open and the child has reported
    const s = seconds();
    samples.push({ s, ...tick, ...mem });
    if (tick.bytes >= (nextDecile * target) / 10 && nextDecile < 10) {
      while (tick.bytes >= (nextDecile * target) / 10 && nextDecile < 10) nextDecile++;
      console.log(
        `  ${Math.min(100, Math.floor((100 * tick.bytes) / target))} %: ${(tick.bytes / 1e9).toFixed(2)} GB, ${tick.rows.toLocaleString('en')} lines in ${s.toFixed(0)} s (${Math.round(tick.rows / s).toLocaleString('en')} lines/s), RSS ${mbOf(mem.rssKb)} (${inside(tick)})`,
      );
    }
  }, 1000);

  const out = createWriteStream(fifo, { highWaterMark: 4 * MB });
  let writeError: Error | null = null;
  out.on('error', (err) => (writeError = err));
  let written = 0;
  let lines = 0;
  let days = 0;
  const feed = async () => {
    await once(out, 'open');
    startNs = process.hrtime.bigint();
    // One day of calls a chunk (~80,000 lines, ~5 MB at 20,000 calls): the next day is generated
    // while the previous one drains into the pipe.
    while (written < target) {
      const dayMs = firstDayMs + days * DAY_MS;
      if (dayMs > Date.now()) throw new Error('the input reaches today: raise BENCH_MEMORY_CALLS_PER_DAY');
      const sample = queueLogSample({
        calls: callsPerDay,
        days: 1,
        seed: days + 1,
        startIso: new Date(dayMs).toISOString(),
      });
      const text = sample.lines.join('\n') + '\n';
      written += Buffer.byteLength(text);
      lines += sample.lines.length;
      days++;
      if (!out.write(text)) await Promise.race([once(out, 'drain'), exit]);
      if (writeError) throw writeError;
      if (exited) throw new Error('the ingest child exited before the end of the input');
    }
    out.end();
    await once(out, 'finish');
  };

  const cleanUp = () => {
    clearInterval(sampler);
    if (!exited) child.kill('SIGKILL');
    // A writer still waiting for a reader to open the pipe is released by opening its other end.
    try {
      closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
    } catch {
      /* gone already */
    }
    out.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = () => {
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  console.log(
    `queue_log: ${gigabytes} GB (${callsPerDay.toLocaleString('en')} calls a day) through a named pipe into ${db}`,
  );
  try {
    await Promise.all([feed(), exit]);
    const ingestSeconds = seconds();
    clearInterval(sampler);
    const end = done as Extract<ChildMessage, { type: 'done' }> | null;
    if (!end) throw new Error('the ingest child sent no summary');
    const { summary } = end;
    const du = spawnSync('du', ['-sm', db], { encoding: 'utf8' }).stdout.split('\t')[0];
    console.log(
      `  wrote ${(written / 1e9).toFixed(2)} GB, ${lines.toLocaleString('en')} lines, ${days} days; read ${summary.read.toLocaleString('en')}, accepted ${summary.accepted.toLocaleString('en')}, duplicates ${summary.duplicates.toLocaleString('en')}, rejected ${summary.rejected.toLocaleString('en')}; database ${du} MB`,
    );
    report('queue_log ingest through a pipe', summary.read / ingestSeconds, 'lines/s', 300_000, true);

    const at = (fraction: number) => samples.find((x) => x.bytes >= fraction * written);
    const marks = [0.1, 0.25, 0.5, 0.75].map((f) => ({ f, x: at(f) }));
    console.log(
      `  RSS of the ingest: ${marks.map(({ f, x }) => `${f * 100} % ${x ? mbOf(x.rssKb) : '–'}`).join(', ')}, 100 % ${mbOf(end.rssKb)}; peak (VmHWM) ${mbOf(end.hwmKb)}`,
    );
    for (const { f, x } of marks) if (x) console.log(`    at ${f * 100} %: ${inside(x)}`);
    console.log(`    at 100 %: ${inside(end)}`);
    // The JS heap's sawtooth (a batch is 50,000 rows) hides a slow trend in single samples: medians
    // per tenth of the input, of RSS and of its parts.
    const tenths = Array.from({ length: 10 }, (_, i) =>
      samples.filter((x) => x.bytes >= (i / 10) * written && x.bytes < ((i + 1) / 10) * written),
    );
    const perTenth = (label: string, mb: (x: (typeof samples)[number]) => number) =>
      console.log(
        `    ${label.padEnd(26)} ${tenths.map((t) => (t.length ? String(Math.round(median(t.map(mb)))) : '–').padStart(5)).join('')}`,
      );
    console.log(`  medians per tenth of the input, MB (${samples.length} samples, one a second):`);
    perTenth('RSS', (x) => x.rssKb / 1024);
    perTenth('  anonymous', (x) => x.anonKb / 1024);
    perTenth('  mapped files', (x) => x.fileKb / 1024);
    perTenth('V8 heap committed', (x) => x.heapTotal / MB);
    perTenth('V8 heap used', (x) => x.heapUsed / MB);
    perTenth('JS external buffers', (x) => x.external / MB);
    perTenth('ClickHouse tracked', (x) => x.chMemory / MB);
    const rssIn = (lo: number, hi: number) =>
      samples.filter((x) => x.bytes >= lo * written && x.bytes <= hi * written).map((x) => x.rssKb);
    const early = rssIn(0.05, 0.25);
    const late = rssIn(0.75, 1);
    if (early.length === 0 || late.length === 0) {
      console.log('  too few samples for late / early RSS: give a larger BENCH_MEMORY_GB');
    } else {
      console.log(
        `  median RSS over 5–25 % of the input ${mbOf(median(early))} (${early.length} samples), over 75–100 % ${mbOf(median(late))} (${late.length})`,
      );
      report('RSS late / early (flat memory)', median(late) / median(early), '×', 1.2, false);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanUp();
  }
}
