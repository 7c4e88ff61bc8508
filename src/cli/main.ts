/**
 * `kezek <command>`: exit 0 on success, 2 on bad usage or bad input (one line on stderr),
 * 1 on other failures (DESIGN §7).
 */
import { ConfigError, debugEnabled } from '../server/config.ts';
import { DatabaseBusyError } from '../server/clickhouse/client.ts';
import { InputError } from '../server/input-error.ts';
import { UsageError } from './args.ts';
import type { Command } from './command.ts';
import { commands } from './commands/index.ts';
import { processIO, type CliIO } from './io.ts';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: kezek <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'every command takes --db DIR | --clickhouse URL, --config FILE and --json',
    "run 'kezek <command> --help' for a command's options",
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name ? 0 : 2;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`kezek: unknown command "${name}" (run kezek --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage.trim()}\n`);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof InputError) {
      io.stderr(`kezek ${name}: ${err.message}\n`);
      return 2;
    }
    if (err instanceof DatabaseBusyError) {
      io.stderr(`kezek ${name}: ${err.message}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`kezek ${name}: failed: ${message.split('\n')[0]}\n`);
    if (debugEnabled()) io.stderr(`${(err as Error).stack}\n`);
    return 1;
  }
}
