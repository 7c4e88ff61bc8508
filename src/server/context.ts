/**
 * The dashboards' database and config, opened once per server process (lazily: SvelteKit's build
 * imports server modules in a worker thread, where chdb must not be loaded).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { concurrentClient } from './clickhouse/client.ts';
import { READ_GRACE_MS, readPriority } from './clickhouse/read-priority.ts';
import { databaseTarget, loadConfig, serverSettings, type DatabaseTarget, type KezekConfig } from './config.ts';
import { openDatabase } from './open-database.ts';

export interface ServerContext {
  /** For the dashboards' reads (and small writes: users, sessions, audit). */
  client: ClickHouseClient;
  config: KezekConfig;
  target: DatabaseTarget;
}

let context: Promise<ServerContext & { ingestClient: ClickHouseClient }> | null = null;

export function serverContext(): Promise<ServerContext> {
  return openContext();
}

/** The client of HTTP ingest: each of its queries waits until no dashboard query is running. */
export async function serverIngestClient(): Promise<ClickHouseClient> {
  return (await openContext()).ingestClient;
}

/** Opens the database once per process: one engine, seen through a read view and an ingest view. */
function openContext() {
  context ??= (async () => {
    const config = loadConfig(serverSettings().configFile);
    const target = databaseTarget();
    const client = await openDatabase(target);
    const { reads, writes } = readPriority(client, READ_GRACE_MS, concurrentClient(client, 'ingest'));
    return { client: reads, ingestClient: writes, config, target };
  })();
  context.catch(() => (context = null));
  return context;
}
