/**
 * kezek's own formats (DESIGN §4): NDJSON (one JSON object a line) or CSV with a header row, for
 * the event kinds calls, ratings, agent-events and agents. Unknown fields are ignored.
 */
import { AGENT_STATES, CHANNELS, type AgentState, type Channel, type EventKind } from '../../src/domain/events.ts';
import { visitWaitSeconds } from '../../src/domain/events.ts';
import { splitCsvRecord } from './csv.ts';
import { parseInstant } from './time.ts';
import type { CallerHasher, LineOutcome, ParsedRecord, QueueMap } from './types.ts';

export interface NativeParseOptions {
  hashCaller: CallerHasher;
  queues: QueueMap;
}

type Fields = Record<string, unknown>;

const DAY_S = 86_400;
/** The longest wait taken: a reply to an e-mail may come days later. */
const WEEK_S = 7 * DAY_S;
const WEEK_H = 168;

/** A field is invalid: the message names it. */
class FieldError extends Error {}

/**
 * A value as a message quotes it. A number of 7 digits or more goes in quotes, like text: a
 * caller's number in a number field (`"score": "+77019991013"`) must reach the reject's
 * redaction, which replaces numbers in quoted values (redact-reject.ts) — not show as 77019991013.
 */
function shown(value: unknown): string {
  return typeof value === 'number' && /\d{7}/.test(String(value))
    ? JSON.stringify(String(value))
    : JSON.stringify(value);
}

/** Reads typed fields from a parsed row; empty strings (CSV) count as missing. */
class FieldReader {
  constructor(private readonly fields: Fields) {}

  private raw(name: string): unknown {
    const v = this.fields[name];
    return v === '' ? undefined : v;
  }

  has(name: string): boolean {
    const v = this.raw(name);
    return v !== undefined && v !== null;
  }

  string(name: string, required = false): string {
    const v = this.raw(name);
    if (v === undefined || v === null) {
      if (required) throw new FieldError(`field ${name}: required`);
      return '';
    }
    if (typeof v !== 'string' && typeof v !== 'number') throw new FieldError(`field ${name}: expected a string`);
    const s = String(v).trim();
    if (required && s === '') throw new FieldError(`field ${name}: required`);
    if (s.length > 1024) throw new FieldError(`field ${name}: longer than 1024 characters`);
    // What invalid UTF-8 decodes to: two call ids that differ only in their bad bytes would be one.
    if (s.includes('\ufffd')) throw new FieldError(`field ${name}: binary data (invalid UTF-8)`);
    return s;
  }

  /** A string as given (not trimmed): callers are compared as given (DESIGN §5). */
  verbatim(name: string): string {
    const v = this.raw(name);
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string' && typeof v !== 'number') throw new FieldError(`field ${name}: expected a string`);
    return String(v);
  }

  instant(name: string, required: true): number;
  instant(name: string, required?: false): number | null;
  instant(name: string, required = false): number | null {
    const v = this.raw(name);
    if (v === undefined || v === null) {
      if (required) throw new FieldError(`field ${name}: required`);
      return null;
    }
    const ms = parseInstant(v);
    if (typeof ms === 'string') throw new FieldError(`field ${name}: ${ms}`);
    return ms;
  }

  /** A number ≥ 0, null when missing; else the message says what was `expected` (`seconds ≥ 0`). */
  nonNegative(name: string, expected: string): number | null {
    const v = this.raw(name);
    if (v === undefined || v === null) return null;
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isFinite(n) || n < 0) throw new FieldError(`field ${name}: expected ${expected}, got ${shown(v)}`);
    return n;
  }

  /** Seconds ≥ 0 (0 when missing), at most `max`. */
  seconds(name: string, max: number): number {
    const n = this.nonNegative(name, 'seconds ≥ 0') ?? 0;
    if (n > max) throw new FieldError(`field ${name}: expected at most ${max} seconds, got ${shown(n)}`);
    return n;
  }

  /** Hours ≥ 0 (null when missing), at most `max`. */
  hours(name: string, max: number): number | null {
    const n = this.nonNegative(name, 'hours ≥ 0');
    if (n !== null && n > max) throw new FieldError(`field ${name}: expected at most ${max} hours, got ${shown(n)}`);
    return n;
  }

  bool(name: string): boolean {
    const v = this.raw(name);
    if (v === undefined || v === null) return false;
    if (v === true || v === 1 || v === '1' || v === 'true' || v === 'TRUE' || v === 'True') return true;
    if (v === false || v === 0 || v === '0' || v === 'false' || v === 'FALSE' || v === 'False') return false;
    throw new FieldError(`field ${name}: expected true or false, got ${shown(v)}`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const s = this.string(name, fallback === undefined);
    if (s === '' && fallback !== undefined) return fallback;
    if (!(allowed as readonly string[]).includes(s)) {
      throw new FieldError(`field ${name}: expected one of ${allowed.join('|')}, got ${shown(s)}`);
    }
    return s as T;
  }

  list(name: string): string[] {
    const v = this.raw(name);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v.map((x) => String(x).trim()).filter(Boolean);
    if (typeof v !== 'string') throw new FieldError(`field ${name}: expected a list`);
    return v.split(/[;,|\s]+/).filter(Boolean);
  }

  localDate(name: string): string {
    const s = this.string(name);
    if (s === '') return '';
    // Date.parse rolls impossible days over (2024-02-30 → 03-01): the date must read back unchanged.
    const ms = Date.parse(`${s}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== s) {
      throw new FieldError(`field ${name}: expected a date YYYY-MM-DD, got ${shown(s)}`);
    }
    return s;
  }
}

function callRecord(f: FieldReader, opts: NativeParseOptions): ParsedRecord {
  const queue = f.string('queue', true);
  const enteredAtMs = f.instant('entered_at', true);
  const answeredAtMs = f.instant('answered_at');
  const endedAtMs = f.instant('ended_at', true);
  if (endedAtMs < enteredAtMs) throw new FieldError('field ended_at: before entered_at');
  if (answeredAtMs !== null && (answeredAtMs < enteredAtMs || answeredAtMs > endedAtMs)) {
    throw new FieldError('field answered_at: not between entered_at and ended_at');
  }
  const visit = f.nonNegative('visit', 'an integer 0–65535') ?? 0;
  if (!Number.isInteger(visit) || visit > 65535) {
    throw new FieldError(`field visit: expected an integer 0–65535, got ${shown(visit)}`);
  }
  // A wait of over a week, or a talk, hold or wrap-up of over a day, is a unit or field mix-up:
  // stored, it would swamp the averages of its queue, day and operator (and the month's pay). A
  // given wait is not checked against the visit's times: sources such as Asterisk report their own
  // (QA: exports of queue_log data were refused).
  const mapped = opts.queues[queue] ?? {};
  const callerHash = f.has('caller_hash') ? f.string('caller_hash') : opts.hashCaller(f.verbatim('caller'));
  return {
    kind: 'calls',
    row: {
      callId: f.string('call_id', true),
      queue,
      ...(visit > 0 ? { visit } : {}),
      channel: f.oneOf<Channel>('channel', CHANNELS, 'voice'),
      language: f.string('language') || mapped.language || '',
      site: f.string('site') || mapped.site || '',
      callerHash,
      enteredAtMs,
      answeredAtMs,
      endedAtMs,
      // wait_s is optional: sources such as Asterisk report their own wait (kept through export).
      waitSeconds: f.has('wait_s')
        ? f.seconds('wait_s', WEEK_S)
        : visitWaitSeconds(enteredAtMs, answeredAtMs, endedAtMs),
      agentId: f.string('agent_id'),
      talkSeconds: f.seconds('talk_s', DAY_S),
      holdSeconds: f.seconds('hold_s', DAY_S),
      wrapSeconds: f.seconds('wrap_s', DAY_S),
      transferred: f.bool('transferred'),
      callback: f.bool('callback'),
      selfService: f.bool('self_service'),
      topic: f.string('topic'),
    },
  };
}

function ratingRecord(f: FieldReader): ParsedRecord {
  const expected = 'an integer 1–5';
  const score = f.nonNegative('score', expected);
  if (score === null) throw new FieldError('field score: required');
  if (!Number.isInteger(score) || score < 1 || score > 5) {
    throw new FieldError(`field score: expected ${expected}, got ${shown(score)}`);
  }
  return {
    kind: 'ratings',
    row: {
      callId: f.string('call_id', true),
      score,
      ratedAtMs: f.instant('rated_at', true),
      agentId: f.string('agent_id'),
    },
  };
}

function agentEventRecord(f: FieldReader): ParsedRecord {
  return {
    kind: 'agent-events',
    row: {
      agentId: f.string('agent_id', true),
      atMs: f.instant('at', true),
      state: f.oneOf<AgentState>('state', AGENT_STATES),
      reason: f.string('reason'),
    },
  };
}

function agentRecord(f: FieldReader): ParsedRecord {
  return {
    kind: 'agents',
    row: {
      agentId: f.string('agent_id', true),
      name: f.string('name'),
      site: f.string('site'),
      department: f.string('department'),
      languages: f.list('languages'),
      contractHoursWeek: f.hours('contract_hours_week', WEEK_H),
      hiredAt: f.localDate('hired_at'),
    },
  };
}

/** Turns one row's fields into a record of `kind`, or says why it cannot. */
export function recordFromFields(kind: EventKind, fields: Fields, opts: NativeParseOptions): LineOutcome {
  const f = new FieldReader(fields);
  try {
    const record =
      kind === 'calls'
        ? callRecord(f, opts)
        : kind === 'ratings'
          ? ratingRecord(f)
          : kind === 'agent-events'
            ? agentEventRecord(f)
            : agentRecord(f);
    return { ok: true, records: [record] };
  } catch (err) {
    if (err instanceof FieldError) return { ok: false, reason: err.message };
    throw err;
  }
}

/** Parses one NDJSON line. Blank lines are not passed here (the reader skips them). */
export function parseNdjsonLine(kind: EventKind, text: string, opts: NativeParseOptions): LineOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'expected a JSON object' };
  }
  return recordFromFields(kind, value as Fields, opts);
}

/** A CSV file of a kind: the first record is the header. */
export class NativeCsvParser {
  private header: string[] | null = null;

  constructor(
    private readonly kind: EventKind,
    private readonly opts: NativeParseOptions,
  ) {}

  /** The header row yields no records; a row with a wrong field count is rejected. */
  record(text: string): LineOutcome {
    const cells = splitCsvRecord(text);
    if (cells === null) return { ok: false, reason: 'unbalanced quotes' };
    if (this.header === null) {
      this.header = cells.map((c) => c.trim());
      if (!this.header.includes(REQUIRED_COLUMN[this.kind])) {
        this.header = null;
        return { ok: false, reason: `expected a header row naming the columns (e.g. ${REQUIRED_COLUMN[this.kind]})` };
      }
      return { ok: true, records: [] };
    }
    if (cells.length !== this.header.length) {
      return { ok: false, reason: `expected ${this.header.length} fields as in the header, got ${cells.length}` };
    }
    const fields: Fields = {};
    for (let i = 0; i < cells.length; i++) fields[this.header[i]] = cells[i];
    return recordFromFields(this.kind, fields, this.opts);
  }
}

const REQUIRED_COLUMN: Record<EventKind, string> = {
  calls: 'call_id',
  ratings: 'call_id',
  'agent-events': 'agent_id',
  agents: 'agent_id',
};
