/**
 * Opening the database a process works on: connected, migrated, and with the contact and rating
 * facts a process that died mid-ingest left unrefreshed brought up to date (fact-backlog.ts).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { openClient } from './clickhouse/client.ts';
import { migrate } from './clickhouse/migrate.ts';
import type { DatabaseTarget } from './config.ts';
import { refreshPendingFacts } from './queries/fact-backlog.ts';

export async function openDatabase(target: DatabaseTarget): Promise<ClickHouseClient> {
  const client = await openClient(target);
  await migrate(client);
  await refreshPendingFacts(client);
  return client;
}
