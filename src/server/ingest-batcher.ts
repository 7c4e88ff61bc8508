/**
 * The server process's one writer: every HTTP ingest request feeds the same buffers, stored
 * together when they hold MAX_BATCH_ROWS rows, after at most MAX_LINGER_MS, or as soon as every
 * open request waits for its acknowledgement (then waiting longer gains nothing). ClickHouse
 * takes ~170 single-row inserts/s but ~120,000 rows/s in 10,000-row batches (issue 3).
 *
 * A sender is acknowledged (`sync`) only after a commit that includes all its rows is stored;
 * a sender whose rows fill the buffer waits (`room`) for them to be stored before it reads more
 * of its body, so memory stays bounded however slow the database is.
 */
import type { EventKind } from '../domain/events.ts';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import { asteriskOptions, type AsteriskOptions } from '../../ingest/asterisk/options.ts';
import { QueueLogPipeline } from '../../ingest/asterisk/queue-log-pipeline.ts';
import { EventWriter, type IngestSummary } from '../../ingest/event-writer.ts';
import { IngestSession } from '../../ingest/ingest-session.ts';
import { NativePipeline } from '../../ingest/native-pipeline.ts';
import type { LinePipeline } from '../../ingest/pipeline.ts';
import type { RawLine } from '../../ingest/read-lines.ts';
import { serverContext, type ServerContext } from './context.ts';
import { callerSalt } from './queries/installation.ts';

export const MAX_BATCH_ROWS = 10_000;
export const MAX_LINGER_MS = 1000;
/** Checkpoint of the assembler fed by POST /api/ingest/queue-log. */
export const HTTP_QUEUE_LOG_STREAM = 'http:asterisk-queue-log';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {}); // a failure is reported to the senders that wait for it
  return { promise, resolve, reject };
}

export class IngestBatcher {
  private readonly events: EventWriter;
  private readonly session: IngestSession;
  private readonly native = new Map<EventKind, NativePipeline>();
  private readonly opts: AsteriskOptions;
  private batch = deferred();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queueLogTouched = false;
  private active = 0;
  private waiting = 0;

  constructor(ctx: ServerContext, salt: string) {
    this.events = new EventWriter(ctx.client, 'http', Infinity);
    const opts = (this.opts = asteriskOptions(ctx.config, createCallerHasher(salt)));
    const queueLog = new QueueLogPipeline(ctx.client, this.events, opts);
    this.session = new IngestSession(ctx.client, queueLog, this.events, HTTP_QUEUE_LOG_STREAM);
    for (const kind of ['calls', 'ratings', 'agent-events', 'agents'] as const) {
      this.native.set(kind, new NativePipeline(this.events, 'kezek-ndjson', kind, opts));
    }
  }

  async open(): Promise<this> {
    await this.session.open();
    return this;
  }

  /** The pipeline of a kind: NDJSON pipelines and the queue_log assembler are shared by all senders. */
  pipeline(kind: EventKind | 'queue-log', format: 'kezek-ndjson' | 'kezek-csv' = 'kezek-ndjson'): LinePipeline {
    if (kind === 'queue-log') return this.session.pipeline;
    if (format === 'kezek-csv') {
      // A CSV body has its own header: its own reader, feeding the shared writer.
      return new NativePipeline(this.events, 'kezek-csv', kind, this.opts);
    }
    return this.native.get(kind)!;
  }

  /** A request starts sending. */
  begin(): void {
    this.active++;
  }

  end(): void {
    this.active--;
  }

  line(pipeline: LinePipeline, raw: RawLine, source: string, tally: IngestSummary): void {
    pipeline.line(raw, source, tally);
    if (pipeline === this.session.pipeline) this.queueLogTouched = true;
    this.timer ??= setTimeout(() => void this.flush(), MAX_LINGER_MS);
  }

  /** Back-pressure: when the buffer is full, stores it and waits until it is stored. */
  async room(): Promise<void> {
    if (this.session.size < MAX_BATCH_ROWS) return;
    const batch = this.batch;
    this.flush();
    await batch.promise;
  }

  /** Waits until everything this sender gave is stored (rejects when storing fails). */
  async sync(): Promise<void> {
    const batch = this.batch;
    this.waiting++;
    try {
      if (this.waiting >= this.active) this.flush();
      await batch.promise;
    } finally {
      this.waiting--;
    }
  }

  /** Seals the current batch and stores it (after the batches before it). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.batch;
    this.batch = deferred();
    const checkpoint = this.queueLogTouched;
    this.queueLogTouched = false;
    this.session.commit(undefined, checkpoint).then(batch.resolve, batch.reject);
  }
}

let batcher: Promise<IngestBatcher> | null = null;

/** The server's batcher, created once per process. */
export function ingestBatcher(): Promise<IngestBatcher> {
  batcher ??= (async () => {
    const ctx = await serverContext();
    return new IngestBatcher(ctx, await callerSalt(ctx.client)).open();
  })();
  batcher.catch(() => (batcher = null));
  return batcher;
}
