/**
 * A command that reads history (KPIs, pay, plans), given a database directory that is not there (QA: a mistyped --db
 * was created as an empty database, and `kezek rejects` said "no rejects", exit 0): exit 2, one
 * line naming the path, and no directory left behind.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';

const ws = new Workspace('missing-db');

// QA: `payroll --month` and `payroll close` paid everyone zero (and closed the month) on one.
const READERS = [
  ['rejects'],
  ['kpi', '--from', '2026-11-01', '--to', '2026-11-02'],
  ['export', 'calls'],
  ['payroll', '--month', '2026-10'],
  ['payroll', 'close', '--month', '2026-10'],
  ['forecast', '--from', '2026-12-01', '--to', '2026-12-07'],
  ['staffing', '--from', '2026-12-01', '--to', '2026-12-01'],
  ['roster', '--week', '2026-W49'],
  ['training', '--week', '2026-W49'],
];

describe('commands that read history, on a database that is not there', () => {
  it('refuse it rather than create an empty one', async () => {
    const db = join(ws.dir, 'mistyped');
    for (const args of READERS) {
      const r = await runCli([...args, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kezek ${args[0]}: no database at ${db} (kezek demo, ingest or serve create one)\n`);
      expect(existsSync(db)).toBe(false);
    }
  });
});
