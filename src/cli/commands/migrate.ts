import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { printJson } from '../io.ts';
import { openClient } from '../../server/clickhouse/client.ts';
import { migrate } from '../../server/clickhouse/migrate.ts';
import { databaseTarget, loadConfig } from '../../server/config.ts';

export const command: Command = {
  name: 'migrate',
  summary: 'apply the SQL migrations (idempotent)',
  usage: 'kezek migrate [--db DIR | --clickhouse URL] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {});
    loadConfig(values.config);
    const client = await openClient(databaseTarget(values));
    const applied = await migrate(client);
    if (values.json) printJson(io, { applied });
    else io.stdout(applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n');
  },
};
