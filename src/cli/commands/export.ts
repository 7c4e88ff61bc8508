import { EVENT_KINDS, type EventKind } from '../../domain/events.ts';
import { localDateRange } from '../../domain/time/local-dates.ts';
import { dateOption, parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { EXPORT_COLUMNS, streamEvents } from '../../server/queries/export-events.ts';
import { csvField } from '../../../ingest/formats/csv.ts';
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from '../../../ingest/formats/time.ts';

const USAGE = `usage: kezek export KIND --format kezek-ndjson|kezek-csv [--from YYYY-MM-DD --to YYYY-MM-DD]
Writes stored events of KIND (calls, ratings, agent-events, agents) to stdout in kezek's format;
callers stay hashed. 'kezek ingest' of the output into another database gives the same KPIs.`;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return csvField(value.join(';'));
  return csvField(String(value));
}

export const command: Command = {
  name: 'export',
  summary: 'write stored events in kezek NDJSON or CSV (to move to another database)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { format: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
      true,
    );
    const kind = positionals[0] as EventKind | undefined;
    if (!kind || !(EVENT_KINDS as readonly string[]).includes(kind) || positionals.length > 1) {
      throw new UsageError(`expected one KIND: ${EVENT_KINDS.join(', ')}`);
    }
    const format = values.format ?? 'kezek-ndjson';
    if (format !== 'kezek-ndjson' && format !== 'kezek-csv') {
      throw new UsageError(`--format: expected kezek-ndjson or kezek-csv, got "${format}"`);
    }
    const from = dateOption('from', values.from);
    const to = dateOption('to', values.to);
    if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together');
    const { client, config } = await openContext(values, { existing: true });
    const range =
      from && to ? localDateRange(from, to, config.timezone) : { startMs: MIN_INSTANT_MS, endMs: MAX_INSTANT_MS };
    const columns = EXPORT_COLUMNS[kind];
    if (format === 'kezek-csv') io.stdout(`${columns.join(',')}\n`);
    let buffer = '';
    for await (const row of streamEvents(client, kind, range.startMs, range.endMs)) {
      buffer +=
        format === 'kezek-csv' ? `${columns.map((c) => csvCell(row[c])).join(',')}\n` : `${JSON.stringify(row)}\n`;
      if (buffer.length > 1 << 16) {
        io.stdout(buffer);
        buffer = '';
      }
    }
    io.stdout(buffer);
  },
};
