/**
 * Writing events: which keys are stored already, and batched inserts. Values are always bound.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { EventByKind, EventKind } from '../../domain/events.ts';
import { fromClickHouseTime, toClickHouseTime } from '../../../ingest/formats/time.ts';
import { isEmbeddedClient } from '../clickhouse/client.ts';
import { bulkInsert, insertTsvLines } from './bulk-insert.ts';
import { COLUMNS_OF_KIND, TABLE_OF_KIND, keyOf, rowOf, tsvLineOf } from './event-rows.ts';

async function rows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown>): Promise<T[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The keys (as `keyOf` builds them) of those records that are stored already. */
export async function storedKeys<K extends EventKind>(
  client: ClickHouseClient,
  kind: K,
  records: EventByKind[K][],
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const keys = new Set<string>();
  if (kind === 'calls') {
    const ids = unique((records as EventByKind['calls'][]).map((r) => r.callId));
    const found = await rows<{ call_id: string; queue: string }>(
      client,
      'SELECT call_id, queue FROM call WHERE call_id IN (SELECT arrayJoin({ids:Array(String)}))',
      { ids },
    );
    for (const r of found) keys.add(`${r.call_id}\u0000${r.queue}`);
  } else if (kind === 'ratings') {
    const ids = unique((records as EventByKind['ratings'][]).map((r) => r.callId));
    const found = await rows<{ call_id: string; rated: string }>(
      client,
      'SELECT call_id, toString(rated_at) AS rated FROM rating WHERE call_id IN (SELECT arrayJoin({ids:Array(String)}))',
      { ids },
    );
    for (const r of found) keys.add(`${r.call_id}\u0000${fromClickHouseTime(r.rated)}`);
  } else if (kind === 'agent-events') {
    const events = records as EventByKind['agent-events'][];
    let min = Infinity;
    let max = -Infinity;
    for (const e of events) {
      if (e.atMs < min) min = e.atMs;
      if (e.atMs > max) max = e.atMs;
    }
    const found = await rows<{ agent_id: string; at_text: string; state: string }>(
      client,
      `SELECT agent_id, toString(at) AS at_text, state FROM agent_event
       WHERE agent_id IN (SELECT arrayJoin({ids:Array(String)})) AND at BETWEEN {min:DateTime64(3, 'UTC')} AND {max:DateTime64(3, 'UTC')}`,
      { ids: unique(events.map((e) => e.agentId)), min: toClickHouseTime(min), max: toClickHouseTime(max) },
    );
    for (const r of found) keys.add(`${r.agent_id}\u0000${fromClickHouseTime(r.at_text)}\u0000${r.state}`);
  } else {
    const ids = unique((records as EventByKind['agents'][]).map((r) => r.agentId));
    const found = await rows<Record<string, unknown>>(
      client,
      `SELECT agent_id, name, site, department, languages, contract_hours_week, toString(hired_at) AS hired_at
       FROM agent FINAL WHERE agent_id IN (SELECT arrayJoin({ids:Array(String)}))`,
      { ids },
    );
    for (const r of found) {
      keys.add(
        JSON.stringify({
          agent_id: r.agent_id,
          name: r.name,
          site: r.site,
          department: r.department,
          languages: r.languages,
          contract_hours_week: r.contract_hours_week,
          hired_at: r.hired_at,
        }),
      );
    }
  }
  return keys;
}

let agentVersion = 0;

/**
 * Inserts records of one kind in one insert (one part). The contact and rating facts they change
 * are the writer's to refresh (fact-backlog.ts; `kezek demo` refreshes its days itself).
 */
export async function insertRecords<K extends EventKind>(
  client: ClickHouseClient,
  kind: K,
  records: EventByKind[K][],
  source: string,
): Promise<void> {
  if (records.length === 0) return;
  const columns = [...COLUMNS_OF_KIND[kind], { name: 'source', type: 'String' }];
  if (kind !== 'agents' && isEmbeddedClient(client)) {
    // The hot path of bulk loads: TSV lines straight from the records, no row objects.
    const lines = records.map((r) => tsvLineOf(kind, r, source));
    return insertTsvLines(client, TABLE_OF_KIND[kind], columns, lines);
  }
  const values = records.map((r) => {
    const row: Record<string, unknown> = { ...(rowOf(kind, r) as object), source };
    // A later agent row replaces an earlier one: versions grow with time, and within a batch.
    if (kind === 'agents') row.version = Date.now() * 1000 + (agentVersion++ % 1000);
    return row;
  });
  await bulkInsert(client, TABLE_OF_KIND[kind], columns, values);
}

export { keyOf };
