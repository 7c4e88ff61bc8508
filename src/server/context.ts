/**
 * The dashboards' database and config, opened once per server process (lazily: SvelteKit's build
 * imports server modules in a worker thread, where chdb must not be loaded).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { openClient } from './clickhouse/client.ts';
import { migrate } from './clickhouse/migrate.ts';
import { databaseTarget, loadConfig, serverSettings, type DatabaseTarget, type KezekConfig } from './config.ts';

export interface ServerContext {
  client: ClickHouseClient;
  config: KezekConfig;
  target: DatabaseTarget;
}

let context: Promise<ServerContext> | null = null;

export function serverContext(): Promise<ServerContext> {
  context ??= (async () => {
    const config = loadConfig(serverSettings().configFile);
    const target = databaseTarget();
    const client = await openClient(target);
    await migrate(client);
    return { client, config, target };
  })();
  context.catch(() => (context = null));
  return context;
}
