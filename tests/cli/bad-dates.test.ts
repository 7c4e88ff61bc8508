/**
 * DESIGN §7: a date option that is no date is bad usage — one line on stderr naming the option
 * and the value, exit 2 — for every command that takes one. QA: month 13 and day 32 gave
 * "failed: Invalid time value" and exit 1 (only an impossible day of a real month, 02-30, was caught).
 * Options are checked before the database is opened, so no database is started here.
 */
import { describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';

const ws = new Workspace('bad-dates');
const common = ['--db', ws.db, '--config', ws.defaultConfig];

async function usageLine(args: string[]): Promise<string> {
  const r = await runCli([...args, ...common]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  return lines[0];
}

const BAD_DATES = ['2026-13-01', '2026-11-32', '2026-00-10', '2026-11-00', '2026-02-30', '2026-1-01'];
const range = (from: string, to: string) => ['--from', from, '--to', to];

describe('a bad date option', () => {
  it.each(BAD_DATES)('%s is a usage error naming the option, in every command taking a date', async (bad) => {
    const cases: [string[], string][] = [
      [['kpi', ...range(bad, '2026-11-27')], 'from'],
      [['kpi', ...range('2026-11-01', bad)], 'to'],
      [['export', 'calls', ...range(bad, '2026-11-27')], '--from'],
      [['export', 'calls', ...range('2026-11-01', bad)], '--to'],
      [['forecast', ...range(bad, '2026-11-27')], 'from'],
      [['staffing', ...range('2026-11-01', bad)], 'to'],
      [['staffing', ...range('2026-11-01', '2026-11-07'), '--simulate-date', bad], 'simulate date'],
      [['rejects', '--since', bad], '--since'],
      [['demo', '--end', bad], '--end'],
    ];
    for (const [args, option] of cases) {
      const line = await usageLine(args);
      expect(line).toContain(`${option}: expected a date YYYY-MM-DD, got "${bad}"`);
    }
  });

  it.each([
    [['payroll', '--month', '2026-13'], '--month'],
    [['payroll', '--month', '2026-00'], '--month'],
    [['roster', '--week', '2026-W54'], 'week'],
    [['training', '--week', '2026-W00'], 'week'],
  ])('%j: a month or week that is none is one too', async (args, option) => {
    const line = await usageLine(args);
    expect(line).toContain(option);
    expect(line).toContain(args[2]);
  });
});
