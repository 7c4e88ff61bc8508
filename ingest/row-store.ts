/**
 * Buffers rows of one table and stores them once: a row whose key is stored already, or earlier
 * in the same batch, is counted as a duplicate into its tally and skipped. The table says how
 * to key, look up and insert its rows (queue_log lines, CDR rows, direct calls).
 */
import type { IngestSummary, StoreStep } from './event-writer.ts';

export interface RowTable<R> {
  keyOf(row: R): string;
  /** Keys (as keyOf builds them) of those rows that are stored already. */
  storedKeys(rows: R[]): Promise<Set<string>>;
  insert(rows: R[]): Promise<void>;
}

export class RowStore<R> {
  private rows: R[] = [];
  private tallies: IngestSummary[] = [];

  constructor(private readonly table: RowTable<R>) {}

  get size(): number {
    return this.rows.length;
  }

  push(row: R, tally: IngestSummary): void {
    this.rows.push(row);
    this.tallies.push(tally);
  }

  /** Takes the buffered rows out now; the returned step stores them. */
  seal(): StoreStep {
    const rows = this.rows;
    const tallies = this.tallies;
    this.rows = [];
    this.tallies = [];
    return async () => {
      if (rows.length === 0) return;
      const stored = await this.table.storedKeys(rows);
      const keep = freshRows(
        rows.map((row) => this.table.keyOf(row)),
        stored,
        tallies,
      );
      await this.table.insert(rows.filter((_, i) => keep[i]));
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
    if (fresh) {
      stored.add(keys[i]);
      tallies[i].accepted++;
    } else {
      tallies[i].duplicates++;
    }
  }
  return keep;
}
