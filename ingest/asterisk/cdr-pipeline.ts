/**
 * Asterisk CDR CSV records → stored rows (`cdr_record`: every well-formed row, identical rows
 * once) and, through the CdrAssembler (grouped by linkedid), call visits of queues and direct
 * calls (DESIGN §5). Numbers (src, dst, clid) are hashed before a row is stored or held in the
 * assembler, whose state is persisted in checkpoints (DESIGN §10).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import {
  insertCdrRecords,
  rowsStoredIn,
  storedRawKeys,
  type CdrRecordRow,
} from '../../src/server/queries/ingest-raw-rows.ts';
import { insertDirectCalls, storedDirectCallIds } from '../../src/server/queries/cdr-direct-calls.ts';
import { deleteCalls } from '../../src/server/queries/replace-calls.ts';
import { CdrAssembler, type CdrSnapshot } from '../formats/asterisk-cdr-csv/assembler.ts';
import type { CdrRecord, DirectCall } from '../formats/asterisk-cdr-csv/call.ts';
import type { CdrLayout } from '../formats/asterisk-cdr-csv/layout.ts';
import { CdrParser, type CdrRow } from '../formats/asterisk-cdr-csv/parse-record.ts';
import { CsvRecordJoiner } from '../formats/csv.ts';
import { toClickHouseTime } from '../formats/time.ts';
import type { CallerHasher } from '../formats/types.ts';
import { emptySummary, type EventWriter, type IngestSummary, type StoreStep } from '../event-writer.ts';
import { lineProblem, type LinePipeline } from '../pipeline.ts';
import type { RawLine } from '../read-lines.ts';
import { cdrLayoutColumns } from '../redact-reject.ts';
import { arrayBatches, RowStore } from '../row-store.ts';
import { alreadyHashed, type AsteriskOptions } from './options.ts';

interface CdrState {
  layout: CdrLayout | null;
  assembler: CdrSnapshot;
}

const CALLER_IN_CLID = /<([^>]*)>/;
/**
 * A phone number in an application's arguments (`Dial(PJSIP/77771234567@trunk,60)`): 7 or more
 * digits, not part of a dotted id (1730000000.12) or a channel's `-0000001a` sequence.
 */
const NUMBER_IN_ARGS = /(?<![\w.-])\+?\d{7,}(?![\w.])/g;

/**
 * Lines a CDR record may span. Asterisk writes one per line; a field holding a line break (a
 * userfield) may take the next. A record cut short (the PBX died mid-write) has a quote that never
 * closes: it is given up at the next line, which is read on its own, instead of swallowing the
 * rest of the file into one rejected record (QA).
 */
const CDR_RECORD_MAX_LINES = 2;

/**
 * The row with its numbers hashed: src (or the number in clid), dst, the numbers in lastdata;
 * clid dropped; raw → its hash.
 */
export function redactCdrRow(row: CdrRow, hashCaller: CallerHasher): CdrRow {
  const caller = row.src !== '' ? row.src : (CALLER_IN_CLID.exec(row.clid)?.[1] ?? '');
  return {
    ...row,
    src: hashCaller(caller),
    dst: hashCaller(row.dst),
    clid: '',
    lastdata: row.lastdata.replace(NUMBER_IN_ARGS, (n) => hashCaller(n)),
    raw: hashCaller(row.raw) || row.raw,
  };
}

function cdrRecordRow(r: CdrRow, source: string, line: number): CdrRecordRow {
  return {
    call_key: r.callKey,
    start: toClickHouseTime(r.startMs),
    answer: r.answerMs === null ? null : toClickHouseTime(r.answerMs),
    end: toClickHouseTime(r.endMs),
    duration_s: r.durationSeconds,
    billsec_s: r.billSeconds,
    disposition: r.disposition,
    src_hash: r.src,
    dst_hash: r.dst,
    channel: r.channel,
    dstchannel: r.dstchannel,
    lastapp: r.lastapp,
    lastdata: r.lastdata,
    dcontext: r.dcontext,
    accountcode: r.accountcode,
    uniqueid: r.uniqueid,
    linkedid: r.linkedid,
    userfield: r.userfield,
    row_hash: r.raw,
    source,
    line,
  };
}

export class CdrPipeline implements LinePipeline {
  readonly rejectKind = 'cdr';
  /**
   * A call is stored 15 min (of event time) after its last leg: storing rows sooner gains the
   * dashboards nothing, and each commit writes the open and remembered calls (about 2 MB of
   * JSON at 100 calls a minute, a peak of line 1414).
   */
  readonly followCommitEveryMs = 10_000;
  readonly derived = emptySummary();
  private joiner = new CsvRecordJoiner(CDR_RECORD_MAX_LINES);
  private parser: CdrParser;
  private assembler: CdrAssembler;
  private readonly rows: RowStore<{ ms: number; row: CdrRecordRow }>;
  private readonly direct: RowStore<DirectCall>;
  /** Calls amended since the last seal: their stored direct-call rows are deleted before the batch's go in. */
  private replaced = new Set<string>();
  private open = false;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly events: EventWriter,
    private readonly opts: AsteriskOptions,
  ) {
    this.parser = this.newParser(null);
    this.assembler = new CdrAssembler({ ...opts, hashCaller: alreadyHashed });
    events.callerHasher = opts.hashCaller; // rejects keep callers as markers of their hash
    this.rows = new RowStore(
      arrayBatches({
        keyOf: (r) => r.row.row_hash,
        storedKeys: (rows) => storedRawKeys(client, 'cdr_record', rows, (r) => r.ms),
        insert: (rows) =>
          insertCdrRecords(
            client,
            rows.map((r) => r.row),
          ),
      }),
    );
    this.direct = new RowStore<DirectCall>(
      arrayBatches({
        keyOf: (c) => c.callId,
        storedKeys: (calls) =>
          storedDirectCallIds(
            client,
            calls.map((c) => c.callId),
          ),
        insert: (calls) => insertDirectCalls(client, calls, events.source),
      }),
    );
  }

  beginFile(): void {
    this.joiner = new CsvRecordJoiner(CDR_RECORD_MAX_LINES);
    this.parser = this.newParser(null);
    this.open = false;
  }

  line(raw: RawLine, source: string, tally: IngestSummary): void {
    if (raw.tooLong) return this.record(raw, source, tally);
    const records = this.joiner.push(raw.line, raw.text);
    this.open = records.length === 0;
    for (const record of records) this.record({ ...raw, ...record }, source, tally);
  }

  endFile(source: string, tally: IngestSummary, last: boolean): void {
    const open = this.joiner.flush();
    this.open = false;
    if (open) this.record({ ...open, tooLong: false }, source, tally);
    if (last) this.pause();
  }

  /** Open calls are stored as they stand: legs written after a restart amend them. */
  pause(): void {
    this.emit(this.assembler.flush());
  }

  atBoundary(): boolean {
    return !this.open;
  }

  size(): number {
    return this.rows.size + this.direct.size;
  }

  seal(): StoreStep {
    const rows = this.rows.seal();
    const direct = this.direct.seal();
    const replaced = [...this.replaced];
    this.replaced = new Set();
    return async () => {
      await rows();
      await deleteCalls(this.client, 'direct_call', replaced);
      await direct();
    };
  }

  state(): CdrState {
    return { layout: this.parser.layout, assembler: this.assembler.snapshot() };
  }

  eventTimeReached(): number {
    return this.assembler.watermark;
  }

  rowsStoredIn(source: string, span: readonly [number, number], sinceMs: number): Promise<number> {
    return rowsStoredIn(this.client, 'cdr_record', source, span, sinceMs);
  }

  restore(state: unknown): void {
    const s = state as CdrState | null;
    this.parser = this.newParser(s?.layout ?? null);
    this.assembler = new CdrAssembler({ ...this.opts, hashCaller: alreadyHashed });
    if (s?.assembler) this.assembler.restore(s.assembler);
  }

  private newParser(layout: CdrLayout | null): CdrParser {
    return new CdrParser({ nowMs: Date.now(), timeZone: this.opts.timeZone }, layout);
  }

  private record(raw: RawLine, source: string, tally: IngestSummary): void {
    const problem = lineProblem(raw);
    const parsed = problem
      ? ({ ok: false, reason: problem } as const)
      : this.parser.parse({ source, line: raw.line, text: raw.text });
    if (parsed.ok && parsed.row === null) return; // a blank line or a header row
    tally.read++;
    if (!parsed.ok) {
      const reject = {
        source,
        line: raw.line,
        format: 'asterisk-cdr-csv',
        kind: this.rejectKind,
        raw: raw.text,
        reason: parsed.reason,
        columns: this.parser.layout && cdrLayoutColumns(this.parser.layout),
      };
      this.events.pushReject(reject, tally);
      return;
    }
    const row = redactCdrRow(parsed.row, this.opts.hashCaller);
    this.rows.push({ ms: row.startMs, row: cdrRecordRow(row, source, raw.line) }, tally);
    this.emit(this.assembler.add(row));
  }

  /**
   * Buffers the records of complete calls. An amended call's records replace all that is stored
   * or buffered of it, as visits and as a direct call (it may have become either).
   */
  private emit(records: readonly CdrRecord[]): void {
    let replacing: string | null = null;
    for (const r of records) {
      const callId = r.kind === 'calls' || r.kind === 'direct-calls' ? r.row.callId : '';
      if (r.amends && callId !== replacing) {
        replacing = callId;
        this.events.replaceCall(callId);
        this.direct.withdraw((call) => call.callId === callId);
        this.replaced.add(callId);
      }
      if (r.kind === 'direct-calls') this.direct.push(r.row, this.derived);
      else this.events.push([r], this.derived);
    }
  }
}
