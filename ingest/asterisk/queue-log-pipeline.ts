/**
 * Asterisk queue_log lines → stored lines (`queue_log_event`: every well-formed line, identical
 * lines once) and, through the QueueLogAssembler, call visits and agent events (DESIGN §5).
 *
 * The caller id (ENTERQUEUE data2) is personal data: it is hashed before the line is stored or
 * held in the assembler, whose open visits are persisted in checkpoints (DESIGN §10).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { QueueLogEventBatch, rowsStoredIn, type QueueLogEventRow } from '../../src/server/queries/ingest-raw-rows.ts';
import { QueueLogAssembler, type QueueLogSnapshot } from '../formats/asterisk-queue-log/assembler.ts';
import { CALLER_DATA, type QueueLogEvent } from '../formats/asterisk-queue-log/event.ts';
import { parseQueueLogLine, type QueueLogParseOptions } from '../formats/asterisk-queue-log/parse-line.ts';
import type { CallerHasher } from '../formats/types.ts';
import { emptySummary, type EventWriter, type IngestSummary, type StoreStep } from '../event-writer.ts';
import { lineProblem, type LinePipeline } from '../pipeline.ts';
import type { RawLine } from '../read-lines.ts';
import { RowStore } from '../row-store.ts';
import { alreadyHashed, type AsteriskOptions } from './options.ts';

const PIPE_FORM = /^\d+(?:\.\d+)?\|/;

/** Where field `n` (0-based) of a file-form line starts (the line has that many fields). */
function fieldStart(raw: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) at = raw.indexOf('|', at) + 1;
  return at;
}

/**
 * The event with its caller's id and name hashed, in `data` and in `raw` (realtime CSV lines
 * become the file form).
 */
export function redactQueueLogEvent(event: QueueLogEvent, hashCaller: CallerHasher): QueueLogEvent {
  if (event.verb !== 'ENTERQUEUE') return event;
  const personal = CALLER_DATA.filter((i) => (event.data[i] ?? '') !== '');
  if (personal.length === 0) return event;
  const data = [...event.data];
  for (const i of personal) data[i] = hashCaller(data[i]);
  let raw: string;
  if (PIPE_FORM.test(event.raw)) {
    // In the file form each field is replaced in place (the last first, so that the places of the
    // others stay): the rest of the line stays byte for byte as read.
    raw = event.raw;
    for (const i of personal.reverse()) {
      const start = fieldStart(raw, 5 + i);
      const end = raw.indexOf('|', start);
      raw = raw.slice(0, start) + data[i] + (end < 0 ? '' : raw.slice(end));
    }
  } else {
    raw = [event.timeMs / 1000, event.callId, event.queue, event.agent, event.verb, ...data].join('|');
  }
  return { ...event, data, raw };
}

export class QueueLogPipeline implements LinePipeline {
  readonly rejectKind = 'queue-log';
  /** Visits and agent events derived (accepted = new ones stored). */
  readonly derived = emptySummary();
  private assembler: QueueLogAssembler;
  private readonly lines: RowStore<QueueLogEventRow>;
  /** Given to the parser with every line (one object, its `nowMs` renewed with every file and batch). */
  private readonly parseOptions: QueueLogParseOptions;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly events: EventWriter,
    private readonly opts: AsteriskOptions,
  ) {
    // Each line is encoded for its insert as it comes (QueueLogEventBatch).
    this.lines = new RowStore(() => new QueueLogEventBatch(client));
    this.assembler = this.newAssembler();
    this.parseOptions = { nowMs: Date.now(), timeZone: opts.timeZone };
    events.callerHasher = opts.hashCaller; // rejects keep callers as markers of their hash
  }

  beginFile(): void {
    this.parseOptions.nowMs = Date.now();
  }

  line(raw: RawLine, source: string, tally: IngestSummary): void {
    const problem = lineProblem(raw);
    const parsed = problem ? ({ ok: false, reason: problem } as const) : parseQueueLogLine(raw.text, this.parseOptions);
    if (parsed.ok && parsed.event === null) return; // a blank line or a realtime CSV header
    tally.read++;
    if (!parsed.ok) {
      const reject = {
        source,
        line: raw.line,
        format: 'asterisk-queue-log',
        kind: this.rejectKind,
        raw: raw.text,
        reason: parsed.reason,
      };
      this.events.pushReject(reject, tally);
      return;
    }
    const event = redactQueueLogEvent(parsed.event, this.opts.hashCaller);
    const row: QueueLogEventRow = {
      timeMs: event.timeMs,
      call_id: event.callId,
      queue: event.queue,
      agent: event.agent,
      event: event.verb,
      data: event.data,
      raw: event.raw,
      source,
      line: raw.line,
    };
    this.lines.push(row, tally);
    const records = this.assembler.add(event);
    if (records.length > 0) this.events.push(records, this.derived);
  }

  endFile(): void {}

  atBoundary(): boolean {
    return true;
  }

  size(): number {
    return this.lines.size;
  }

  seal(): StoreStep {
    this.parseOptions.nowMs = Date.now();
    return this.lines.seal();
  }

  state(): QueueLogSnapshot {
    return this.assembler.snapshot();
  }

  eventTimeReached(): number {
    return this.assembler.watermark;
  }

  rowsStoredIn(source: string, span: readonly [number, number], sinceMs: number): Promise<number> {
    return rowsStoredIn(this.client, 'queue_log_event', source, span, sinceMs);
  }

  restore(state: unknown): void {
    this.assembler = this.newAssembler();
    if (state) this.assembler.restore(state as QueueLogSnapshot);
  }

  private newAssembler(): QueueLogAssembler {
    return new QueueLogAssembler({ ...this.opts, hashCaller: alreadyHashed });
  }
}
