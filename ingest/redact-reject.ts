/**
 * A rejected line keeps its raw text (DESIGN §4), but caller numbers and IINs are personal data
 * that is stored only as a salted hash (DESIGN §10). `redactReject` replaces them in the raw
 * text by `[caller:HASH]`, HASH being what the caller hasher gives for the value (the very hash
 * a stored call of that caller carries, so a supervisor can still match it); `[caller]` when no
 * hasher is known. The rest of the line is left byte for byte as read.
 *
 * Where the format says where the caller is, that value is replaced whole, whatever it looks
 * like (an unknown caller — blank, `anonymous`, … — is kept):
 * - asterisk-queue-log: data2 of ENTERQUEUE (file form `epoch|callid|queue|agent|ENTERQUEUE|url|caller|…`,
 *   and the realtime CSV form);
 * - asterisk-cdr-csv: src and dst (trimmed, as the CDR pipeline hashes them) and clid (the number
 *   in its `<…>`, else the whole value; a name in clid goes with it), by the header's columns
 *   when the file has a header and the row as many columns, else by the Master.csv layout of the
 *   row's column count (16–21);
 * - kezek-ndjson: the `caller` key; kezek-csv: the `caller` column when the row has as many columns
 *   as the header (the value as given, untrimmed, as the parser hashes it).
 *
 * Everything else — the other fields, and whole lines that do not split — goes through a
 * conservative rule that knows no positions (so a row whose columns have shifted leaks nothing):
 * a run of 7 or more digits, with an optional leading `+`, is replaced by the marker of its hash.
 * Kept, since they are no phone number or IIN: runs without `+` that are part of a dotted number
 * (`1730000000.123`: Asterisk ids, fractional epochs), have the shape of an epoch (10 or 13 digits
 * starting with 1: seconds or milliseconds of 2001–2033), are an Asterisk channel sequence (`-` and
 * 8 digits starting with 0: `PJSIP/trunk-00000001`), or lie in a 32-hex-digit token (a caller
 * hash); a queue_log line's leading epoch of at most 10 digits; a realtime queue_log row's id column.
 * Numbers written with separators (`+7 701 123-45-67`) are only recognised in the caller's position.
 *
 * A reason may quote a field of the line (`impossible time 77011234567: …`, `start field is not a
 * date-time: "…"`): every value of 7 or more digits replaced in the raw text is replaced in the
 * reason too, and quoted values go through the general rule; the rest of the reason is kept.
 */
import { isUnknownCaller } from '../src/domain/events.ts';
import { headerlessLayout, type CdrLayout } from './formats/asterisk-cdr-csv/layout.ts';
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
const LEADING_EPOCH = /^\d{1,10}(?:\.\d{1,6})?$/;
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

/** One field of a CSV record: its text in the record (quotes included) and its value. */

class Redactor {
  /** Values of 7 or more digits replaced so far, with their markers (to be replaced in the reason too). */
  private readonly replaced = new Map<string, string>();

  constructor(private readonly hashCaller: CallerHasher | null) {}

  /** The general rule on a piece of text. */
  loose(text: string): string {
    return text.replace(LONG_NUMBER, (run: string, at: number) => (keptNumber(text, run, at) ? run : this.mark(run)));
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
        if (i === 0 && LEADING_EPOCH.test(field)) return field;
        if (i === 6 && enterQueue) return this.caller(field) ?? field;
        return this.loose(field);
      })
      .join('|');
  }

  /** `[id,] time, callid, queuename, agent, event, data…` (data columns may hold `|`-separated fields). */
  private realtimeQueueLog(text: string, spans: CsvSpan[]): string {
    const first =
      spans.length > 1 && /^\d+$/.test(spans[0].value) && /^\d{4}-\d\d-\d\d[ T]/.test(spans[1].value) ? 1 : 0;
    const enterQueue = spans.length > first + 4 && spans[first + 4].value.trim().toUpperCase() === 'ENTERQUEUE';
    let dataIndex = 0;
    return spliceSpans(text, spans, (span, i) => {
      if (i < first) return null; // the row id
      if (i < first + 5 || !enterQueue) return this.loose(rawOf(text, span));
      const parts = span.value.split('|');
      const callerPart = 1 - dataIndex;
      dataIndex += parts.length;
      const marker = callerPart >= 0 && callerPart < parts.length ? this.caller(parts[callerPart]) : null;
      if (marker === null) return this.loose(rawOf(text, span));
      if (parts.length === 1) return span.quoted ? `"${marker}"` : marker;
      return quoteLike(span, parts.map((p, k) => (k === callerPart ? marker : this.loose(p))).join('|'));
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
    const callerColumn = columns?.length === spans.length ? columns.indexOf('caller') : -1;
    return spliceSpans(text, spans, (span, i) => {
      const marker = i === callerColumn && span.value !== '' ? this.caller(span.value) : null;
      if (marker !== null) return span.quoted ? `"${marker}"` : marker;
      return this.loose(rawOf(text, span));
    });
  }

  /** A JSON object line, read token by token so that broken JSON is redacted as well. */
  ndjson(text: string): string {
    const token =
      /("(?:[^"\\]|\\[^])*(?:"|$))|([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([\p{L}_][\p{L}\p{N}_]*)|(\s+)|([^])/uy;
    let out = '';
    let pendingKey: string | null = null; // a key read, its ':' not yet
    let key: string | null = null; // the key whose value comes next
    for (let m = token.exec(text); m !== null; m = token.exec(text)) {
      const [t, str, num, , space, other] = m;
      if (space !== undefined) {
        out += t;
        continue;
      }
      if (other !== undefined) {
        key = other === ':' && pendingKey !== null ? pendingKey : null;
        pendingKey = null;
        out += t;
        continue;
      }
      if (str !== undefined && key === null && /^\s*:/.test(text.slice(token.lastIndex, token.lastIndex + 64))) {
        pendingKey = jsonString(t);
        out += this.loose(t);
        continue;
      }
      const name = key;
      key = pendingKey = null;
      const marker =
        name === 'caller' && (str !== undefined || num !== undefined)
          ? this.caller(str !== undefined ? jsonString(t) : jsonNumberText(t))
          : null;
      if (marker !== null) out += `"${marker}${num !== undefined || CLOSED_STRING.test(t) ? '"' : ''}`;
      else out += this.loose(t);
    }
    return out;
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

/** A JSON number as the parser turns it into a caller (String of the number); as written when not JSON. */
function jsonNumberText(token: string): string {
  try {
    return String(JSON.parse(token));
  } catch {
    return token;
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
