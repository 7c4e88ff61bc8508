/**
 * Calls from CDR that never entered a queue (`direct_call`): kept outside the queue KPIs.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { DirectCall } from '../../../ingest/formats/asterisk-cdr-csv/call.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';

export function directCallRow(c: DirectCall, source: string) {
  return {
    call_id: c.callId,
    started_at: toClickHouseTime(c.startedAtMs),
    answered_at: c.answeredAtMs === null ? null : toClickHouseTime(c.answeredAtMs),
    ended_at: toClickHouseTime(c.endedAtMs),
    caller_hash: c.callerHash,
    destination_hash: c.destinationHash,
    context: c.context,
    agent_id: c.agentId,
    bill_s: c.billSeconds,
    duration_s: c.durationSeconds,
    disposition: c.disposition,
    legs: c.legs,
    source,
  };
}

/** The call ids among `ids` that are stored already. */
export async function storedDirectCallIds(client: ClickHouseClient, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rs = await client.query({
    query: 'SELECT call_id FROM direct_call WHERE call_id IN (SELECT arrayJoin({ids:Array(String)}))',
    query_params: { ids: [...new Set(ids)] },
    format: 'JSONEachRow',
  });
  return new Set((await rs.json<{ call_id: string }>()).map((r) => r.call_id));
}

export async function insertDirectCalls(client: ClickHouseClient, calls: DirectCall[], source: string): Promise<void> {
  if (calls.length === 0) return;
  await client.insert({
    table: 'direct_call',
    values: calls.map((c) => directCallRow(c, source)),
    format: 'JSONEachRow',
  });
}

export async function countDirectCalls(client: ClickHouseClient): Promise<number> {
  const rs = await client.query({ query: 'SELECT count() AS n FROM direct_call FINAL', format: 'JSONEachRow' });
  const [row] = await rs.json<{ n: number }>();
  return Number(row?.n ?? 0);
}
