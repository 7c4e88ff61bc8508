/**
 * Inserting many rows. The embedded engine reads a TabSeparated file written next to it about
 * 5–8× faster than it parses JSON rows sent through the client (perf-anchors.md: `file()` loads
 * ~1 M rows/s, JSONEachRow ~100 k rows/s); a server gets JSONEachRow. One call = one insert.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEmbeddedClient } from '../clickhouse/client.ts';

export interface Column {
  name: string;
  /** ClickHouse type as the table declares it. */
  type: string;
}

/** TSV escaping of ClickHouse: backslash, tab, newline (and CR) are escaped. */
export function escapeTsv(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** A value as TSV (null as \\N, booleans 0/1, arrays as ['…']). */
export function tsvValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return escapeTsv(`[${value.map((v) => `'${String(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(',')}]`);
  }
  return escapeTsv(String(value));
}

/** An instant as TSV for a DateTime64(3) column: epoch seconds with milliseconds. */
export function tsvInstant(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const frac = ms - seconds * 1000;
  return `${seconds}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`;
}

export async function bulkInsert(
  client: ClickHouseClient,
  table: string,
  columns: Column[],
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  if (!isEmbeddedClient(client)) {
    await client.insert({ table, values: rows, format: 'JSONEachRow' });
    return;
  }
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    lines[i] = columns.map((c) => tsvValue(row[c.name])).join('\t');
  }
  await insertTsvFile(client, table, columns, `${lines.join('\n')}\n`);
}

/**
 * What a TabSeparated file holds when it is not the table's `columns` themselves: its own
 * columns, and one SQL expression per table column (in `columns` order) that makes it of them.
 */
export interface TsvFileColumns {
  columns: Column[];
  select: string[];
}

/**
 * Inserts TabSeparated text (newline-terminated lines, as a string or UTF-8 bytes) through a file
 * the embedded engine reads; the lines hold `columns` in order, or `fileColumns`.
 */
export async function insertTsvFile(
  client: ClickHouseClient,
  table: string,
  columns: Column[],
  body: string | Uint8Array,
  fileColumns?: TsvFileColumns,
): Promise<void> {
  const file = await TsvFile.write(body);
  try {
    await file.insertInto(client, table, columns, fileColumns);
  } finally {
    await file.remove();
  }
}

/**
 * A TabSeparated file written next to the embedded engine, for the queries of one batch: the
 * insert, and look-ups that read its columns (`source`) instead of lists sent as parameters
 * (50,000 ids: 14 ms from the file, 40–70 ms as an Array(String) parameter). `remove()` when done.
 */
export class TsvFile {
  private constructor(readonly path: string) {}

  static async write(body: string | Uint8Array): Promise<TsvFile> {
    const file = new TsvFile(join(tmpdir(), `kezek-insert-${randomUUID()}.tsv`));
    await writeFile(file.path, body);
    return file;
  }

  /** The file as a table of `columns` (constants, never input) in a query; it binds `params`. */
  source(columns: Column[]): string {
    const structure = columns.map((c) => `${c.name} ${c.type}`).join(', ');
    return `file({file:String}, 'TabSeparated', '${structure.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}')`;
  }

  /**
   * A subquery of one column of the file, `column` of `columns` (the file's, in order): the
   * columns before it are read as text and the rest of each line is skipped (the call ids of
   * 10,000 visits: 8 ms; 14 ms parsing whole lines).
   */
  column(columns: Column[], column: string): string {
    const at = columns.findIndex((c) => c.name === column);
    const read = columns.slice(0, at + 1).map((c, i) => (i < at ? { name: c.name, type: 'String' } : c));
    return `SELECT ${column} FROM ${this.source(read)} SETTINGS input_format_tsv_allow_variable_number_of_columns = 1`;
  }

  get params(): { file: string } {
    return { file: this.path };
  }

  /** Inserts its lines into `table`, which they fill `columns` of (or `fileColumns`, see TsvFileColumns). */
  async insertInto(
    client: ClickHouseClient,
    table: string,
    columns: Column[],
    fileColumns: TsvFileColumns = { columns, select: columns.map((c) => c.name) },
  ): Promise<void> {
    // Rows are deduplicated before they are written: the engine need not collapse equal keys within
    // the insert (optimize_on_insert; 40,000 queue_log lines: 34 → 28 ms).
    await client.command({
      query: `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
              SELECT ${fileColumns.select.join(', ')} FROM ${this.source(fileColumns.columns)}
              SETTINGS optimize_on_insert = 0`,
      query_params: this.params,
    });
  }

  async remove(): Promise<void> {
    await rm(this.path, { force: true });
  }
}

/**
 * TabSeparated lines encoded as UTF-8 as they are appended, into a buffer that grows by doubling.
 * A batch of tens of thousands of lines is thus held as bytes outside the JS heap, instead of as
 * strings the garbage collector copies until the batch is stored; `kept` drops some lines.
 */
export class TsvBuffer {
  private bytes = Buffer.alloc(0);
  private length = 0;
  /** Where each line ends (the offset just after its newline). */
  private readonly ends: number[] = [];

  get lines(): number {
    return this.ends.length;
  }

  /** Every line's bytes. */
  all(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  /** Appends one line, given without its newline (its fields escaped already). */
  append(line: string): void {
    const room = this.length + line.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (room > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(room, this.bytes.length * 2, 1 << 16));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(line, this.length);
    this.bytes[this.length++] = 10;
    this.ends.push(this.length);
  }

  /** The bytes of the lines for which `keep` is true, in order (moved in place: call it once). */
  kept(keep: readonly boolean[]): Buffer {
    let out = 0;
    const move = (start: number, end: number) => {
      if (start !== out) this.bytes.copy(this.bytes, out, start, end);
      out += end - start;
    };
    // Lines kept one after another are moved in one copy.
    let runStart = 0;
    let runEnd = 0;
    for (let i = 0; i < this.ends.length; i++) {
      if (!keep[i]) continue;
      const start = i === 0 ? 0 : this.ends[i - 1];
      if (start !== runEnd) {
        move(runStart, runEnd);
        runStart = start;
      }
      runEnd = this.ends[i];
    }
    move(runStart, runEnd);
    return this.bytes.subarray(0, out);
  }
}
