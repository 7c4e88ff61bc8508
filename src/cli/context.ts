import type { ClickHouseClient } from '@clickhouse/client';
import { openClient } from '../server/clickhouse/client.ts';
import { migrate } from '../server/clickhouse/migrate.ts';
import { databaseTarget, loadConfig, type DatabaseTarget, type KezekConfig } from '../server/config.ts';

export interface CommandContext {
  config: KezekConfig;
  target: DatabaseTarget;
  client: ClickHouseClient;
}

/** The config and a migrated database for a command's global options. */
export async function openContext(values: {
  db?: string;
  clickhouse?: string;
  config?: string;
}): Promise<CommandContext> {
  const config = loadConfig(values.config);
  const target = databaseTarget(values);
  const client = await openClient(target);
  await migrate(client);
  return { config, target, client };
}
