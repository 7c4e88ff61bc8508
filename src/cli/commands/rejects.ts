import { dateOption, integerOption, parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { localMidnightMs } from '../../domain/time/local-dates.ts';
import { fetchRejectCounts, fetchRejects, type StoredReject } from '../../server/queries/rejects.ts';

const DEFAULT_LIMIT = 1000;

const USAGE = `usage: kezek rejects [--since YYYY-MM-DD] [--all] [--limit N] [--json]
Lists rejected input rows, newest first, with their file, line, reason and raw text.
A reject is open while it belongs to the latest ingest of its file; re-ingesting the fixed file
resolves the earlier ones (lines still bad are rejected again). --all lists resolved ones too.
--since is a local date of the centre's time zone (default: everything).
--limit N lists at most the N newest (default ${DEFAULT_LIMIT.toLocaleString('en')}); the last line says how many more
there are. Control characters of the rejected text (escape sequences, NUL …) are shown as \\xHH
(ESC as \\x1b), never sent to the terminal as they are.
--json prints {since, total, rejects:[{source, line, format, kind, raw, reason, rejected_at,
resolved}]}: the listed rejects, and total, how many there are listed or not.`;

/**
 * The text with its control characters (C0, DEL, C1) written as `\xHH`: a rejected line may hold
 * escape sequences that would retitle, clear or otherwise drive the terminal it is printed on.
 * @example printable('a\x1b]0;pwned\x07b') // 'a\\x1b]0;pwned\\x07b'
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Two lines of the human listing: when, where and why; then the raw text (its first 160 characters). */
export function rejectLines(r: StoredReject): string {
  const state = r.resolved ? ' (resolved)' : '';
  const head = `${r.rejected_at} ${r.source}:${r.line} [${r.format}/${r.kind}]${state}: ${r.reason}`;
  return `${printable(head)}\n    ${printable(r.raw.slice(0, 160))}\n`;
}

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
    const limit = integerOption('limit', values.limit, 1) ?? DEFAULT_LIMIT;
    const { client, config } = await openContext(values, { existing: true });
    const sinceMs = since ? localMidnightMs(since, config.timezone) : 0;
    const rejects = await fetchRejects(client, sinceMs, { all: values.all, limit });
    const counts = rejects.length < limit ? null : await fetchRejectCounts(client, sinceMs, config.timezone);
    const total = counts ? counts.reduce((sum, c) => sum + (values.all ? c.rejects : c.open), 0) : rejects.length;
    const more = Math.max(0, total - rejects.length);
    if (values.json) return printJson(io, { since: since ?? null, total: rejects.length + more, rejects });
    if (rejects.length === 0) return io.stdout('no rejects\n');
    for (const r of rejects) io.stdout(rejectLines(r));
    const count = (n: number) => n.toLocaleString('en');
    if (more > 0) {
      io.stdout(
        `… and ${count(more)} more, not listed (the newest ${count(rejects.length)} are): --limit ${rejects.length + more} lists them all\n`,
      );
    }
  },
};
