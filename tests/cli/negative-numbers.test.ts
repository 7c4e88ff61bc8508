/**
 * A negative number given to a number option (QA: `erlang --calls -5` said "Option '--calls'
 * argument is ambiguous", and `--calls=-5` "expected a number", though -5 is one): one line naming
 * the option and the value, exit 2.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../kpi/harness.ts';

describe('a negative number option', () => {
  it.each([
    [
      ['--calls', '-5', '--aht', '180'],
      'kezek erlang: --calls: expected a value, got "-5" (a negative number, or an option)',
    ],
    [
      ['--calls', '100', '--aht', '-1'],
      'kezek erlang: --aht: expected a value, got "-1" (a negative number, or an option)',
    ],
    [['--calls=-5', '--aht', '180'], 'kezek erlang: --calls: must be a number ≥ 0, got "-5"'],
  ])('erlang %j: says what is wrong with it', async (args, line) => {
    const r = await runCli(['erlang', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stdout).toBe('');
  });
});
