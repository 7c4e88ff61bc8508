import type { ClickHouseClient } from '@clickhouse/client';
import { existsSync } from 'node:fs';
import { UsageError } from './args.ts';
import { databaseTarget, loadConfig, type DatabaseTarget, type KezekConfig } from '../server/config.ts';
import { openDatabase } from '../server/open-database.ts';

export interface CommandContext {
  config: KezekConfig;
  target: DatabaseTarget;
  client: ClickHouseClient;
}

/**
 * The config and a migrated database for a command's global options. `existing`: a command that
 * only reads refuses an embedded database that is not there, rather than create an empty one and
 * report nothing (QA: a mistyped --db showed "no rejects").
 */
export async function openContext(
  values: { db?: string; clickhouse?: string; config?: string },
  { existing = false } = {},
): Promise<CommandContext> {
  const config = loadConfig(values.config);
  const target = databaseTarget(values);
  if (existing && target.kind === 'embedded' && !existsSync(target.path)) {
    throw new UsageError(`no database at ${target.path} (kezek demo, ingest or serve create one)`);
  }
  const client = await openDatabase(target);
  return { config, target, client };
}
