/**
 * Raw input rows kept as read (Asterisk queue_log lines, CDR rows): which are stored already, and
 * batched inserts. Identity is the text, which holds the time: `queue_log_event` by its `raw` line,
 * `cdr_record` by its `row_hash`. The lookup reads only the time range of a batch, which its sort
 * key prunes.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { bulkInsert, escapeTsv as e, insertTsvLines, tsvInstant, type Column } from './bulk-insert.ts';
import { isEmbeddedClient } from '../clickhouse/client.ts';

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
    query: `SELECT ${identity} AS id FROM ${table} WHERE ${span}
            ${onlyInstants ? `AND toUnixTimestamp64Milli(${time}) IN (SELECT arrayJoin({instants:Array(Int64)}))` : ''}`,
    query_params: onlyInstants ? { ...params, instants: [...instants] } : params,
    format: 'JSONCompactEachRow',
  });
  const keys = new Set<string>();
  for (const [id] of await rs.json<[string]>()) keys.add(id);
  return keys;
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
 * One insert of queue_log lines: TabSeparated lines built straight from the rows on the embedded
 * engine. Every text field of a row comes from its `raw` line (or is a caller hash), and an accepted
 * line has no newline or other control character but TAB: a raw line without TAB or backslash
 * needs no escaping in any field (the common case, checked once per row).
 */
export async function insertQueueLogEvents(client: ClickHouseClient, rows: QueueLogEventRow[]): Promise<void> {
  const { columns } = RAW_TABLES.queue_log_event;
  if (rows.length === 0) return;
  if (!isEmbeddedClient(client)) {
    const values = rows.map(({ timeMs, ...r }) => ({ ...r, time: toClickHouseTime(timeMs) }));
    return bulkInsert(client, 'queue_log_event', columns, values);
  }
  const sources = new Map<string, string>();
  const lines = rows.map((r) => {
    let source = sources.get(r.source);
    if (source === undefined) sources.set(r.source, (source = e(r.source)));
    const data = r.data.join('\u001f');
    return NEEDS_ESCAPE.test(r.raw)
      ? `${tsvInstant(r.timeMs)}\t${e(r.call_id)}\t${e(r.queue)}\t${e(r.agent)}\t${e(r.event)}\t${e(data)}\t${e(r.raw)}\t${source}\t${r.line}`
      : `${tsvInstant(r.timeMs)}\t${r.call_id}\t${r.queue}\t${r.agent}\t${r.event}\t${data}\t${r.raw}\t${source}\t${r.line}`;
  });
  await insertTsvLines(client, 'queue_log_event', columns, lines, QUEUE_LOG_FILE);
}

/** One insert of CDR rows. */
export async function insertCdrRecords(client: ClickHouseClient, rows: CdrRecordRow[]): Promise<void> {
  await bulkInsert(client, 'cdr_record', RAW_TABLES.cdr_record.columns, rows as unknown as Record<string, unknown>[]);
}
