import type { ClickHouseClient } from '@clickhouse/client';
import { databaseTarget, loadConfig, type DatabaseTarget, type KezekConfig } from '../server/config.ts';
import { openDatabase } from '../server/open-database.ts';

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
  const client = await openDatabase(target);
  return { config, target, client };
}
