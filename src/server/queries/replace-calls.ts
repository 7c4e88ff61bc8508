/**
 * Replacing what is stored of calls (a CDR call amended by a late leg, cdr/assembler.ts): the
 * entry times of their stored visits (for the refresh of facts and rollups they change), and
 * deleting their stored visits, contact facts or direct-call rows before the amended records go in.
 *
 * Lightweight deletes: the rows vanish from every later query at once. The rollups of
 * 0004_rollups.sql keep what a deleted visit added; the writer notes the months to rebuild.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { fromClickHouseTime } from '../../../ingest/formats/time.ts';

/** When each stored visit of the calls `ids` entered its queue (epoch ms). */
export async function storedVisitEntries(client: ClickHouseClient, ids: readonly string[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rs = await client.query({
    query: 'SELECT toString(entered_at) AS entered FROM call WHERE call_id IN {ids:Array(String)}',
    query_params: { ids },
    format: 'JSONEachRow',
  });
  return (await rs.json<{ entered: string }>()).map((r) => fromClickHouseTime(r.entered));
}

/** Deletes every row of the calls `ids` from `table`. */
export async function deleteCalls(
  client: ClickHouseClient,
  table: 'call' | 'direct_call' | 'contact_fact',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await client.command({ query: `DELETE FROM ${table} WHERE call_id IN {ids:Array(String)}`, query_params: { ids } });
}
