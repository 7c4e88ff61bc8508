/**
 * Writing events: which keys are stored already, and batched inserts. Values are always bound.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { EventByKind, EventKind } from '../../domain/events.ts';
import { fromClickHouseTime, toClickHouseTime } from '../../../ingest/formats/time.ts';
import { isEmbeddedClient } from '../clickhouse/client.ts';
import { bulkInsert, TsvBuffer, TsvFile, type Column } from './bulk-insert.ts';
import type { StoredVisit } from '../../../ingest/fresh-visits.ts';
import { COLUMNS_OF_KIND, TABLE_OF_KIND, keyOf, rowOf, tsvLineOf } from './event-rows.ts';

async function rows<T>(client: ClickHouseClient, query: string, params: Record<string, unknown>): Promise<T[]> {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

/** Where a look-up takes a batch's ids from: a parameter, or a column of the batch's TSV file. */
interface IdSource {
  /** A subquery giving the ids of column `column`. */
  ids(column: string): string;
  params: Record<string, unknown>;
}

/** The ids as an Array(String) parameter (`{ids}`: one list per query). */
function idsParameter(values: string[]): IdSource {
  return { ids: () => 'SELECT arrayJoin({ids:Array(String)})', params: { ids: [...new Set(values)] } };
}

/** The ids as a column of the batch's TSV file of `columns` (10,000 visits: 8 ms, 20 ms as a parameter). */
function idsInFile(file: TsvFile, columns: Column[]): IdSource {
  return {
    ids: (column) => file.column(columns, column),
    params: file.params,
  };
}

/** The keys (as `keyOf` builds them) of those records that are stored already. */
async function storedKeys<K extends EventKind>(
  client: ClickHouseClient,
  kind: K,
  records: EventByKind[K][],
  source: IdSource = idsParameter(records.map((r) => idOf(kind, r))),
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const keys = new Set<string>();
  if (kind === 'calls') {
    for (const v of await storedVisits(client, source)) keys.add(`${v.callId}\u0000${v.queue}\u0000${v.visit}`);
  } else if (kind === 'ratings') {
    const found = await rows<{ call_id: string; rated: string }>(
      client,
      `SELECT call_id, toString(rated_at) AS rated FROM rating WHERE call_id IN (${source.ids('call_id')})`,
      source.params,
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
       WHERE agent_id IN (${source.ids('agent_id')}) AND at BETWEEN {min:DateTime64(3, 'UTC')} AND {max:DateTime64(3, 'UTC')}`,
      { ...source.params, min: toClickHouseTime(min), max: toClickHouseTime(max) },
    );
    for (const r of found) keys.add(`${r.agent_id}\u0000${fromClickHouseTime(r.at_text)}\u0000${r.state}`);
  } else {
    const found = await rows<Record<string, unknown>>(
      client,
      `SELECT agent_id, name, site, department, languages, contract_hours_week, toString(hired_at) AS hired_at
       FROM agent FINAL WHERE agent_id IN (${source.ids('agent_id')})`,
      source.params,
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

/** The visits stored of the calls of `source`'s ids, with their spans. */
async function storedVisits(client: ClickHouseClient, source: IdSource): Promise<StoredVisit[]> {
  const found = await rows<{ call_id: string; queue: string; visit: number; entered: number; ended: number }>(
    client,
    `SELECT call_id, queue, visit, toUnixTimestamp64Milli(entered_at) AS entered, toUnixTimestamp64Milli(ended_at) AS ended
     FROM call WHERE call_id IN (${source.ids('call_id')})`,
    source.params,
  );
  return found.map((r) => ({
    callId: r.call_id,
    queue: r.queue,
    visit: Number(r.visit),
    enteredAtMs: Number(r.entered),
    endedAtMs: Number(r.ended),
  }));
}

/** The id a record is looked up by: its call's or its agent's. */
function idOf<K extends EventKind>(kind: K, record: EventByKind[K]): string {
  return kind === 'calls' || kind === 'ratings'
    ? (record as EventByKind['calls' | 'ratings']).callId
    : (record as EventByKind['agent-events' | 'agents']).agentId;
}

/** The columns of a kind's insert: the record's, then `source`. */
const insertColumns = (kind: EventKind): Column[] => [...COLUMNS_OF_KIND[kind], { name: 'source', type: 'String' }];

/**
 * A batch of records of one kind on its way into its table: which are stored already, then one
 * insert of those that are not. On the embedded engine the batch is written once, as the TSV file
 * of its insert, and the look-up reads its ids from that file; otherwise (a server, or agents,
 * which carry a version) the records are sent as they are. `close()` when done.
 */
export class RecordBatch<K extends EventKind> {
  private constructor(
    private readonly client: ClickHouseClient,
    private readonly kind: K,
    private readonly records: EventByKind[K][],
    private readonly source: string,
    private readonly tsv: TsvBuffer | null,
    private file: TsvFile | null,
  ) {}

  static async open<K extends EventKind>(
    client: ClickHouseClient,
    kind: K,
    records: EventByKind[K][],
    source: string,
  ): Promise<RecordBatch<K>> {
    if (kind === 'agents' || !isEmbeddedClient(client))
      return new RecordBatch(client, kind, records, source, null, null);
    const tsv = new TsvBuffer();
    for (const r of records) tsv.append(tsvLineOf(kind as Exclude<EventKind, 'agents'>, r, source));
    return new RecordBatch(client, kind, records, source, tsv, await TsvFile.write(tsv.all()));
  }

  /** The keys (keyOf) of the batch's records that are stored already. */
  storedKeys(): Promise<Set<string>> {
    const ids = this.file ? idsInFile(this.file, insertColumns(this.kind)) : undefined;
    return storedKeys(this.client, this.kind, this.records, ids);
  }

  /** The visits stored of the batch's calls (a batch of calls). */
  storedVisits(): Promise<StoredVisit[]> {
    const records = this.records as EventByKind['calls'][];
    const ids = this.file ? idsInFile(this.file, insertColumns(this.kind)) : idsParameter(records.map((r) => r.callId));
    return records.length === 0 ? Promise.resolve([]) : storedVisits(this.client, ids);
  }

  /** Inserts the records for which `keep` is true (one insert; none when none is kept). */
  async insert(keep: readonly boolean[]): Promise<void> {
    const kept = keep.filter(Boolean).length;
    if (kept === 0) return;
    if (!this.tsv || !this.file) {
      await insertRows(
        this.client,
        this.kind,
        this.records.filter((_, i) => keep[i]),
        this.source,
      );
      return;
    }
    if (kept < this.records.length) {
      await this.file.remove();
      this.file = await TsvFile.write(this.tsv.kept(keep));
    }
    await this.file.insertInto(this.client, TABLE_OF_KIND[this.kind], insertColumns(this.kind));
  }

  async close(): Promise<void> {
    await this.file?.remove();
  }
}

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
  const batch = await RecordBatch.open(client, kind, records, source);
  try {
    await batch.insert(records.map(() => true));
  } finally {
    await batch.close();
  }
}

let agentVersion = 0;

/** Records as rows of their table, sent as they are (a server; agents, which carry a version). */
async function insertRows<K extends EventKind>(
  client: ClickHouseClient,
  kind: K,
  records: EventByKind[K][],
  source: string,
): Promise<void> {
  const values = records.map((r) => {
    const row: Record<string, unknown> = { ...(rowOf(kind, r) as object), source };
    // A later agent row replaces an earlier one: versions grow with time, and within a batch.
    if (kind === 'agents') row.version = Date.now() * 1000 + (agentVersion++ % 1000);
    return row;
  });
  await bulkInsert(client, TABLE_OF_KIND[kind], insertColumns(kind), values);
}

export { keyOf };
