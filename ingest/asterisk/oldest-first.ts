/**
 * Rotated Asterisk logs named in one `kezek ingest` are read oldest first, whatever order they
 * are named in: a shell glob lists `queue_log queue_log.1 queue_log.2` newest first, and a call
 * whose lines straddle a rotation is only assembled right when its first lines come first (its
 * caller is on the ENTERQUEUE line; CDR legs follow each other by end time).
 */
import { statSync } from 'node:fs';
import { CdrParser } from '../formats/asterisk-cdr-csv/parse-record.ts';
import { parseQueueLogLine } from '../formats/asterisk-queue-log/parse-line.ts';
import { readFileLines } from '../read-lines.ts';

/** Lines looked at for a file's first event (a file may start with lines that are rejected). */
const PEEK_LINES = 1000;

/** Epoch ms of the first event of a regular file (queue_log line, CDR row end), or null. */
async function firstEventMs(
  file: string,
  format: 'asterisk-queue-log' | 'asterisk-cdr-csv',
  timeZone: string | undefined,
): Promise<number | null> {
  if (!statSync(file).isFile()) return null; // a named pipe is read once, by the ingest
  const nowMs = Date.now();
  const cdr = new CdrParser({ nowMs, timeZone });
  for await (const raw of readFileLines(file)) {
    if (raw.line > PEEK_LINES) break;
    if (raw.tooLong) continue;
    if (format === 'asterisk-queue-log') {
      const parsed = parseQueueLogLine(raw.text, { nowMs, timeZone });
      if (parsed.ok && parsed.event) return parsed.event.timeMs;
    } else {
      const parsed = cdr.parse({ source: file, line: raw.line, text: raw.text });
      if (parsed.ok && parsed.row) return parsed.row.endMs;
    }
  }
  return null;
}

/**
 * The files in the order of their first events (stable; files without one, e.g. named pipes,
 * after the others in the order given), each with the epoch ms of its first event (Infinity
 * when it has none).
 */
export async function oldestFirst(
  files: readonly string[],
  format: 'asterisk-queue-log' | 'asterisk-cdr-csv',
  timeZone?: string,
): Promise<{ file: string; firstMs: number }[]> {
  const out: { file: string; firstMs: number }[] = [];
  for (const file of files) out.push({ file, firstMs: (await firstEventMs(file, format, timeZone)) ?? Infinity });
  return out.sort((a, b) => (a.firstMs === b.firstMs ? 0 : a.firstMs < b.firstMs ? -1 : 1));
}
