/**
 * `kezek ingest --follow Master.csv --format asterisk-cdr-csv`: SIGTERM stores the calls whose
 * legs were read, even those that could still take more legs (the follower would otherwise hold
 * them for 15 minutes of event time); a late leg written after the restart amends its call.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../kpi/harness.ts';
import { X_NEW, X_OLD, Z } from './cdr-legs.ts';
import { childJson, CONFIG, kpiArgs, sleep, spawnKezek } from './helpers.ts';

const ws = new Workspace('cdr-follow');
const config = ws.config(CONFIG);
const path = join(ws.dir, 'Master.csv');

function follower() {
  return spawnKezek(['ingest', path, '--follow', '--format', 'asterisk-cdr-csv', '--db', ws.db, '--config', config]);
}

async function followFor(ms: number) {
  const f = follower();
  await sleep(ms);
  f.child.kill('SIGTERM');
  expect(await f.exit).toEqual({ code: 0, signal: null });
}

interface KpiRow {
  group: { queue: string; agent: string };
  offered: number;
  answered: number;
  abandoned: number;
  lost: number;
}
const kpi = async () =>
  (await childJson<{ rows: KpiRow[] }>(kpiArgs(ws.db, config, { from: '2026-10-05', to: '2026-10-05' }))).rows;

describe('ingest --follow of a CDR file', () => {
  it('stores the calls read when stopped, and amends one when its late leg comes after the restart', async () => {
    // Z ends 10 min after X's first leg: within the 15 min a follower waits for more legs.
    writeFileSync(path, `${X_OLD}\n${Z}\n`);
    await followFor(3000);
    const stopped = await kpi();
    expect(stopped).toHaveLength(2);
    expect(stopped[0]).toMatchObject({ group: { queue: '1414-kk', agent: '' }, offered: 1, lost: 1 }); // Z
    expect(stopped[1]).toMatchObject({ group: { queue: '1414-ru', agent: '' }, offered: 1, abandoned: 1 }); // X so far

    appendFileSync(path, `${X_NEW}\n`);
    await followFor(3000);
    const amended = await kpi();
    expect(amended).toHaveLength(2);
    expect(amended[1]).toMatchObject({ group: { queue: '1414-ru', agent: '1002' }, offered: 1, answered: 1 });
  });
});
