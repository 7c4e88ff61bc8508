/**
 * The server process's one writer: every HTTP ingest request feeds the same buffers, stored
 * together when they hold MAX_BATCH_ROWS rows, after at most MAX_LINGER_MS, or as soon as every
 * open request waits for its acknowledgement (then waiting longer gains nothing). ClickHouse
 * takes ~170 single-row inserts/s but ~120,000 rows/s in 10,000-row batches (issue 3).
 *
 * A sender is acknowledged (`sync`) only after every batch holding its rows is stored. One batch
 * is stored while the next fills; a sender that finds the next one full too waits (`room`) before
 * it reads more of its body, so memory stays bounded however slow the database is.
 *
 * When a batch fails to store, its senders fail (and take no more lines): they send again, and
 * the keys of the rows already stored turn the resend into duplicates. The queue_log assembler
 * is shared, and took the failed batch's lines: the session then puts it back to the state of
 * the last stored checkpoint (IngestSession `onRollBack`), and every sender whose lines went
 * through the state dropped — the batches sealed after the failed one, and the buffer — fails
 * too, so that a resend rebuilds exactly the visits of a clean run.
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
import { serverContext, serverIngestClient, type ServerContext } from './context.ts';
import { factBacklog, type FactBacklog } from './queries/fact-backlog.ts';
import { callerSalt } from './queries/installation.ts';

/**
 * Rows that make a batch full. Larger batches cost the engine less per row; a dashboard query
 * waits for at most one write query (read-priority.ts). Measured (bench/ingest-queue-log.ts, 4
 * senders, dashboard reads among them, the writer on its own lane): 50,000 → 107–113k rows/s
 * with the dashboard query at 1.3–1.45× its idle latency; 100,000 → 104–111k, at 1.4–1.6×
 * (before lanes: 87–99k either way, and up to 2.4× at 100,000).
 */
export const MAX_BATCH_ROWS = 50_000;
export const MAX_LINGER_MS = 1000;
/** Checkpoint of the assembler fed by POST /api/ingest/queue-log. */
export const HTTP_QUEUE_LOG_STREAM = 'http:asterisk-queue-log';

/** One request feeding the batcher (from `begin()`). */
export interface IngestSender {
  /** Why some of its rows will not be stored (it then takes no more lines), or null. */
  readonly error: unknown;
}

class Sender implements IngestSender {
  error: unknown = null;
  /** The last batch it fed. */
  last: Batch | null = null;

  fail(err: unknown): void {
    if (this.error === null) this.error = err;
  }
}

class Batch {
  readonly promise: Promise<void>;
  resolve!: () => void;
  private reject!: (err: unknown) => void;
  readonly senders = new Set<Sender>();
  /** The queue_log assembler took lines: the commit carries its state (a checkpoint). */
  queueLog = false;

  constructor() {
    this.promise = new Promise<void>((res, rej) => ((this.resolve = res), (this.reject = rej)));
    this.promise.catch(() => {}); // a failure is reported to the senders that wait for it
  }

  /** Its rows will not all be stored: every sender that fed it fails. */
  fail(err: unknown): void {
    for (const sender of this.senders) sender.fail(err);
    this.reject(err);
  }
}

export class IngestBatcher {
  private readonly events: EventWriter;
  private readonly session: IngestSession;
  private readonly native = new Map<EventKind, NativePipeline>();
  private readonly opts: AsteriskOptions;
  private readonly facts: FactBacklog;
  private batch = new Batch();
  /** Batches sealed and not yet stored or failed. */
  private readonly pending = new Set<Batch>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private active = 0;
  private waiting = 0;

  constructor(ctx: ServerContext, salt: string) {
    this.events = new EventWriter(ctx.client, 'http', Infinity);
    this.facts = factBacklog(ctx.client);
    const opts = (this.opts = asteriskOptions(ctx.config, createCallerHasher(salt)));
    const queueLog = new QueueLogPipeline(ctx.client, this.events, opts);
    this.session = new IngestSession(ctx.client, queueLog, this.events, HTTP_QUEUE_LOG_STREAM, {
      onRollBack: (err) => this.rolledBack(err),
    });
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

  /** Batches sealed and not yet stored (or failed). */
  get pendingBatches(): number {
    return this.pending.size;
  }

  /** A request starts sending. */
  begin(): IngestSender {
    this.active++;
    return new Sender();
  }

  end(): void {
    this.active--;
  }

  /**
   * One line of a sender's body. False, and the line is not taken, once the sender has failed
   * (rows it gave will not be stored): it should then read on and answer `sync`'s error.
   */
  line(sender: IngestSender, pipeline: LinePipeline, raw: RawLine, source: string, tally: IngestSummary): boolean {
    const s = sender as Sender;
    if (s.error !== null) return false;
    pipeline.line(raw, source, tally);
    this.fed(s, pipeline);
    return true;
  }

  /** The end of a sender's body (a CSV record still open is taken). */
  endFile(sender: IngestSender, pipeline: LinePipeline, source: string, tally: IngestSummary): void {
    const s = sender as Sender;
    if (s.error !== null) return;
    pipeline.endFile(source, tally, false);
    this.fed(s, pipeline);
  }

  /**
   * Back-pressure: when the buffer is full, it is sealed and stored while the senders fill the
   * next one; a sender that finds the buffer full while a batch is still being stored waits for
   * it (so at most one full batch is stored while another fills).
   */
  async room(): Promise<void> {
    while (this.session.size >= MAX_BATCH_ROWS) {
      // Commits run in order: the last batch sealed settles after every other.
      const storing = [...this.pending].at(-1);
      if (!storing) return this.flush();
      await storing.promise.catch(() => {}); // its senders have their error
    }
  }

  /** Waits until everything this sender gave is stored; throws `sender.error` when some of it was not. */
  async sync(sender: IngestSender): Promise<void> {
    const s = sender as Sender;
    this.waiting++;
    try {
      if (this.waiting >= this.active) this.flush();
      // Commits run in order: once its last batch is settled, so is every batch it fed.
      await s.last?.promise.catch(() => {});
    } finally {
      this.waiting--;
    }
    if (s.error !== null) throw s.error;
  }

  /** Seals the current batch and stores it (after the batches before it). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.batch;
    this.batch = new Batch();
    if (batch.senders.size === 0) {
      batch.resolve(); // nothing was fed
      return;
    }
    this.pending.add(batch);
    this.session.commit(undefined, batch.queueLog).then(
      async () => {
        this.pending.delete(batch);
        // Caught up: the facts of what was stored are refreshed before the senders hear, so a
        // dashboard read after an answer sees them (under full load the backlog's limits apply).
        if (this.idle) await this.facts.refreshOrReport();
        batch.resolve();
      },
      (err: unknown) => {
        this.pending.delete(batch);
        batch.fail(err);
      },
    );
  }

  /** Nothing more to store: no batch sealed, nothing buffered. */
  private get idle(): boolean {
    return this.pending.size === 0 && this.batch.senders.size === 0;
  }

  private fed(sender: Sender, pipeline: LinePipeline): void {
    const batch = this.batch;
    if (sender.last !== batch) {
      batch.senders.add(sender);
      sender.last = batch;
    }
    if (pipeline === this.session.pipeline) batch.queueLog = true;
    this.timer ??= setTimeout(() => void this.flush(), MAX_LINGER_MS);
  }

  /**
   * A commit with queue_log lines failed, and the session has put the assembler back to the
   * state of the last stored checkpoint and dropped the rows buffered since. What went through
   * the state dropped is lost: the batches with queue_log lines sealed since that checkpoint (the
   * failed one first; the session will not store them) and the buffer. Their senders fail at
   * once, before they feed more lines to the restored assembler, and send again.
   */
  private rolledBack(err: unknown): void {
    for (const batch of this.pending) if (batch.queueLog) for (const sender of batch.senders) sender.fail(err);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const dropped = this.batch;
    this.batch = new Batch();
    dropped.fail(err);
  }
}

let batcher: Promise<IngestBatcher> | null = null;

/** The server's batcher, created once per process. */
export function ingestBatcher(): Promise<IngestBatcher> {
  batcher ??= (async () => {
    const ctx = await serverContext();
    // Its queries give way to the dashboards' (read-priority.ts).
    const client = await serverIngestClient();
    return new IngestBatcher({ ...ctx, client }, await callerSalt(client)).open();
  })();
  batcher.catch(() => (batcher = null));
  return batcher;
}
