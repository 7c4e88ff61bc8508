/**
 * Parses one CDR CSV record (a physical line, or several joined by `CsvRecordJoiner` when a
 * quoted field holds a newline) into a typed CdrRow, or says why it is malformed. Every
 * well-formed row is accepted (DESIGN §5); a row whose layout is not recognised is refused with
 * the columns expected, flagged `unknownLayout` so a caller may stop reading that file.
 *
 * The parser is stateful only through `layout`, set by a header row; persist it with a file's
 * checkpoint (it is plain data) and pass it to the constructor to resume mid-file.
 */
import { splitCsvRecord } from '../csv.ts';
import type { SourceLine } from '../types.ts';
import { CDR_FIELDS, EXPECTED_COLUMNS, headerLayout, headerlessLayout, isHeaderRow, type CdrLayout } from './layout.ts';
import { parseWallClock } from './local-time.ts';

/** One CDR row (one leg or pairing of a call), times as epoch ms. */
export interface CdrRow {
  /** Grouping key of its call: linkedid, else uniqueid, else `channel@start-epoch` (16 columns). */
  callKey: string;
  accountcode: string;
  src: string;
  dst: string;
  dcontext: string;
  clid: string;
  channel: string;
  dstchannel: string;
  lastapp: string;
  lastdata: string;
  startMs: number;
  answerMs: number | null;
  endMs: number;
  durationSeconds: number;
  billSeconds: number;
  /** Upper-cased: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION, CANCEL, or what the PBX wrote. */
  disposition: string;
  uniqueid: string;
  linkedid: string;
  userfield: string;
  /** The record as read: identical rows count once. */
  raw: string;
}

export interface CdrParseOptions {
  /** "Now", epoch ms: a time more than a day after it is impossible. */
  nowMs: number;
  /** Zone of times without an offset: 'UTC' (default; cdr.conf.sample's usegmtime) or an IANA name. */
  timeZone?: string;
  /** Longer records are rejected (default 64 KiB). */
  maxRecordLength?: number;
}

export type CdrParse =
  | { ok: true; row: CdrRow }
  | { ok: true; row: null; skipped: 'blank line' | 'header row' }
  | { ok: false; reason: string; unknownLayout?: true };

const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
/** What invalid UTF-8 decodes to. */
const REPLACEMENT = '\ufffd';
const WHOLE = /^\d{1,12}$/;
const MIN_TIME_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

class RowError extends Error {}

export class CdrParser {
  /** The header layout in force, or null (header-less Master.csv, recognised row by row). */
  layout: CdrLayout | null;
  private headerColumns: number;

  constructor(
    private readonly opts: CdrParseOptions,
    layout: CdrLayout | null = null,
  ) {
    this.layout = layout;
    this.headerColumns = layout ? Math.max(...Object.values(layout)) + 1 : 0;
  }

  parse(line: SourceLine): CdrParse {
    let text = line.text;
    if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
    const max = this.opts.maxRecordLength ?? 64 * 1024;
    if (text.length > max)
      return { ok: false, reason: `record is ${text.length} characters long, over the limit of ${max}` };
    if (text.trim() === '') return { ok: true, row: null, skipped: 'blank line' };
    const bad = CONTROL.exec(text);
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
      return { ok: false, reason: `binary data: control character U+${code} at column ${bad.index + 1}` };
    }
    const fields = splitCsvRecord(text);
    if (fields === null) return { ok: false, reason: 'unbalanced quotes in the CSV record' };
    if (isHeaderRow(fields)) {
      const layout = headerLayout(fields);
      if (typeof layout === 'string') return { ok: false, reason: layout, unknownLayout: true };
      this.layout = layout;
      this.headerColumns = fields.length;
      return { ok: true, row: null, skipped: 'header row' };
    }
    let layout = this.layout;
    if (layout !== null && fields.length < this.headerColumns) {
      return { ok: false, reason: `row has ${fields.length} columns, the header has ${this.headerColumns}` };
    }
    layout ??= headerlessLayout(fields);
    if (layout === null) {
      return {
        ok: false,
        reason: `unrecognised CDR layout: ${fields.length} columns; ${EXPECTED_COLUMNS}`,
        unknownLayout: true,
      };
    }
    // Invalid UTF-8 is garbage, except in clid, which holds the caller's name (a PBX may send it
    // in Windows-1251) and is never stored.
    const invalid = fields.findIndex((f, i) => i !== layout.clid && f.includes(REPLACEMENT));
    if (invalid >= 0) {
      const name = CDR_FIELDS.find((f) => layout[f] === invalid) ?? `column ${invalid + 1}`;
      return { ok: false, reason: `binary data: invalid UTF-8 in the ${name} field` };
    }
    try {
      return { ok: true, row: this.row(fields, layout, text) };
    } catch (e) {
      if (e instanceof RowError) return { ok: false, reason: e.message };
      throw e;
    }
  }

  private row(fields: string[], layout: CdrLayout, raw: string): CdrRow {
    const get = (name: keyof CdrLayout) => (layout[name] < 0 ? '' : (fields[layout[name]] ?? '').trim());
    const timeZone = this.opts.timeZone ?? 'UTC';
    const time = (name: 'start' | 'answer' | 'end'): number | null => {
      const value = get(name);
      if (value === '') return null;
      const ms = parseWallClock(value, timeZone);
      if (ms === null) throw new RowError(`${name} field is not a date-time: ${JSON.stringify(value.slice(0, 40))}`);
      if (ms < MIN_TIME_MS) throw new RowError(`impossible ${name} time ${value}: before 2000`);
      if (ms > this.opts.nowMs + DAY_MS)
        throw new RowError(`impossible ${name} time ${value}: more than a day in the future`);
      return ms;
    };
    const seconds = (name: 'duration' | 'billsec'): number | null => {
      const value = get(name);
      if (value === '') return null;
      if (!WHOLE.test(value))
        throw new RowError(`${name} field is not a whole number of seconds: ${JSON.stringify(value.slice(0, 40))}`);
      return Number(value);
    };
    const startMs = time('start');
    if (startMs === null) throw new RowError('start field is empty');
    const billSeconds = seconds('billsec');
    if (billSeconds === null) throw new RowError('billsec field is empty');
    let duration = seconds('duration');
    let endMs = time('end');
    if (endMs === null) {
      if (duration === null) throw new RowError('end and duration fields are both empty');
      endMs = startMs + duration * 1000;
    }
    if (endMs < startMs) throw new RowError('end field is before start');
    duration ??= Math.round((endMs - startMs) / 1000);
    let answerMs = time('answer');
    if (layout.answer < 0 && billSeconds > 0) answerMs = endMs - billSeconds * 1000;
    const disposition = get('disposition').toUpperCase();
    if (disposition === '') throw new RowError('disposition field is empty');
    const uniqueid = get('uniqueid');
    const linkedid = get('linkedid');
    const channel = get('channel');
    return {
      callKey: linkedid || uniqueid || `${channel}@${startMs / 1000}`,
      accountcode: get('accountcode'),
      src: get('src'),
      dst: get('dst'),
      dcontext: get('dcontext'),
      clid: get('clid'),
      channel,
      dstchannel: get('dstchannel'),
      lastapp: get('lastapp'),
      lastdata: get('lastdata'),
      startMs,
      answerMs,
      endMs,
      durationSeconds: duration,
      billSeconds,
      disposition,
      uniqueid,
      linkedid,
      userfield: get('userfield'),
      raw,
    };
  }
}
