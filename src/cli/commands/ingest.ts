import { existsSync, fstatSync, openSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { EVENT_KINDS, type EventKind } from '../../domain/events.ts';
import { integerOption, parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson, type CliIO } from '../io.ts';
import { Progress } from '../progress.ts';
import { ingestTokenFromEnv } from '../../server/config.ts';
import { callerSalt } from '../../server/queries/installation.ts';
import { recordIngestRun } from '../../server/queries/ingest-checkpoints.ts';
import { factBacklog } from '../../server/queries/fact-backlog.ts';
import { asteriskOptions } from '../../../ingest/asterisk/options.ts';
import { createCallerHasher } from '../../../ingest/caller-hash.ts';
import { DEFAULT_BATCH_ROWS, type IngestSummary } from '../../../ingest/event-writer.ts';
import { followFile } from '../../../ingest/follow.ts';
import { ingestFiles } from '../../../ingest/ingest-files.ts';
import { FORMATS, ingestStream, type IngestFormat } from '../../../ingest/pipelines.ts';
import { HttpIngestError, ingestEndpoint, sendFile, ServerUnreachableError } from '../../../ingest/send-to-server.ts';

/** How long `--server` keeps sending a file again, by default (seconds of waiting between tries). */
export const DEFAULT_RETRY_FOR_S = 60;

const USAGE = `usage: kezek ingest FILE… --format F [--kind K] [--utc] [--json]
       kezek ingest FILE --follow --format F [--kind K]
       kezek ingest FILE… --server URL [--token T] --format F [--kind K]
  --format   kezek-ndjson | kezek-csv | asterisk-queue-log | asterisk-cdr-csv
  --kind     calls | ratings | agent-events | agents (for the kezek formats; default calls)
  --utc      Asterisk times without an offset are UTC (default: config ingest.asterisk_times)
  --follow   follow a growing file like tail -F (rotation, truncation, a file that appears
             later); the position is checkpointed in the database; SIGTERM stores and exits
  --server   stream the files to a running kezek serve (the way to ingest while it holds the
             database); --token T (or KEZEK_INGEST_TOKEN) is a token of kezek tokens create;
             a file the server could not store, or that did not reach it, is sent again
             for --retry-for S seconds (default ${DEFAULT_RETRY_FOR_S}: a busy server may take 20 s to restart)
  --batch-rows N  rows stored per batch (default ${DEFAULT_BATCH_ROWS.toLocaleString('en')})
A FILE may be a named pipe (kezek ingest <(zcat queue_log.gz) …): read as it comes, no percentage.
Every row is stored or rejected with its file, line and reason; re-ingesting never double counts
(kezek rejects lists the rejects; re-ingesting a fixed file resolves its earlier ones).`;

function checkFiles(files: string[]): void {
  if (files.length === 0) throw new UsageError('no input file given');
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
    const stat = statSync(f);
    // A named pipe is read as it comes (`kezek ingest <(zcat queue_log.gz)`); progress then has no total.
    if (!stat.isFile() && !stat.isFIFO()) throw new UsageError(`${f}: not a regular file or a named pipe`);
  }
}

/**
 * The files that are this process's standard input (`… | kezek ingest /dev/stdin`, or `< F`),
 * opened anew (`/dev/fd/N`): the embedded engine takes fd 0 away when it starts (client.ts), and
 * a file read through it then would be empty.
 */
function ownStandardInput(files: string[]): string[] {
  let stdin;
  try {
    stdin = fstatSync(0);
  } catch {
    return files; // no standard input
  }
  return files.map((f) => {
    const s = statSync(f);
    return s.dev === stdin.dev && s.ino === stdin.ino ? `/dev/fd/${openSync(f, 'r')}` : f;
  });
}

export function printSummary(io: CliIO, summary: IngestSummary, json: boolean): void {
  if (json) return printJson(io, summary);
  io.stdout(
    `read ${summary.read}, accepted ${summary.accepted}, duplicates ${summary.duplicates}, rejected ${summary.rejected}\n`,
  );
  for (const r of summary.rejects.slice(0, 20)) io.stdout(`  rejected ${r.file}:${r.line}: ${r.reason}\n`);
  if (summary.rejected > 20) io.stdout(`  … and ${summary.rejected - 20} more (kezek rejects)\n`);
}

function add(total: IngestSummary, s: IngestSummary): void {
  total.read += s.read;
  total.accepted += s.accepted;
  total.duplicates += s.duplicates;
  total.rejected += s.rejected;
  total.rejects.push(...s.rejects.slice(0, Math.max(0, 1000 - total.rejects.length)));
}

/**
 * The waits before each new try of a file the server could not store or that did not reach it:
 * 0.5 s, doubling up to 8 s, the last one cut so that they add up to `retryForS` seconds.
 */
export function resendDelaysMs(retryForS: number): number[] {
  const delays: number[] = [];
  for (let next = 500, left = retryForS * 1000; left > 0; next = Math.min(next * 2, 8000)) {
    delays.push(Math.min(next, left));
    left -= delays.at(-1)!;
  }
  return delays;
}

/**
 * Sends the files one after another. A file the server could not store (5xx) or that did not
 * reach it is sent again whole, after each of `delaysMs` (its stored rows count as duplicates, and
 * a later file waits, so queue_log lines keep their order); a named pipe cannot be read again.
 */
async function sendToServer(
  files: string[],
  url: string,
  token: string,
  endpoint: string,
  delaysMs: number[],
  progress: Progress,
  io: CliIO,
): Promise<IngestSummary> {
  const total: IngestSummary = { read: 0, accepted: 0, duplicates: 0, rejected: 0, rejects: [] };
  const size = files.reduce((sum, f) => sum + statSync(f).size, 0);
  let done = 0;
  for (const file of files) {
    const before = done;
    for (let attempt = 0; ; attempt++) {
      try {
        done = before;
        add(total, await sendFile(url, token, file, endpoint, (n) => progress.update((done += n), size, done / 1e6)));
        break;
      } catch (err) {
        if (err instanceof HttpIngestError && err.status < 500) throw new UsageError(err.message);
        const message =
          err instanceof ServerUnreachableError ? `cannot reach ${url}: ${err.message}` : (err as Error).message;
        const delayMs = delaysMs[attempt];
        if (delayMs === undefined || !statSync(file).isFile()) throw new Error(message);
        io.stderr(
          `${message}; sending ${file} again in ${delayMs / 1000} s (try ${attempt + 2} of ${delaysMs.length + 1})\n`,
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  }
  return total;
}

/** Follows one file until SIGTERM/SIGINT; returns what it ingested. */
async function follow(
  values: Parameters<typeof openContext>[0],
  file: string,
  format: IngestFormat,
  kind: EventKind,
  utc: boolean,
): Promise<IngestSummary> {
  if (format === 'kezek-csv')
    throw new UsageError('--follow reads kezek-ndjson, asterisk-queue-log or asterisk-cdr-csv');
  // Taken from the start: a stop while the database opens still ends with one pass over the file,
  // its rows stored and exit 0 (a service stopped the moment it started).
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const { client, config } = await openContext(values);
    const path = resolve(file);
    const salt = await callerSalt(client);
    const opts = asteriskOptions(config, createCallerHasher(salt), utc);
    const session = ingestStream(client, path, format, kind, opts, `follow:${format}:${path}`);
    const { events, pipeline } = session;
    await recordIngestRun(client, path, pipeline.rejectKind);
    await followFile(session, path, events.summary, { signal: stop.signal, salt });
    await factBacklog(client).refresh();
    return events.summary;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

export const command: Command = {
  name: 'ingest',
  summary: 'store events from files (kezek NDJSON/CSV, Asterisk queue_log, Asterisk CDR CSV), follow or send them',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        format: { type: 'string' },
        kind: { type: 'string' },
        follow: { type: 'boolean', default: false },
        server: { type: 'string' },
        token: { type: 'string' },
        'retry-for': { type: 'string' },
        utc: { type: 'boolean', default: false },
        'batch-rows': { type: 'string' },
      },
      true,
    );
    const format = values.format as IngestFormat | undefined;
    if (!format)
      throw new UsageError('--format is required (kezek-ndjson, kezek-csv, asterisk-queue-log, asterisk-cdr-csv)');
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format: unknown format "${format}" (expected ${FORMATS.join(', ')})`);
    }
    const kind = (values.kind ?? 'calls') as EventKind;
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind: unknown kind "${kind}" (expected ${EVENT_KINDS.join(', ')})`);
    }
    const json = Boolean(values.json);
    const progress = new Progress(io, 'ingest', io.isTTY && !json, values.server ? 'MB' : 'rows');
    let summary: IngestSummary;
    if (values.follow) {
      if (positionals.length !== 1) throw new UsageError('--follow takes exactly one file');
      if (values.server) throw new UsageError('--follow and --server cannot be combined yet');
      summary = await follow(values, positionals[0], format, kind, values.utc);
    } else if (values.server) {
      checkFiles(positionals);
      const endpoint = ingestEndpoint(format, kind);
      if (!endpoint)
        throw new UsageError(`--server does not take --format ${format} (kezek-ndjson, kezek-csv, asterisk-queue-log)`);
      if (!URL.canParse(values.server) || !/^https?:$/.test(new URL(values.server).protocol))
        throw new UsageError(`--server: expected the server's URL, like http://127.0.0.1:3000 (got ${values.server})`);
      const token = values.token ?? ingestTokenFromEnv();
      if (!token) throw new UsageError('--server needs --token T (or KEZEK_INGEST_TOKEN)');
      const delays = resendDelaysMs(integerOption('retry-for', values['retry-for']) ?? DEFAULT_RETRY_FOR_S);
      summary = await sendToServer(positionals, values.server, token, endpoint, delays, progress, io);
    } else {
      if (values['retry-for'] !== undefined) throw new UsageError('--retry-for goes with --server');
      checkFiles(positionals);
      const files = ownStandardInput(positionals);
      const { client, config } = await openContext(values);
      const hashCaller = createCallerHasher(await callerSalt(client));
      summary = await ingestFiles(client, files, {
        ...asteriskOptions(config, hashCaller, values.utc),
        format,
        kind,
        batchRows: integerOption('batch-rows', values['batch-rows'], 1),
        onProgress: (done, total, rows) => progress.update(done, total, rows),
        onWarning: (message) => io.stderr(`kezek ingest: warning: ${message}\n`),
      });
    }
    progress.done();
    printSummary(io, summary, json);
  },
};
