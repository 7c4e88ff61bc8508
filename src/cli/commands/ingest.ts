import { existsSync, statSync } from 'node:fs';
import { EVENT_KINDS, type EventKind } from '../../domain/events.ts';
import { parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson, type CliIO } from '../io.ts';
import { Progress } from '../progress.ts';
import { callerSalt } from '../../server/queries/installation.ts';
import { createCallerHasher } from '../../../ingest/caller-hash.ts';
import { FORMATS, ingestFiles, type IngestFormat } from '../../../ingest/ingest-files.ts';
import type { IngestSummary } from '../../../ingest/event-writer.ts';

const USAGE = `usage: kezek ingest FILE… --format F [--kind K] [--json]
  --format   kezek-ndjson | kezek-csv | asterisk-queue-log | asterisk-cdr-csv
  --kind     calls | ratings | agent-events | agents (for the kezek formats; default calls)
Every row is stored or rejected with its file, line and reason; re-ingesting never double counts.`;

function checkFiles(files: string[]): void {
  if (files.length === 0) throw new UsageError('no input file given');
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
    if (!statSync(f).isFile()) throw new UsageError(`${f}: not a regular file`);
  }
}

export function printSummary(io: CliIO, summary: IngestSummary, json: boolean): void {
  if (json) return printJson(io, summary);
  io.stdout(
    `read ${summary.read}, accepted ${summary.accepted}, duplicates ${summary.duplicates}, rejected ${summary.rejected}\n`,
  );
  for (const r of summary.rejects.slice(0, 20)) io.stdout(`  rejected ${r.file}:${r.line}: ${r.reason}\n`);
  if (summary.rejected > 20) io.stdout(`  … and ${summary.rejected - 20} more (kezek rejects)\n`);
}

export const command: Command = {
  name: 'ingest',
  summary: 'store events from files (kezek NDJSON/CSV, Asterisk queue_log, Asterisk CDR CSV)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, kind: { type: 'string' } },
      true,
    );
    const format = values.format as IngestFormat | undefined;
    if (!format) throw new UsageError('--format is required (kezek-ndjson, kezek-csv, asterisk-queue-log, asterisk-cdr-csv)');
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format: unknown format "${format}" (expected ${FORMATS.join(', ')})`);
    }
    const kind = (values.kind ?? 'calls') as EventKind;
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`--kind: unknown kind "${kind}" (expected ${EVENT_KINDS.join(', ')})`);
    }
    checkFiles(positionals);
    const { client, config } = await openContext(values);
    const hashCaller = createCallerHasher(await callerSalt(client));
    const progress = new Progress(io, 'ingest', io.isTTY && !values.json, 'MB');
    const summary = await ingestFiles(client, positionals, {
      format,
      kind,
      hashCaller,
      queues: config.queues,
      onProgress: (done, total) => progress.update(done, total, done / 1e6),
    });
    progress.done();
    printSummary(io, summary, Boolean(values.json));
  },
};
