/**
 * Batches parsed records and rejects and stores them: duplicates (same key stored, or earlier in
 * the same input) are counted and skipped, so re-sending an input never double counts.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { EVENT_KINDS, type EventByKind, type EventKind } from '../src/domain/events.ts';
import { insertRecords, keyOf, storedKeys } from '../src/server/queries/store-events.ts';
import { insertRejects, type RejectRow } from '../src/server/queries/rejects.ts';
import type { ParsedRecord } from './formats/types.ts';

export interface IngestSummary {
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The first MAX_LISTED_REJECTS rejects; `rejected` counts them all. */
  rejects: { file: string; line: number; reason: string }[];
}

export const MAX_LISTED_REJECTS = 1000;
export const DEFAULT_BATCH_ROWS = 50_000;

export function emptySummary(): IngestSummary {
  return { read: 0, accepted: 0, duplicates: 0, rejected: 0, rejects: [] };
}

export class EventWriter {
  readonly summary = emptySummary();
  private batches = new Map<EventKind, unknown[]>();
  private pendingRejects: RejectRow[] = [];
  private buffered = 0;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly source: string,
    private readonly batchRows = DEFAULT_BATCH_ROWS,
  ) {}

  /** Queues records; stores the batch when it is full. */
  async add(records: ParsedRecord[]): Promise<void> {
    for (const r of records) {
      let batch = this.batches.get(r.kind);
      if (!batch) this.batches.set(r.kind, (batch = []));
      batch.push(r.row);
    }
    this.buffered += records.length;
    if (this.buffered >= this.batchRows) await this.flush();
  }

  async reject(reject: Omit<RejectRow, 'source'> & { source?: string }): Promise<void> {
    const row = { ...reject, source: reject.source ?? this.source };
    this.summary.rejected++;
    if (this.summary.rejects.length < MAX_LISTED_REJECTS) {
      this.summary.rejects.push({ file: row.source, line: row.line, reason: row.reason });
    }
    this.pendingRejects.push(row);
    if (this.pendingRejects.length >= this.batchRows) await this.flush();
  }

  /** Stores everything buffered. */
  async flush(): Promise<void> {
    for (const kind of EVENT_KINDS) {
      const batch = this.batches.get(kind);
      if (batch?.length) await this.store(kind, batch as EventByKind[typeof kind][]);
    }
    this.batches.clear();
    this.buffered = 0;
    if (this.pendingRejects.length) {
      await insertRejects(this.client, this.pendingRejects);
      this.pendingRejects = [];
    }
  }

  private async store<K extends EventKind>(kind: K, batch: EventByKind[K][]): Promise<void> {
    const stored = await storedKeys(this.client, kind, batch);
    const fresh: EventByKind[K][] = [];
    for (const record of batch) {
      const key = keyOf(kind, record);
      if (stored.has(key)) {
        this.summary.duplicates++;
      } else {
        stored.add(key);
        fresh.push(record);
      }
    }
    await insertRecords(this.client, kind, fresh, this.source);
    this.summary.accepted += fresh.length;
  }
}
