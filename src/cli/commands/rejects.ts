import { dateOption, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { localMidnightMs } from '../../domain/time/local-dates.ts';
import { fetchRejects } from '../../server/queries/rejects.ts';

const USAGE = `usage: kezek rejects [--since YYYY-MM-DD] [--all] [--limit N] [--json]
Lists rejected input rows, newest first, with their file, line, reason and raw text.
A reject is open while it belongs to the latest ingest of its file; re-ingesting the fixed file
resolves the earlier ones (lines still bad are rejected again). --all lists resolved ones too.
--since is a local date of the centre's time zone (default: everything).`;

export const command: Command = {
  name: 'rejects',
  summary: 'list rejected input rows with their reasons',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      since: { type: 'string' },
      all: { type: 'boolean', default: false },
      limit: { type: 'string' },
    });
    const since = dateOption('since', values.since);
    const limit = values.limit === undefined ? 1000 : Math.max(1, Number.parseInt(values.limit, 10) || 1000);
    const { client, config } = await openContext(values);
    const sinceMs = since ? localMidnightMs(since, config.timezone) : 0;
    const rejects = await fetchRejects(client, sinceMs, { all: values.all, limit });
    if (values.json) return printJson(io, { since: since ?? null, rejects });
    if (rejects.length === 0) return io.stdout('no rejects\n');
    for (const r of rejects) {
      const state = r.resolved ? ' (resolved)' : '';
      io.stdout(
        `${r.rejected_at} ${r.source}:${r.line} [${r.format}/${r.kind}]${state}: ${r.reason}\n    ${r.raw.slice(0, 160)}\n`,
      );
    }
  },
};
