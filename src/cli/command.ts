import type { CliIO } from './io.ts';

/**
 * One `kezek` sub-command. `run` parses its own argv (with `parseCommandArgs`), throws
 * `UsageError` for bad usage or bad input (exit 2) and any other error for failures (exit 1).
 */
export interface Command {
  name: string;
  /** One line for `kezek --help`. */
  summary: string;
  /** Usage text shown by `kezek NAME --help`. */
  usage: string;
  run(argv: string[], io: CliIO): Promise<void>;
}
