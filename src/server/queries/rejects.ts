import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';

export interface RejectRow {
  source: string;
  line: number;
  format: string;
  kind: string;
  raw: string;
  reason: string;
}

/** Raw text kept in a reject is cut to this many characters (a 1 MB line is not stored whole). */
export const MAX_REJECT_RAW_CHARS = 4096;

export async function insertRejects(client: ClickHouseClient, rejects: RejectRow[]): Promise<void> {
  if (rejects.length === 0) return;
  await client.insert({
    table: 'reject',
    values: rejects.map((r) => ({ ...r, raw: r.raw.slice(0, MAX_REJECT_RAW_CHARS) })),
    format: 'JSONEachRow',
  });
}

export interface StoredReject extends RejectRow {
  rejected_at: string;
}

/** Rejects stored since an instant (epoch ms), newest first. */
export async function fetchRejects(client: ClickHouseClient, sinceMs: number, limit = 1000): Promise<StoredReject[]> {
  const rs = await client.query({
    query: `SELECT source, line, format, kind, raw, reason, toString(rejected_at) AS rejected_at
            FROM reject FINAL WHERE rejected_at >= {since:DateTime64(3, 'UTC')}
            ORDER BY rejected_at DESC, source, line LIMIT {limit:UInt32}`,
    query_params: { since: toClickHouseTime(sinceMs), limit },
    format: 'JSONEachRow',
  });
  return rs.json<StoredReject>();
}
