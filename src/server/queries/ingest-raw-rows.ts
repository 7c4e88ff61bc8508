/**
 * Raw input rows kept as read (Asterisk queue_log lines, CDR rows): which are stored already, and
 * batched inserts. Identity is (time, text): `queue_log_event` by its `raw` line, `cdr_record` by
 * its `row_hash`. The lookup reads only the time range of a batch, which its sort key prunes.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';

/** A stored queue_log line (one well-formed line; the caller id hashed). */
export interface QueueLogEventRow {
  time: string;
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

/** The raw tables, with their time column and identity column (constants, never user input). */
export const RAW_TABLES = {
  queue_log_event: { time: 'time', identity: 'raw' },
  cdr_record: { time: 'start', identity: 'row_hash' },
} as const;
export type RawTable = keyof typeof RAW_TABLES;

/** `${epoch ms}\u0000${identity}` of the rows stored in [minMs, maxMs]. */
export async function storedRawKeys(
  client: ClickHouseClient,
  table: RawTable,
  minMs: number,
  maxMs: number,
): Promise<Set<string>> {
  const { time, identity } = RAW_TABLES[table];
  const rs = await client.query({
    query: `SELECT toUnixTimestamp64Milli(${time}) AS ms, ${identity} AS id FROM ${table}
            WHERE ${time} BETWEEN {min:DateTime64(3, 'UTC')} AND {max:DateTime64(3, 'UTC')}`,
    query_params: { min: toClickHouseTime(minMs), max: toClickHouseTime(maxMs) },
    format: 'JSONCompactEachRow',
  });
  const keys = new Set<string>();
  for (const [ms, id] of await rs.json<[number, string]>()) keys.add(`${Number(ms)}\u0000${id}`);
  return keys;
}

export async function insertRawRows(client: ClickHouseClient, table: RawTable, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  await client.insert({ table, values: rows, format: 'JSONEachRow' });
}
