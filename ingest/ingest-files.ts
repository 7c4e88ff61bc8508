/**
 * `kezek ingest FILE… --format F --kind K`: reads files line by line through the format's
 * pipeline. Every line is either stored or rejected with its file, line number and reason.
 * The Asterisk assemblers' state is restored at the start and checkpointed with every batch, so
 * a call split across files, runs or a crash is assembled once; rotated Asterisk files are read
 * oldest first, in whatever order they are named (oldest-first.ts).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { statSync } from 'node:fs';
import type { EventKind } from '../src/domain/events.ts';
import { factBacklog } from '../src/server/queries/fact-backlog.ts';
import { recordIngestRun } from '../src/server/queries/ingest-checkpoints.ts';
import { oldestFirst } from './asterisk/oldest-first.ts';
import type { AsteriskOptions } from './asterisk/options.ts';
import { DEFAULT_BATCH_ROWS, type IngestSummary } from './event-writer.ts';
import { fileStream, ingestStream, type IngestFormat } from './pipelines.ts';
import { readFileLineBatches } from './read-lines.ts';

export { FORMATS, NATIVE_FORMATS, type IngestFormat } from './pipelines.ts';

export interface IngestOptions extends AsteriskOptions {
  format: IngestFormat;
  kind: EventKind;
  batchRows?: number;
  /** Called with (bytes read so far, total bytes, rows read) as the files are read. */
  onProgress?: (doneBytes: number, totalBytes: number, rows: number) => void;
  /** Called with a one-line warning about the input (the ingest goes on). */
  onWarning?: (message: string) => void;
}

/**
 * New lines this far older than the stream's earlier input (the assemblers' memory of completed
 * visits, 1 h of event time) may belong to visits completed without them. Lines read again (the
 * same file after a crash, a log that grew) are duplicates, not new: they are not late.
 */
const LATE_INPUT_MS = 3_600_000;

/** Lines parsed between two turns of the event loop. */
const YIELD_EVERY_LINES = 1000;

export async function ingestFiles(
  client: ClickHouseClient,
  files: string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const firstMs = new Map<string, number>();
  if (options.format === 'asterisk-queue-log' || options.format === 'asterisk-cdr-csv') {
    const ordered = await oldestFirst(files, options.format, options.timeZone);
    files = ordered.map((f) => f.file);
    for (const f of ordered) firstMs.set(f.file, f.firstMs);
  }
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const session = ingestStream(
    client,
    files[0] ?? '',
    options.format,
    options.kind,
    options,
    fileStream(options.format),
  );
  const { events, pipeline } = session;
  const summary = events.summary;
  // A chunk's bytes are reported once its lines are parsed, with the rows read so far: a share
  // of the input and the rows of that share (the reader takes a chunk before its lines are read).
  let done = 0;
  let taken = 0;
  const onBytes = (n: number) => {
    taken += n;
  };
  const report = () => {
    done += taken;
    taken = 0;
    options.onProgress?.(done, total, summary.read);
  };
  await session.open();
  const runStartMs = Date.now();
  // One batch is stored while the next is read and parsed (commits still run one at a time).
  let inflight: Promise<void> | null = null;
  for (const [i, file] of files.entries()) {
    await recordIngestRun(client, file, pipeline.rejectKind);
    events.source = file;
    pipeline.beginFile();
    const acceptedBefore = summary.accepted; // the commits of the files before are stored
    // How far the stream had got: new lines from well before that came late.
    const reached = pipeline.eventTimeReached?.() ?? -Infinity;
    let sinceYield = 0;
    for await (const lines of readFileLineBatches(file, { onBytes })) {
      for (const raw of lines) {
        pipeline.line(raw, file, summary);
        // Lines are parsed without a turn of the event loop: give it one now and then, so that the
        // batch being stored goes on to its next query as soon as the engine has answered the last.
        if (++sinceYield === YIELD_EVERY_LINES) {
          sinceYield = 0;
          await new Promise(setImmediate);
        }
        if (session.size >= batchRows && pipeline.atBoundary()) {
          const commit = session.commit();
          commit.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
          if (inflight) await inflight;
          inflight = commit;
        }
      }
      report();
    }
    pipeline.endFile(file, summary, i === files.length - 1);
    report();
    await session.commit();
    inflight = null;
    // Only a file that starts early can hold late lines: the others need no look-up.
    const first = firstMs.get(file) ?? Infinity;
    if (first < reached - LATE_INPUT_MS && summary.accepted > acceptedBefore) {
      const span = [first - LATE_INPUT_MS, reached - LATE_INPUT_MS] as const; // a line may be a little out of order
      const late = (await pipeline.rowsStoredIn?.(file, span, runStartMs)) ?? 0;
      if (late > 0) options.onWarning?.(lateInputWarning(file, late, reached));
    }
  }
  // Everything is stored: the facts of what waits are refreshed before the ingest reports.
  await factBacklog(client).refresh();
  return summary;
}

function lateInputWarning(file: string, lines: number, reachedMs: number): string {
  const at = `${new Date(reachedMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return (
    `${file}: ${lines.toLocaleString('en')} new lines from over an hour before what was ingested already (up to ${at}): ` +
    `calls they share with the lines ingested before may be incomplete (ingest rotated files oldest first; one run orders the files it is given)`
  );
}
