/**
 * Rejected input rows (`reject`). A reject is **open** while it belongs to the latest ingest run
 * of its source and kind (`ingest_run`); re-ingesting a fixed file starts a new run, so the
 * rejects of earlier runs become **resolved** — lines still bad are rejected again by the new
 * run and stay open. Rejects are never deleted: resolved ones remain listed with `--all`.
 */
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
  /** 'YYYY-MM-DD hh:mm:ss.sss' UTC. */
  rejected_at: string;
  /** A later run of the same source and kind superseded it. */
  resolved: boolean;
}

// Rejects with the start of their source's latest run. Aliases are new names: an alias equal
// to a column name would shadow the column in WHERE (docs/architecture.md).
const REJECTS_WITH_STATE = `
  SELECT r.source AS source, r.line AS line, r.format AS format, r.kind AS kind, r.raw AS raw,
         r.reason AS reason, r.rejected_at AS rejected_time,
         r.rejected_at < ifNull(run.last_start, toDateTime64(0, 3, 'UTC')) AS is_resolved
  FROM (SELECT * FROM reject FINAL WHERE rejected_at >= {since:DateTime64(3, 'UTC')}) AS r
  LEFT JOIN (SELECT source, kind, max(started_at) AS last_start FROM ingest_run GROUP BY source, kind) AS run
    ON r.source = run.source AND r.kind = run.kind`;

/** Rejects stored since an instant (epoch ms), newest first; open ones only unless `all`. */
export async function fetchRejects(
  client: ClickHouseClient,
  sinceMs: number,
  options: { limit?: number; all?: boolean } = {},
): Promise<StoredReject[]> {
  const rs = await client.query({
    query: `SELECT source, line, format, kind, raw, reason, toString(rejected_time) AS rejected_text, is_resolved
            FROM (${REJECTS_WITH_STATE}) WHERE {all:Bool} OR NOT is_resolved
            ORDER BY rejected_time DESC, source, line LIMIT {limit:UInt32}`,
    query_params: { since: toClickHouseTime(sinceMs), limit: options.limit ?? 1000, all: options.all ?? false },
    format: 'JSONEachRow',
  });
  const rows = await rs.json<RejectRow & { rejected_text: string; is_resolved: number | boolean }>();
  return rows.map(({ rejected_text, is_resolved, ...r }) => ({
    ...r,
    line: Number(r.line),
    rejected_at: rejected_text,
    resolved: Boolean(is_resolved),
  }));
}

export interface RejectCountRow {
  source: string;
  /** Local date YYYY-MM-DD of the rejects. */
  day: string;
  rejects: number;
  open: number;
}

/** Rejects per source and local day since an instant, newest day first. */
export async function fetchRejectCounts(
  client: ClickHouseClient,
  sinceMs: number,
  timeZone: string,
): Promise<RejectCountRow[]> {
  const rs = await client.query({
    query: `SELECT source, toString(toDate(rejected_time, {tz:String})) AS day, count() AS rejects,
                   countIf(NOT is_resolved) AS open
            FROM (${REJECTS_WITH_STATE}) GROUP BY source, day ORDER BY day DESC, source`,
    query_params: { since: toClickHouseTime(sinceMs), tz: timeZone },
    format: 'JSONEachRow',
  });
  return (await rs.json<RejectCountRow>()).map((r) => ({ ...r, rejects: Number(r.rejects), open: Number(r.open) }));
}
