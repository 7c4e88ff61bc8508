import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseLocalDate } from '../server/kpi-request.ts';
import { InputError } from '../server/input-error.ts';

/** Bad usage or bad input: the CLI prints the message on one line and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options every command takes (DESIGN §7). */
export const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  clickhouse: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's argv with its own options plus the global ones; unknown options and
 * missing values become a UsageError naming the option.
 */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    // `--calls -5`: Node takes the value for an option of its own (QA: "argument is ambiguous").
    const dashed = /^Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    if (dashed) {
      const value = argv[argv.indexOf(dashed[1]) + 1] ?? '';
      throw new UsageError(`${dashed[1]}: expected a value, got "${value}" (a negative number, or an option)`);
    }
    throw new UsageError(message.split('\n')[0]);
  }
}

/**
 * Reads a decimal option (e.g. `--calls 0.1`): a finite number ≥ min, else a UsageError naming it.
 */
export function decimalOption(name: string, raw: string | undefined, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) {
    throw new UsageError(`--${name}: expected a number, got "${raw}"`);
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new UsageError(`--${name}: must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

/** Reads a whole-number option ≥ min. */
export function integerOption(name: string, raw: string | undefined, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--${name}: expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min) throw new UsageError(`--${name}: must be ≥ ${min}, got "${raw}"`);
  return value;
}

/** Reads a local date option YYYY-MM-DD (checked as the API's dates are: parseLocalDate). */
export function dateOption(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseLocalDate(`--${name}`, raw);
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(err.message);
    throw err;
  }
}

export function requireOption<T>(name: string, value: T | undefined): T {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}
