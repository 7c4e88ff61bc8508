/**
 * Rotated Asterisk logs named in one `kezek ingest` are read oldest first, whatever order they
 * are named in: a shell glob lists `queue_log queue_log.1 queue_log.2` newest first, and a call
 * whose lines straddle a rotation is only assembled right when its first lines come first (its
 * caller is on the ENTERQUEUE line; CDR legs follow each other by end time).
 */
import { statSync } from 'node:fs';
import { InputError } from '../../src/server/input-error.ts';
import { CdrParser } from '../formats/asterisk-cdr-csv/parse-record.ts';
import { parseQueueLogLine } from '../formats/asterisk-queue-log/parse-line.ts';
import { readFileLines } from '../read-lines.ts';

/** Lines looked at for a file's first event (a file may start with lines that are rejected). */
const PEEK_LINES = 1000;

/**
 * Epoch ms of the first event of a regular file (queue_log line, CDR row end), or null.
 *
 * A CDR file whose layout kezek does not read is refused here, before anything is stored: its
 * first record (a header row, or the first row of a header-less Master.csv) decides. Rows further
 * on in another layout are rejected one by one (a stray row of a damaged file).
 */
async function firstEventMs(
  file: string,
  format: 'asterisk-queue-log' | 'asterisk-cdr-csv',
  timeZone: string | undefined,
): Promise<number | null> {
  if (!statSync(file).isFile()) return null; // a named pipe is read once, by the ingest
  const nowMs = Date.now();
  const cdr = new CdrParser({ nowMs, timeZone });
  let firstRecord = true;
  for await (const raw of readFileLines(file)) {
    if (raw.line > PEEK_LINES) break;
    if (raw.tooLong) continue;
    if (format === 'asterisk-queue-log') {
      const parsed = parseQueueLogLine(raw.text, { nowMs, timeZone });
      if (parsed.ok && parsed.event) return parsed.event.timeMs;
    } else if (raw.text.trim() !== '') {
      const parsed = cdr.parse({ source: file, line: raw.line, text: raw.text });
      if (firstRecord && !parsed.ok && parsed.unknownLayout) {
        throw new InputError(`${file}: line ${raw.line}: ${parsed.reason}`);
      }
      firstRecord = false;
      if (parsed.ok && parsed.row) return parsed.row.endMs;
    }
  }
  return null;
}

/**
 * The files in the order of their first events (stable; files without one, e.g. named pipes,
 * after the others in the order given), each with the epoch ms of its first event (Infinity
 * when it has none). Throws an InputError for a CDR file in a layout kezek does not read.
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
