/**
 * A rejected line keeps its raw text (DESIGN §4), but caller numbers and IINs are personal data
 * that is stored only as a salted hash (DESIGN §10). `redactReject` replaces them in the raw
 * text by `[caller:HASH]`, HASH being what the caller hasher gives for the value (the very hash
 * a stored call of that caller carries, so a supervisor can still match it); `[caller]` when no
 * hasher is known. The rest of the line is left byte for byte as read.
 *
 * Where the format says where the caller is, that value is replaced whole, whatever it looks
 * like (an unknown caller — blank, `anonymous`, … — is kept):
 * - asterisk-queue-log: data2 (the number) and data4 (the name, `log-caller-id-name`) of ENTERQUEUE
 *   (file form `epoch|callid|queue|agent|ENTERQUEUE|url|caller|origpos|name`, and the realtime CSV
 *   form), as the stored line has them (CALLER_DATA in formats/asterisk-queue-log/event.ts);
 * - asterisk-cdr-csv: src and dst (trimmed, as the CDR pipeline hashes them) and clid (the number
 *   in its `<…>`, else the whole value; a name in clid goes with it), by the header's columns
 *   when the file has a header and the row as many columns, else by the Master.csv layout of the
 *   row's column count (16–21);
 * - kezek-ndjson: the value after every `"caller":` in the text, found in the text rather than by
 *   parsing so that broken JSON loses it too — a string or number as the parser hashes it (a
 *   stored call's hash), any other value (array, object, what broken JSON holds) by its text;
 *   JSON null (no caller) and booleans are kept. The marker is written as a JSON string;
 * - kezek-csv: the `caller` column of the header, whatever the row's field count (the value as
 *   given, untrimmed, as the parser hashes it).
 *
 * Everything else — the other fields, and whole lines that do not split — goes through a
 * conservative rule that knows no positions (so a row whose columns have shifted leaks nothing):
 * - a run of 7 or more digits, with an optional leading `+`, is replaced by the marker of its hash.
 *   Kept, since they are no phone number or IIN: runs without `+` that are part of a dotted number
 *   (`1730000000.123`: Asterisk ids, fractional epochs), have the shape of an epoch (10 or 13 digits
 *   starting with 1: seconds or milliseconds of 2001–2033), are an Asterisk channel sequence (`-`
 *   and 8 digits starting with 0: `PJSIP/trunk-00000001`), or lie in a 32-hex-digit token (a caller
 *   hash);
 * - a number written with separators (`+7 701 444-55-61`, `8 (701) 444 55 61`) is replaced whole
 *   when it has a phone number's shape: 2–6 groups of 1–4 digits (1–5 in parentheses), one space,
 *   hyphen or parenthesis between groups, 10–15 digits (7–15 after a `+`). Not when it is a date
 *   (`2026-11-27 10…`), runs on into a time or a decimal (`10:00`, `.5`), or follows one.
 * Kept by position: a queue_log line's leading field when it is what the parser reads as the epoch
 * (1–12 digits, a fraction of 1–6: a time however impossible, `99999999999`, not a caller); a
 * realtime queue_log row's id column.
 *
 * A reason may quote a field of the line (`epoch field is not a number: "+77011234567"`, `start
 * field is not a date-time: "…"`): every value of 7 or more digits replaced in the raw text is
 * replaced in the reason too, and quoted values go through the general rule; the rest of the
 * reason is kept.
 */
import { isUnknownCaller } from '../src/domain/events.ts';
import { headerlessLayout, type CdrLayout } from './formats/asterisk-cdr-csv/layout.ts';
import { CALLER_DATA } from './formats/asterisk-queue-log/event.ts';
import { hasIdColumn } from './formats/asterisk-queue-log/realtime-csv.ts';
import { splitCsvSpans, type CsvSpan } from './formats/csv.ts';
import type { CallerHasher } from './formats/types.ts';
import { MAX_REJECT_RAW_CHARS } from '../src/server/queries/rejects.ts';

export interface RejectText {
  raw: string;
  reason: string;
  /** The reject's format: asterisk-queue-log, asterisk-cdr-csv, kezek-ndjson, kezek-csv (else: the general rule). */
  format: string;
  /** The names of the CSV columns of the reject's file, when its header has been read. */
  columns?: readonly string[] | null;
}

/** The marker that stands for a caller in a reject's raw text. */
export function callerMarker(hashCaller: CallerHasher | null, value: string): string {
  const hash = hashCaller?.(value) ?? '';
  return hash === '' ? '[caller]' : `[caller:${hash}]`;
}

/**
 * The raw text and reason of a reject with caller numbers replaced by markers (see the module
 * comment). A reject keeps MAX_REJECT_RAW_CHARS of its raw text: only those and a margin (a
 * number cut at the limit is still whole) are read, so a 1 MiB line costs no more than a short one.
 */
export function redactReject(reject: RejectText, hashCaller: CallerHasher | null): { raw: string; reason: string } {
  const r = new Redactor(hashCaller);
  const text =
    reject.raw.length > MAX_REJECT_RAW_CHARS + 64 ? reject.raw.slice(0, MAX_REJECT_RAW_CHARS + 64) : reject.raw;
  const columns = reject.columns ?? null;
  const raw =
    reject.format === 'asterisk-queue-log'
      ? r.queueLog(text)
      : reject.format === 'asterisk-cdr-csv'
        ? r.cdr(text, columns)
        : reject.format === 'kezek-ndjson'
          ? r.ndjson(text)
          : reject.format === 'kezek-csv'
            ? r.kezekCsv(text, columns)
            : r.loose(text);
  return { raw, reason: r.reason(reject.reason) };
}

/** The column names of a CDR header layout, by index ('' for columns it does not use). */
export function cdrLayoutColumns(layout: CdrLayout): string[] {
  const names: string[] = [];
  for (const [name, index] of Object.entries(layout)) if (index >= 0) names[index] = name;
  return Array.from(names, (name) => name ?? '');
}

const LONG_NUMBER = /\+?\d{7,}/g;
/** What the queue_log parser reads as the epoch (`epochMsAt`). */
const LEADING_EPOCH = /^\d{1,12}(?:\.\d{1,6})?$/;
/** A digit run with the separators a written phone number may hold (checked by `isWrittenPhone`). */
const DIGITS_AND_SEPARATORS = /\+?\(?\d[\d() \u00a0-]*\d/g;
/** 2–6 groups of 1–4 digits (1–5 in parentheses), one separator between them (none next to a parenthesis needed). */
const PHONE_SHAPE =
  /^\+?(?:\(\d{1,5}\)|\d{1,4})(?:(?:[ \u00a0-]|(?<=\))|[ \u00a0-]?(?=\())(?:\(\d{1,5}\)|\d{1,4})){1,5}$/;
const DATE_START = /^\d{4}-\d\d-\d\d(?!\d)/;
const CALLER_KEY = /"caller"\s*:\s*/g;
const CALLER_IN_CLID = /<([^>]*)>/;
const CLOSED_STRING = /^"(?:[^"\\]|\\[^])*"$/u;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** True for a long digit run that is no phone number or IIN (see the module comment). */
function keptNumber(text: string, run: string, at: number): boolean {
  if (run[0] === '+') return false;
  const end = at + run.length;
  if ((text[at - 1] === '.' && isDigit(text[at - 2])) || (text[end] === '.' && isDigit(text[end + 1]))) return true;
  if ((run.length === 10 || run.length === 13) && run[0] === '1') return true;
  if (run.length === 8 && run[0] === '0' && text[at - 1] === '-') return true;
  let start = at;
  let stop = end;
  while (stop - start <= 32 && isHex(text[start - 1])) start--;
  while (stop - start <= 32 && isHex(text[stop])) stop++;
  return stop - start === 32;
}

/** True for a number written with separators that has a phone number's shape (see the module comment). */
function isWrittenPhone(text: string, run: string, at: number): boolean {
  if (!/[() \u00a0-]/.test(run) || !PHONE_SHAPE.test(run) || DATE_START.test(run)) return false;
  const digits = run.replace(/\D/g, '').length;
  if (digits < (run[0] === '+' ? 7 : 10) || digits > 15) return false;
  const end = at + run.length;
  const intoTimeOrDecimal = text[end] === ':' || (text[end] === '.' && isDigit(text[end + 1]));
  const afterTimeOrDecimal = (text[at - 1] === ':' || text[at - 1] === '.') && isDigit(text[at - 2]);
  return !intoTimeOrDecimal && !afterTimeOrDecimal;
}

/** Where the JSON value starting at `start` ends: a string, a bracketed value, else at `,` `}` `]` (or the end). */
function jsonValueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i) - 1;
      if (depth === 0) return i + 1;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (depth === 0) return trimmedEnd(text, start, i);
      if (--depth === 0) return i + 1;
    } else if (c === ',' && depth === 0) return trimmedEnd(text, start, i);
  }
  return trimmedEnd(text, start, text.length);
}

/** The index after the JSON string opening at `quote` (the text's end when it is not closed). */
function stringEnd(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

class Redactor {
  /** Values of 7 or more digits replaced so far, with their markers (to be replaced in the reason too). */
  private readonly replaced = new Map<string, string>();

  constructor(private readonly hashCaller: CallerHasher | null) {}

  /** The general rule on a piece of text. */
  loose(text: string): string {
    return text.replace(DIGITS_AND_SEPARATORS, (run: string, at: number) =>
      isWrittenPhone(text, run, at)
        ? this.mark(run)
        : run.replace(LONG_NUMBER, (digits: string, i: number) =>
            keptNumber(text, digits, at + i) ? digits : this.mark(digits),
          ),
    );
  }

  /** A value in a caller's position: its marker, or null for an unknown caller (kept). */
  private caller(value: string): string | null {
    return isUnknownCaller(value) ? null : this.mark(value);
  }

  private mark(value: string): string {
    const marker = callerMarker(this.hashCaller, value);
    if (value.replace(/\D/g, '').length >= 7) this.replaced.set(value, marker);
    return marker;
  }

  /** The reason of a reject: the values replaced in its raw text, and numbers in the values it quotes. */
  reason(text: string): string {
    let out = text;
    for (const value of [...this.replaced.keys()].sort((a, b) => b.length - a.length)) {
      out = out.split(value).join(this.replaced.get(value)!);
    }
    return out.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) => this.loose(quoted));
  }

  queueLog(text: string): string {
    const bar = text.indexOf('|');
    const comma = text.indexOf(',');
    const pipeForm = (bar > 0 && /^\d+(?:\.\d+)?$/.test(text.slice(0, bar))) || comma < 0 || (bar >= 0 && bar < comma);
    if (!pipeForm) {
      const spans = splitCsvSpans(text);
      if (spans) return this.realtimeQueueLog(text, spans);
    }
    const fields = text.split('|');
    const enterQueue = fields.length > 6 && fields[4].toUpperCase() === 'ENTERQUEUE';
    return fields
      .map((field, i) => {
        if (i === 0 && fields.length > 1 && LEADING_EPOCH.test(field)) return field;
        if (enterQueue && CALLER_DATA.includes(i - 5)) return this.caller(field) ?? field;
        return this.loose(field);
      })
      .join('|');
  }

  /** `[id,] time, callid, queuename, agent, event, data…` (data columns may hold `|`-separated fields). */
  private realtimeQueueLog(text: string, spans: CsvSpan[]): string {
    const first = hasIdColumn(spans.map((s) => s.value)) ? 1 : 0;
    const enterQueue = spans.length > first + 4 && spans[first + 4].value.trim().toUpperCase() === 'ENTERQUEUE';
    let dataIndex = 0;
    return spliceSpans(text, spans, (span, i) => {
      if (i < first) return null; // the row id
      if (i === first && LEADING_EPOCH.test(span.value.trim())) return null; // an epoch time, not a number
      if (i < first + 5 || !enterQueue) return this.loose(rawOf(text, span));
      const parts = span.value.split('|');
      const markers = parts.map((p, k) => (CALLER_DATA.includes(dataIndex + k) ? this.caller(p) : null));
      dataIndex += parts.length;
      if (markers.every((m) => m === null)) return this.loose(rawOf(text, span));
      if (parts.length === 1) return span.quoted ? `"${markers[0]}"` : markers[0];
      return quoteLike(span, parts.map((p, k) => markers[k] ?? this.loose(p)).join('|'));
    });
  }

  cdr(text: string, columns: readonly string[] | null): string {
    const spans = splitCsvSpans(text);
    if (spans === null) return this.loose(text);
    const values = spans.map((s) => s.value);
    const layout = columns?.length === spans.length ? null : headerlessLayout(values);
    const names = columns?.length === spans.length ? columns : layout ? cdrLayoutColumns(layout) : [];
    return spliceSpans(text, spans, (span, i) => {
      const name = names[i];
      if (name === 'src' || name === 'dst' || name === 'clid') {
        const trimmed = span.value.trim();
        const inClid = name === 'clid' ? CALLER_IN_CLID.exec(trimmed) : null;
        const marker = this.caller(inClid ? inClid[1] : trimmed);
        if (marker !== null) return span.quoted ? `"${marker}"` : marker;
      }
      return this.loose(rawOf(text, span));
    });
  }

  kezekCsv(text: string, columns: readonly string[] | null): string {
    const spans = splitCsvSpans(text);
    if (spans === null) return this.loose(text);
    const callerColumn = columns ? columns.indexOf('caller') : -1;
    return spliceSpans(text, spans, (span, i) => {
      const marker = i === callerColumn && span.value !== '' ? this.caller(span.value) : null;
      if (marker !== null) return span.quoted ? `"${marker}"` : marker;
      return this.loose(rawOf(text, span));
    });
  }

  /** A JSON line: the value after each `"caller":` (found in the text, so broken JSON too), the rest by the general rule. */
  ndjson(text: string): string {
    let out = '';
    let at = 0;
    for (const key of text.matchAll(CALLER_KEY)) {
      const start = key.index + key[0].length;
      if (key.index < at || start >= text.length) continue; // inside a value replaced already
      const end = jsonValueEnd(text, start);
      out += this.loose(text.slice(at, start)) + this.jsonCaller(text.slice(start, end));
      at = end;
    }
    return out + this.loose(text.slice(at));
  }

  /** The JSON text of a caller value, replaced by a marker written as a JSON string (see the module comment). */
  private jsonCaller(value: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      // Broken: an unclosed string keeps its open quote; anything else goes by its text.
      if (value[0] === '"') {
        const marker = this.caller(jsonString(value));
        return marker === null ? value : `"${marker}${CLOSED_STRING.test(value) ? '"' : ''}`;
      }
      return `"${this.mark(value)}"`;
    }
    if (parsed === null || typeof parsed === 'boolean') return value;
    if (typeof parsed !== 'string' && typeof parsed !== 'number') return `"${this.mark(value)}"`;
    const marker = this.caller(String(parsed));
    return marker === null ? this.loose(value) : `"${marker}"`;
  }
}

/** The value of a JSON string token (its inner text when it does not parse: unterminated). */
function jsonString(token: string): string {
  try {
    return String(JSON.parse(token));
  } catch {
    return token.slice(1, CLOSED_STRING.test(token) ? -1 : undefined);
  }
}

function rawOf(text: string, span: CsvSpan): string {
  return text.slice(span.start, span.end);
}

function quoteLike(span: CsvSpan, value: string): string {
  return span.quoted || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The text with each span replaced by what `replace` returns (null: kept). */
function spliceSpans(text: string, spans: CsvSpan[], replace: (span: CsvSpan, index: number) => string | null): string {
  let out = '';
  let at = 0;
  spans.forEach((span, i) => {
    const next = replace(span, i);
    if (next === null) return;
    out += text.slice(at, span.start) + next;
    at = span.end;
  });
  return out + text.slice(at);
}
