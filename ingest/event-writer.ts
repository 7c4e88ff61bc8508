/**
 * Batches parsed records and rejects and stores them: duplicates (same key stored, or earlier in
 * the same input) are counted and skipped, so re-sending an input never double counts.
 *
 * Each record is counted into a tally (an IngestSummary): the writer's own by default, or one
 * per sender when several inputs share the writer (the HTTP server). `seal()` takes the buffered
 * rows out synchronously and returns the step that stores them, so that a caller can seal
 * several buffers at one instant and keep adding while they are stored.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { EVENT_KINDS, type EventByKind, type EventKind } from '../src/domain/events.ts';
import { factBacklog } from '../src/server/queries/fact-backlog.ts';
import { insertRecords, keyOf, RecordBatch } from '../src/server/queries/store-events.ts';
import { insertRejects, type RejectRow } from '../src/server/queries/rejects.ts';
import { deleteCalls, storedVisitEntries } from '../src/server/queries/replace-calls.ts';
import type { CallerHasher, ParsedRecord } from './formats/types.ts';
import { redactReject } from './redact-reject.ts';
import { freshVisits } from './fresh-visits.ts';
import { freshRows } from './row-store.ts';

export interface IngestSummary {
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first MAX_LISTED_REJECTS rejects; `rejected` counts them all. */
  rejects: { file: string; line: number; reason: string }[];
}

export const MAX_LISTED_REJECTS = 1000;
/**
 * Rows of a file ingest's batch (`--batch-rows`). 5 GB of queue_log through a pipe (bench/ingest-memory.ts):
 * 50,000 → 115k lines/s, peak RSS 993 MB; 100,000 → 129k lines/s, peak 1,102 MB, memory as flat.
 */
export const DEFAULT_BATCH_ROWS = 100_000;

export function emptySummary(): IngestSummary {
  return { read: 0, accepted: 0, duplicates: 0, rejected: 0, rejects: [] };
}

/** Counts one reject into a tally (the list is capped, the count is not). */
export function tallyReject(tally: IngestSummary, reject: { file: string; line: number; reason: string }): void {
  tally.rejected++;
  if (tally.rejects.length < MAX_LISTED_REJECTS) tally.rejects.push(reject);
}

/** Stores a sealed batch. */
export type StoreStep = () => Promise<void>;

interface Batch {
  rows: unknown[];
  tallies: IngestSummary[];
}

export class EventWriter {
  readonly summary = emptySummary();
  /**
   * The installation's caller hasher, for the markers that replace caller numbers in rejects;
   * set by the pipelines writing here (they are given it). Without one a marker carries no hash.
   */
  callerHasher: CallerHasher | null = null;
  private batches = new Map<EventKind, Batch>();
  private pendingRejects: RejectRow[] = [];
  private buffered = 0;
  /** Calls whose stored visits the buffered ones replace (replaceCall). */
  private replaced = new Set<string>();

  constructor(
    private readonly client: ClickHouseClient,
    /** Stored in the rows' `source` column (and a reject's default source); may change between seals. */
    public source: string,
    private readonly batchRows = DEFAULT_BATCH_ROWS,
  ) {}

  /** Rows and rejects buffered. */
  get size(): number {
    return this.buffered + this.pendingRejects.length;
  }

  /** Buffers records, counted into `tally` when stored. */
  push(records: readonly ParsedRecord[], tally: IngestSummary = this.summary): void {
    for (const r of records) {
      let batch = this.batches.get(r.kind);
      if (!batch) this.batches.set(r.kind, (batch = { rows: [], tallies: [] }));
      batch.rows.push(r.row);
      batch.tallies.push(tally);
    }
    this.buffered += records.length;
  }

  /**
   * The visits of call `callId` pushed from now on replace all of its visits stored (a CDR call
   * amended by a late leg); those of it buffered until now are dropped. The batch deletes the
   * stored ones before it inserts, and has the facts and rollups they touched rebuilt.
   */
  replaceCall(callId: string): void {
    const batch = this.batches.get('calls');
    if (batch) {
      const keep = (batch.rows as EventByKind['calls'][]).map((visit) => visit.callId !== callId);
      batch.rows = batch.rows.filter((_, i) => keep[i]);
      batch.tallies = batch.tallies.filter((_, i) => keep[i]);
      this.buffered -= keep.length - batch.rows.length;
    }
    this.replaced.add(callId);
  }

  /**
   * Buffers a reject and counts it into `tally` now. Every reject passes here: its raw text and
   * reason are kept with caller numbers replaced by `[caller:HASH]` markers (redact-reject.ts,
   * DESIGN §10); `columns` names the CSV columns of its file when known, so the caller's is found.
   */
  pushReject(
    reject: Omit<RejectRow, 'source'> & { source?: string; columns?: readonly string[] | null },
    tally: IngestSummary = this.summary,
  ): void {
    const { columns: _columns, ...fields } = reject;
    const row = { ...fields, ...redactReject(reject, this.callerHasher), source: fields.source ?? this.source };
    tallyReject(tally, { file: row.source, line: row.line, reason: row.reason });
    this.pendingRejects.push(row);
  }

  /** Queues records; stores the batch when it is full. */
  async add(records: ParsedRecord[]): Promise<void> {
    this.push(records);
    if (this.buffered >= this.batchRows) await this.flush();
  }

  async reject(reject: Omit<RejectRow, 'source'> & { source?: string }): Promise<void> {
    this.pushReject(reject);
    if (this.pendingRejects.length >= this.batchRows) await this.flush();
  }

  /** Takes everything buffered out now; the returned step stores it. */
  seal(): StoreStep {
    const batches = this.batches;
    const rejects = this.pendingRejects;
    const source = this.source;
    const replaced = [...this.replaced];
    this.batches = new Map();
    this.pendingRejects = [];
    this.buffered = 0;
    this.replaced = new Set();
    return async () => {
      // The facts of the visits and ratings are refreshed later, for many batches at once; the
      // note covers the whole batch, duplicates too: replaying an input after a crash between an
      // insert and its refresh (before the note existed) mends their facts as well.
      const facts = factBacklog(this.client);
      const note = await facts.note(
        (batches.get('calls')?.rows ?? []) as EventByKind['calls'][],
        (batches.get('ratings')?.rows ?? []) as EventByKind['ratings'][],
        await storedVisitEntries(this.client, replaced),
      );
      // Gone before the replacements go in (and from the facts, which the refresh writes anew).
      await deleteCalls(this.client, 'contact_fact', replaced);
      await deleteCalls(this.client, 'call', replaced);
      for (const kind of EVENT_KINDS) {
        const batch = batches.get(kind);
        if (batch?.rows.length) await this.store(kind, batch, source);
      }
      if (rejects.length) await insertRejects(this.client, rejects);
      if (note) await facts.stored(note);
    };
  }

  /** Stores everything buffered. */
  async flush(): Promise<void> {
    await this.seal()();
  }

  private async store<K extends EventKind>(kind: K, batch: Batch, source: string): Promise<void> {
    const records = batch.rows as EventByKind[K][];
    const out = await RecordBatch.open(this.client, kind, records, source);
    try {
      if (kind === 'calls') {
        const visits = records as EventByKind['calls'][];
        const { keep, renumbered } = freshVisits(visits, await out.storedVisits(), batch.tallies);
        await out.insert(keep);
        // Re-entries numbered anew (rare): a small insert of their own.
        await insertRecords(this.client, 'calls', renumbered, source);
        return;
      }
      const keys = records.map((record) => keyOf(kind, record));
      await out.insert(freshRows(keys, await out.storedKeys(), batch.tallies));
    } finally {
      await out.close();
    }
  }
}
