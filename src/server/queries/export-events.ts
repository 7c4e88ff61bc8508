import type { ClickHouseClient } from '@clickhouse/client';
import type { EventKind } from '../../domain/events.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { sqlQuery } from './sql-files.ts';

const QUERY_OF_KIND: Record<EventKind, string> = {
  calls: 'export_calls',
  ratings: 'export_ratings',
  'agent-events': 'export_agent_events',
  agents: 'export_agents',
};

/** Native field names per kind, in output order (the CSV header). */
export const EXPORT_COLUMNS: Record<EventKind, string[]> = {
  calls: [
    'call_id',
    'queue',
    'visit',
    'channel',
    'language',
    'site',
    'caller_hash',
    'entered_at',
    'answered_at',
    'ended_at',
    'wait_s',
    'agent_id',
    'talk_s',
    'hold_s',
    'wrap_s',
    'transferred',
    'callback',
    'self_service',
    'topic',
  ],
  ratings: ['call_id', 'score', 'rated_at', 'agent_id'],
  'agent-events': ['agent_id', 'at', 'state', 'reason'],
  agents: ['agent_id', 'name', 'site', 'department', 'languages', 'contract_hours_week', 'hired_at'],
};

/** Streams the stored events of a kind in [fromMs, toMs), one object per row. */
export async function* streamEvents(
  client: ClickHouseClient,
  kind: EventKind,
  fromMs: number,
  toMs: number,
): AsyncGenerator<Record<string, unknown>> {
  const rs = await client.query({
    query: sqlQuery(QUERY_OF_KIND[kind]),
    query_params: { from: toClickHouseTime(fromMs), to: toClickHouseTime(toMs) },
    format: 'JSONEachRow',
  });
  for await (const rows of rs.stream<Record<string, unknown>>()) {
    for (const row of rows) yield row.json();
  }
}
