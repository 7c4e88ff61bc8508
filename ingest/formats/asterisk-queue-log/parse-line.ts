/**
 * Parses one queue_log line into a QueueLogEvent, or says in one line why it is malformed.
 * Every well-formed line is accepted, whatever its verb (DESIGN §5); only these are rejected:
 * too few fields, an epoch that is not a number or is impossible (before 2000, more than a day
 * after `nowMs`), an empty or non-word verb, control characters or binary garbage, a line over
 * `maxLineLength`, and bad numbers in the data of a verb that needs them (see verb-layouts.ts).
 * Blank lines and a realtime CSV header row are skipped: they are not rows.
 *
 * Two forms are recognised line by line, so a file may even mix them:
 * - file: `epoch|callid|queue|agent|EVENT|data1|…` (any number of data fields; a trailing `|`
 *   from QueueLog() is harmless);
 * - realtime CSV export: `[id,] time, callid, queuename, agent, event, data…` (realtime-csv.ts).
 */
import type { QueueLogEvent } from './event.ts';
import { realtimeColumns } from './realtime-csv.ts';
import { verbDataProblem } from './verb-layouts.ts';

export interface QueueLogParseOptions {
  /** "Now", epoch ms: an event more than a day after it is impossible. Inject for tests. */
  nowMs: number;
  /** Zone of realtime DATETIME values without an offset: 'UTC' (default) or an IANA name. */
  timeZone?: string;
  /** Longer lines are rejected (default 64 KiB). */
  maxLineLength?: number;
}

export type QueueLogParse =
  | { ok: true; event: QueueLogEvent }
  | { ok: true; event: null; skipped: 'blank line' | 'header row' }
  | { ok: false; reason: string };

export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
const MIN_TIME_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

// C0 controls except TAB, and DEL.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;
/** What invalid UTF-8 decodes to. */
const REPLACEMENT = '\ufffd';
/** The data field of ENTERQUEUE that may hold text in another encoding: the caller's name (hashed). */
const CALLER_NAME = 3;
const UPPER_VERB = /^[A-Z][A-Z0-9_-]*$/;
const VERB = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Epoch ms of `text[0, end)` when it is 1–12 digits with an optional fraction of 1–6 digits,
 * else NaN. Hand-rolled: it runs on every line, and a slice + regex + Number costs 3 allocations.
 */
function epochMsAt(text: string, end: number): number {
  let seconds = 0;
  let i = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    seconds = seconds * 10 + c;
  }
  if (i === 0 || i > 12) return NaN;
  if (i === end) return seconds * 1000;
  if (text.charCodeAt(i) !== 46 || end - i - 1 < 1 || end - i - 1 > 6) return NaN;
  let fraction = 0;
  let scale = 1;
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    fraction = fraction * 10 + c;
    scale *= 10;
  }
  return seconds * 1000 + Math.round((fraction * 1000) / scale);
}

const reject = (reason: string): QueueLogParse => ({ ok: false, reason });

/**
 * The first field holding invalid UTF-8 (callid, queue, agent, dataN), or null. It is garbage
 * everywhere except in ENTERQUEUE's caller name (a PBX may send it in Windows-1251): that is
 * stored only as a hash, and the rest of the line is sound. (The time and the verb are checked
 * on their own.)
 */
function invalidUtf8Field(verb: string, [callId, queue, agent]: string[], data: readonly string[]): string | null {
  if (callId.includes(REPLACEMENT)) return 'callid';
  if (queue.includes(REPLACEMENT)) return 'queue';
  if (agent.includes(REPLACEMENT)) return 'agent';
  for (let i = 0; i < data.length; i++) {
    if (data[i].includes(REPLACEMENT) && !(verb === 'ENTERQUEUE' && i === CALLER_NAME)) return `data${i + 1}`;
  }
  return null;
}

/** `line` is the line's text (without its newline). */
export function parseQueueLogLine(line: string, opts: QueueLogParseOptions): QueueLogParse {
  let text = line;
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  const maxLength = opts.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  if (text.length > maxLength) return reject(`line is ${text.length} characters long, over the limit of ${maxLength}`);
  if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) {
    return { ok: true, event: null, skipped: 'blank line' };
  }
  const bad = CONTROL.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0');
    return reject(`binary data: control character U+${code.toUpperCase()} at column ${bad.index + 1}`);
  }
  const invalid = text.indexOf(REPLACEMENT);

  const bar = text.indexOf('|');
  const epochMs = bar > 0 ? epochMsAt(text, bar) : NaN;
  const epochLike = !Number.isNaN(epochMs);
  let timeMs: number;
  let timeText: string;
  let callId: string;
  let queue: string;
  let agent: string;
  let verb: string;
  let data: string[];
  const comma = text.indexOf(',');
  const csv = !epochLike && comma >= 0 && (bar < 0 || comma < bar);
  if (!csv) {
    // The fields of text.split('|'), cut out one by one: no array of them all, no slice of it.
    const bar2 = text.indexOf('|', bar + 1);
    const bar3 = bar2 < 0 ? -1 : text.indexOf('|', bar2 + 1);
    const bar4 = bar3 < 0 ? -1 : text.indexOf('|', bar3 + 1);
    if (bar4 < 0) {
      return reject(`too few fields: ${text.split('|').length} (expected epoch|callid|queue|agent|event|data…)`);
    }
    timeText = text.slice(0, bar);
    if (!epochLike) return reject(`epoch field is not a number: ${JSON.stringify(timeText.slice(0, 40))}`);
    timeMs = epochMs;
    callId = text.slice(bar + 1, bar2);
    queue = text.slice(bar2 + 1, bar3);
    agent = text.slice(bar3 + 1, bar4);
    const bar5 = text.indexOf('|', bar4 + 1);
    verb = bar5 < 0 ? text.slice(bar4 + 1) : text.slice(bar4 + 1, bar5);
    data = bar5 < 0 ? [] : text.slice(bar5 + 1).split('|');
  } else {
    const columns = realtimeColumns(text, opts.timeZone ?? 'UTC');
    if (columns === 'header') return { ok: true, event: null, skipped: 'header row' };
    if (typeof columns === 'string') return reject(columns);
    ({ timeMs, timeText, callId, queue, agent, verb, data } = columns);
    if (Number.isNaN(timeMs)) {
      return reject(`time field is not a date-time or epoch: ${JSON.stringify(timeText.slice(0, 40))}`);
    }
  }

  if (timeMs < MIN_TIME_MS) return reject(`impossible time ${timeText}: before 2000`);
  if (timeMs > opts.nowMs + DAY_MS) return reject(`impossible time ${timeText}: more than a day in the future`);
  if (callId === '') return reject('callid field is empty');
  if (verb === '') return reject('event field (verb) is empty');
  if (!UPPER_VERB.test(verb)) {
    if (!VERB.test(verb)) return reject(`event field (verb) is not a word: ${JSON.stringify(verb.slice(0, 40))}`);
    verb = verb.toUpperCase();
  }
  let end = data.length;
  while (end > 0 && data[end - 1] === '') end--;
  if (end < data.length) data.length = end;
  const garbled = invalid >= 0 ? invalidUtf8Field(verb, [callId, queue, agent], data) : null;
  if (garbled !== null) return reject(`binary data: invalid UTF-8 in the ${garbled} field`);
  const problem = verbDataProblem(verb, data);
  if (problem !== null) return reject(problem);
  return { ok: true, event: { timeMs, callId, queue, agent, verb, data, raw: text } };
}
