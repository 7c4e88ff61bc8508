/**
 * Raw input rows kept as read (Asterisk queue_log lines, CDR rows): which are stored already, and
 * batched inserts. Identity is the text, which holds the time: `queue_log_event` by its `raw` line,
 * `cdr_record` by its `row_hash`. The lookup reads only the time range of a batch, which its sort
 * key prunes.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { bulkInsert, escapeTsv as e, insertTsvFile, tsvInstant, TsvBuffer, type Column } from './bulk-insert.ts';
import { isEmbeddedClient } from '../clickhouse/client.ts';
import type { IngestSummary } from '../../../ingest/event-writer.ts';
import { countRow } from '../../../ingest/row-store.ts';

/** A stored queue_log line (one well-formed line; the caller id hashed). */
export interface QueueLogEventRow {
  /** Epoch milliseconds (the `time` column). */
  timeMs: number;
  call_id: string;
  queue: string;
  agent: string;
  event: string;
  data: string[];
  raw: string;
  source: string;
  line: number;
}

/** A stored CDR row (one leg), numbers hashed. */
export interface CdrRecordRow {
  call_key: string;
  start: string;
  answer: string | null;
  end: string;
  duration_s: number;
  billsec_s: number;
  disposition: string;
  src_hash: string;
  dst_hash: string;
  channel: string;
  dstchannel: string;
  lastapp: string;
  lastdata: string;
  dcontext: string;
  accountcode: string;
  uniqueid: string;
  linkedid: string;
  userfield: string;
  row_hash: string;
  source: string;
  line: number;
}

const T = "DateTime64(3, 'UTC')";
const columns = (spec: string): Column[] =>
  spec.split(',').map((c) => {
    const [name, type = 'String'] = c.trim().split(':');
    return { name, type: type === 'T' ? T : type === 'T?' ? `Nullable(${T})` : type };
  });

/**
 * The raw tables: their time and identity columns and the columns a row writes (constants,
 * never user input; the row interfaces above name the same columns).
 */
export const RAW_TABLES = {
  queue_log_event: {
    time: 'time',
    identity: 'raw',
    columns: columns('time:T, call_id, queue, agent, event, data:Array(String), raw, source, line:UInt64'),
  },
  cdr_record: {
    time: 'start',
    identity: 'row_hash',
    columns: columns(
      'call_key, start:T, answer:T?, end:T, duration_s:UInt32, billsec_s:UInt32, disposition, src_hash, dst_hash, ' +
        'channel, dstchannel, lastapp, lastdata, dcontext, accountcode, uniqueid, linkedid, userfield, row_hash, ' +
        'source, line:UInt64',
    ),
  },
} as const;
export type RawTable = keyof typeof RAW_TABLES;

/**
 * The identities of the stored rows that may equal some of `rows` (epoch ms by `msOf`): those in
 * the batch's time span, or — when the span holds many more rows than the
 * batch (a late line among current ones) — only those at the batch's very instants, so that a
 * batch never reads back the days between its lines.
 */
export async function storedRawKeys<R>(
  client: ClickHouseClient,
  table: RawTable,
  rows: readonly R[],
  msOf: (row: R) => number,
): Promise<Set<string>> {
  return new Set((await storedRawRows(client, table, rows, msOf)).map(([, id]) => id));
}

/** As storedRawKeys, each identity with its row's time (epoch ms). */
async function storedRawRows<R>(
  client: ClickHouseClient,
  table: RawTable,
  rows: readonly R[],
  msOf: (row: R) => number,
): Promise<[number, string][]> {
  const instants = new Set<number>();
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const row of rows) {
    const ms = msOf(row);
    instants.add(ms);
    if (ms < minMs) minMs = ms;
    if (ms > maxMs) maxMs = ms;
  }
  const { time, identity } = RAW_TABLES[table];
  const span = `${time} BETWEEN {min:DateTime64(3, 'UTC')} AND {max:DateTime64(3, 'UTC')}`;
  const params = { min: toClickHouseTime(minMs), max: toClickHouseTime(maxMs) };
  const counted = await client.query({
    query: `SELECT count() AS n FROM ${table} WHERE ${span}`,
    query_params: params,
    format: 'JSONEachRow',
  });
  const [{ n }] = await counted.json<{ n: number }>();
  const onlyInstants = Number(n) > 4 * rows.length;
  const rs = await client.query({
    query: `SELECT toUnixTimestamp64Milli(${time}) AS ms, ${identity} AS id FROM ${table} WHERE ${span}
            ${onlyInstants ? `AND ms IN (SELECT arrayJoin({instants:Array(Int64)}))` : ''}`,
    query_params: onlyInstants ? { ...params, instants: [...instants] } : params,
    format: 'JSONCompactEachRow',
  });
  return (await rs.json<[string, string]>()).map(([ms, id]) => [Number(ms), id]);
}

/**
 * How many rows of `source` this run stored (`ingested_at` from `sinceMs` on) whose time is in
 * [fromMs, beforeMs): the lines of a file that came late to its stream, when `beforeMs` is where
 * the stream had got (and `fromMs` the file's first event, so that only its own span is read).
 */
export async function rowsStoredIn(
  client: ClickHouseClient,
  table: RawTable,
  source: string,
  [fromMs, beforeMs]: readonly [number, number],
  sinceMs: number,
): Promise<number> {
  const { time } = RAW_TABLES[table];
  const rs = await client.query({
    query: `SELECT count() AS n FROM ${table}
            WHERE ${time} >= {from:DateTime64(3, 'UTC')} AND ${time} < {before:DateTime64(3, 'UTC')}
              AND source = {source:String} AND ingested_at >= {since:DateTime64(3, 'UTC')}`,
    query_params: {
      from: toClickHouseTime(fromMs),
      before: toClickHouseTime(beforeMs),
      since: toClickHouseTime(sinceMs),
      source,
    },
    format: 'JSONEachRow',
  });
  return Number((await rs.json<{ n: number | string }>())[0].n);
}

/**
 * Lines by the second they fall in: a line is looked up by a small integer and compared with the
 * few others of its second (a Set would hash every line's whole text: 994,397 queue_log lines,
 * 0.49 s of CPU in freshRows).
 */
class LinesBySecond {
  private readonly seconds = new Map<number, string | string[] | Set<string>>();

  /** Adds the line; false when it is there already. */
  add(ms: number, line: string): boolean {
    const second = Math.floor(ms / 1000);
    const held = this.seconds.get(second);
    if (held === undefined) {
      this.seconds.set(second, line);
      return true;
    }
    if (typeof held === 'string') {
      if (held === line) return false;
      this.seconds.set(second, [held, line]);
      return true;
    }
    if (Array.isArray(held)) {
      for (let i = 0; i < held.length; i++) if (held[i] === line) return false;
      // Many lines in one second: a Set of them, not a list compared line by line.
      if (held.length < 32) held.push(line);
      else this.seconds.set(second, new Set([...held, line]));
      return true;
    }
    if (held.has(line)) return false;
    held.add(line);
    return true;
  }
}

/**
 * The file behind an insert of queue_log lines: the data fields joined by U+001F (a control
 * character, which no accepted line holds; a line's trailing empty fields are dropped, so '' is
 * exactly no data), split back by the engine.
 */
const QUEUE_LOG_FILE = {
  columns: RAW_TABLES.queue_log_event.columns.map((c) =>
    c.name === 'data' ? { name: 'data_text', type: 'String' } : c,
  ),
  select: RAW_TABLES.queue_log_event.columns.map((c) =>
    c.name === 'data' ? "if(data_text = '', [], splitByChar('\\x1f', data_text)) AS data" : c.name,
  ),
};
const NEEDS_ESCAPE = /[\\\t]/;

/**
 * The queue_log lines of one insert, encoded as each is pushed. On the embedded engine that is
 * the TabSeparated file itself (TsvBuffer): the rows of a batch wait to be stored as bytes off the
 * JS heap rather than as objects the garbage collector copies; a server gets the rows as they are.
 * Each line's identity (its raw text) and time are kept for the look-up of those stored already.
 */
export class QueueLogEventBatch {
  /** The raw text and epoch ms of each line, in push order. */
  private readonly raws: string[] = [];
  private readonly times: number[] = [];
  private readonly tsv: TsvBuffer | null;
  private readonly rows: QueueLogEventRow[] = [];
  private readonly sources = new Map<string, string>();

  constructor(private readonly client: ClickHouseClient) {
    this.tsv = isEmbeddedClient(client) ? new TsvBuffer() : null;
  }

  get size(): number {
    return this.raws.length;
  }

  /** Which lines are new (RowBatch.fresh): identity is the raw text, looked up by its second. */
  async fresh(tallies: readonly IngestSummary[]): Promise<boolean[]> {
    const seen = new LinesBySecond();
    for (const [ms, raw] of await storedRawRows(this.client, 'queue_log_event', this.times, (ms) => ms)) {
      seen.add(ms, raw);
    }
    const keep = new Array<boolean>(this.raws.length);
    for (let i = 0; i < this.raws.length; i++) {
      keep[i] = seen.add(this.times[i], this.raws[i]);
      countRow(tallies[i], keep[i]);
    }
    return keep;
  }

  push(row: QueueLogEventRow): void {
    this.raws.push(row.raw);
    this.times.push(row.timeMs);
    if (this.tsv) this.tsv.append(this.tsvLine(row));
    else this.rows.push(row);
  }

  /** Inserts the lines for which `keep` is true (one insert; none when no line is kept). */
  async insert(keep: readonly boolean[]): Promise<void> {
    if (!keep.includes(true)) return;
    const { columns } = RAW_TABLES.queue_log_event;
    if (this.tsv) {
      await insertTsvFile(this.client, 'queue_log_event', columns, this.tsv.kept(keep), QUEUE_LOG_FILE);
      return;
    }
    const values = this.rows
      .filter((_, i) => keep[i])
      .map(({ timeMs, ...r }) => ({ ...r, time: toClickHouseTime(timeMs) }));
    await bulkInsert(this.client, 'queue_log_event', columns, values);
  }

  /**
   * Every text field of a row comes from its `raw` line (or is a caller hash), and an accepted
   * line has no newline or other control character but TAB: a raw line without TAB or backslash
   * needs no escaping in any field (the common case, checked once per row).
   */
  private tsvLine(r: QueueLogEventRow): string {
    let source = this.sources.get(r.source);
    if (source === undefined) this.sources.set(r.source, (source = e(r.source)));
    const data = r.data.join('\u001f');
    // One join, not a template (which makes a string per piece: ~600 bytes of garbage a line).
    return (
      NEEDS_ESCAPE.test(r.raw)
        ? [tsvInstant(r.timeMs), e(r.call_id), e(r.queue), e(r.agent), e(r.event), e(data), e(r.raw), source, r.line]
        : [tsvInstant(r.timeMs), r.call_id, r.queue, r.agent, r.event, data, r.raw, source, r.line]
    ).join('\t');
  }
}

/** One insert of CDR rows. */
export async function insertCdrRecords(client: ClickHouseClient, rows: CdrRecordRow[]): Promise<void> {
  await bulkInsert(client, 'cdr_record', RAW_TABLES.cdr_record.columns, rows as unknown as Record<string, unknown>[]);
}
