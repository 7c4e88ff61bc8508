/**
 * The realtime-database form of queue_log (kpi-anchors §3), exported as CSV:
 * `[id,] time, callid, queuename, agent, event, data1..data5` — or, before data1..5 existed,
 * a single `data` column holding `|`-separated fields. `time` is a DATETIME with optional
 * microseconds, local unless `queue_log_realtime_use_gmt` (so the caller says which zone), or
 * epoch seconds. Realtime folds every field past the fifth into data5 (`talk|origpos` of an
 * ATTENDEDTRANSFER LINK), so data columns are re-split on `|`.
 */
import { splitCsvRecord } from '../csv.ts';
import { parseWallClock } from '../asterisk-cdr-csv/local-time.ts';

export interface RealtimeColumns {
  /** Epoch ms, or NaN when the time column is not a date-time or epoch. */
  timeMs: number;
  timeText: string;
  callId: string;
  queue: string;
  agent: string;
  verb: string;
  data: string[];
}

const HEADER_NAMES = new Set(['id', 'time', 'time_id', 'callid', 'call_id']);
const DIGITS = /^\d+$/;
const EPOCH = /^\d{9,11}(\.\d{1,6})?$/;
const LOOKS_LIKE_DATE = /^\d{4}-\d\d-\d\d[ T]/;

/**
 * An `id` column comes first when the export kept the table's primary key: digits followed by a
 * date-time, or digits too few for an epoch of this century (under 9) followed by an epoch. (An id
 * of 9 or more digits before an epoch cannot be told from an epoch time before a call id.)
 */
export function hasIdColumn(fields: readonly string[]): boolean {
  if (fields.length < 2 || !DIGITS.test(fields[0])) return false;
  const next = fields[1].trim();
  return LOOKS_LIKE_DATE.test(next) || (fields[0].length < 9 && EPOCH.test(next));
}

/** The columns of one CSV record, 'header' for a header row, or why it cannot be read. */
export function realtimeColumns(text: string, timeZone: string): RealtimeColumns | 'header' | string {
  const fields = splitCsvRecord(text);
  if (fields === null) return 'unbalanced quotes in the CSV record';
  if (HEADER_NAMES.has(fields[0].trim().toLowerCase())) return 'header';
  const first = hasIdColumn(fields) ? 1 : 0;
  if (fields.length - first < 5) {
    return `too few fields: ${fields.length} (expected [id,] time, callid, queuename, agent, event, data1..data5)`;
  }
  const timeText = fields[first].trim();
  const timeMs = EPOCH.test(timeText)
    ? Math.round(Number(timeText) * 1000)
    : (parseWallClock(timeText, timeZone) ?? NaN);
  const data: string[] = [];
  for (let i = first + 5; i < fields.length; i++) {
    const value = fields[i];
    if (value.includes('|')) data.push(...value.split('|'));
    else data.push(value);
  }
  return {
    timeMs,
    timeText,
    callId: fields[first + 1],
    queue: fields[first + 2],
    agent: fields[first + 3],
    verb: fields[first + 4],
    data,
  };
}
