/**
 * Buffers rows of one table and stores them once: a row whose key is stored already, or earlier
 * in the same batch, is counted as a duplicate into its tally and skipped. The batch says how to
 * hold, key, look up and insert its rows (queue_log lines, CDR rows, direct calls).
 */
import type { IngestSummary, StoreStep } from './event-writer.ts';

/** The rows of one table on their way in: what RowStore needs of them. */
export interface RowBatch<R> {
  readonly size: number;
  push(row: R): void;
  /**
   * Which rows are new, in push order: neither stored already nor repeating an earlier row of the
   * batch. Each row is counted in its tally (`tallies`, in push order) as accepted or a duplicate.
   */
  fresh(tallies: readonly IngestSummary[]): Promise<boolean[]>;
  /** Inserts the rows for which `keep` is true (one insert). */
  insert(keep: readonly boolean[]): Promise<void>;
  /** Keeps only the rows for which `keep` is true; returns which were kept (batches holding rows as they are). */
  retain?(keep: (row: R) => boolean): boolean[];
}

/** How to key, look up and insert rows held as they are. */
export interface RowTable<R> {
  keyOf(row: R): string;
  /** Keys (as keyOf builds them) of those rows that are stored already. */
  storedKeys(rows: R[]): Promise<Set<string>>;
  insert(rows: R[]): Promise<void>;
}

/** Batches that hold their rows in an array, for `table`. */
export function arrayBatches<R>(table: RowTable<R>): () => RowBatch<R> {
  return () => {
    let rows: R[] = [];
    return {
      get size() {
        return rows.length;
      },
      push: (row) => rows.push(row),
      retain: (keep) => {
        const kept = rows.map(keep);
        rows = rows.filter((_, i) => kept[i]);
        return kept;
      },
      fresh: async (tallies) =>
        freshRows(
          rows.map((row) => table.keyOf(row)),
          await table.storedKeys(rows),
          tallies,
        ),
      insert: (keep) => table.insert(rows.filter((_, i) => keep[i])),
    };
  };
}

export class RowStore<R> {
  private batch: RowBatch<R>;
  private tallies: IngestSummary[] = [];

  constructor(private readonly newBatch: () => RowBatch<R>) {
    this.batch = newBatch();
  }

  get size(): number {
    return this.batch.size;
  }

  push(row: R, tally: IngestSummary): void {
    this.batch.push(row);
    this.tallies.push(tally);
  }

  /** Drops the buffered rows for which `drop` is true (a batch of arrayBatches). */
  withdraw(drop: (row: R) => boolean): void {
    if (!this.batch.retain) throw new Error('RowStore.withdraw: this batch cannot drop rows');
    const kept = this.batch.retain((row) => !drop(row));
    this.tallies = this.tallies.filter((_, i) => kept[i]);
  }

  /** Takes the buffered rows out now; the returned step stores them. */
  seal(): StoreStep {
    const { batch, tallies } = this;
    this.batch = this.newBatch();
    this.tallies = [];
    return async () => {
      if (batch.size === 0) return;
      await batch.insert(await batch.fresh(tallies));
    };
  }
}

/**
 * Which rows of a batch are new, by their keys: those neither among the `stored` keys (to which
 * the new ones are added) nor repeating an earlier row of the batch. Each row is counted in its
 * tally as accepted or as a duplicate.
 */
export function freshRows(keys: readonly string[], stored: Set<string>, tallies: readonly IngestSummary[]): boolean[] {
  const keep: boolean[] = [];
  for (let i = 0; i < keys.length; i++) {
    const fresh = !stored.has(keys[i]);
    keep.push(fresh);
    if (fresh) stored.add(keys[i]);
    countRow(tallies[i], fresh);
  }
  return keep;
}

/** Counts a row into its tally: accepted when new, else a duplicate. */
export function countRow(tally: IngestSummary, fresh: boolean): void {
  if (fresh) tally.accepted++;
  else tally.duplicates++;
}
