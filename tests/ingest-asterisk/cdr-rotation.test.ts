/**
 * CDR legs of one call split by a rotation of Master.csv, the two files ingested by two separate
 * `kezek ingest` runs (the cron way): the first run stores the calls from the legs it has, the
 * second amends them with the late legs — in the KPIs, the rollups, the contact facts and the
 * direct calls, also when a try of it dies half-way; a third run of the second file changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ClickHouseClient } from '@clickhouse/client';
import { asteriskOptions } from '../../ingest/asterisk/options.ts';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { openContext } from '../../src/cli/context.ts';
import { concurrentClient, openClient } from '../../src/server/clickhouse/client.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';
import { databaseTarget } from '../../src/server/config.ts';
import { rollupDisagreements } from '../../src/server/queries/rollup.ts';
import { runCli, Workspace } from '../kpi/harness.ts';
import { X_NEW, X_OLD, Y_NEW, Y_OLD, Z } from './cdr-legs.ts';
import { CONFIG, kpiArgs } from './helpers.ts';

const ws = new Workspace('cdr-rotation');
const config = ws.config(CONFIG);
const OLD_FILE = ws.file([X_OLD, Y_OLD, Z].join('\n') + '\n', 'Master.csv.1');
const NEW_FILE = ws.file([X_NEW, Y_NEW].join('\n') + '\n', 'Master.csv');

interface Stored {
  kpi: unknown[];
  directCalls: number;
  contactFacts: number;
  rollupDisagreements: unknown[];
}

async function stored(): Promise<Stored> {
  const r = await runCli(kpiArgs(ws.db, config, { from: '2026-10-05', to: '2026-10-05' }));
  expect(r.code, r.stderr).toBe(0);
  const client = await openClient(databaseTarget({ db: ws.db }));
  const count = async (query: string) =>
    Number((await (await client.query({ query, format: 'JSONEachRow' })).json<{ n: string }>())[0].n);
  return {
    kpi: JSON.parse(r.stdout).rows,
    directCalls: await count('SELECT count() AS n FROM direct_call FINAL'),
    contactFacts: await count('SELECT count() AS n FROM contact_fact FINAL WHERE deleted = 0'),
    rollupDisagreements: await rollupDisagreements(client, Date.UTC(2026, 9, 1), Date.UTC(2026, 10, 1)),
  };
}

async function ingest(file: string) {
  const r = await runCli(['ingest', file, '--format', 'asterisk-cdr-csv', '--db', ws.db, '--config', config, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { read: number; accepted: number; duplicates: number };
}

/** Z, whole in the first file: lost after 45 s, before the second file and after it. */
const Z_LOST = { group: { queue: '1414-kk', agent: '' }, offered: 1, lost: 1 };

describe('CDR legs of one call across a rotation, ingested by two runs', () => {
  it('stores the calls of the first file as its legs show them', async () => {
    expect(await ingest(OLD_FILE)).toMatchObject({ read: 3, accepted: 3 });
    const before = await stored();
    // X abandoned after 12 s, no agent; Y a direct call; Z lost.
    expect(before.kpi).toHaveLength(2);
    expect(before.kpi[0]).toMatchObject(Z_LOST);
    expect(before.kpi[1]).toMatchObject({
      group: { queue: '1414-ru', agent: '' },
      offered: 1,
      answered: 0,
      abandoned: 1,
    });
    expect(before).toMatchObject({ directCalls: 1, contactFacts: 0, rollupDisagreements: [] });
  });

  it('amends them with the late legs of the second file, in KPIs, rollups, facts and direct calls', async () => {
    // The first try dies between deleting the stored visits and inserting the amended ones.
    const ctx = await openContext({ db: ws.db, config });
    const opts = asteriskOptions(ctx.config, createCallerHasher(await callerSalt(ctx.client)));
    const events = concurrentClient(ctx.client, 'events');
    const command = events.command;
    events.command = (async (params: Parameters<ClickHouseClient['command']>[0]) => {
      if (/^INSERT INTO call \(/.test(params.query)) throw new Error('injected: the process dies here');
      return command.call(events, params);
    }) as ClickHouseClient['command'];
    await expect(
      ingestFiles(ctx.client, [NEW_FILE], { ...opts, format: 'asterisk-cdr-csv', kind: 'calls' }),
    ).rejects.toThrow(/injected/);
    events.command = command;
    expect((await stored()).kpi).toHaveLength(1); // X and Y are deleted, their new visits not in

    // Run again: the checkpoint still holds X and Y as the first file left them, so the late legs
    // (stored as CDR rows by the try already: duplicates) amend them anew.
    expect(await ingest(NEW_FILE)).toMatchObject({ read: 2, accepted: 0, duplicates: 2 });
    const after = await stored();
    expect(after.kpi).toHaveLength(3);
    expect(after.kpi[0]).toMatchObject(Z_LOST);
    expect(after.kpi[1]).toMatchObject({
      group: { queue: '1414-ru', agent: '1002' },
      offered: 1,
      answered: 1,
      asa_s: 12, // answer 10:00:12 − entry 10:00:00
      aht_s: 95, // billsec of 1002's leg
    });
    expect(after.kpi[2]).toMatchObject({
      group: { queue: '1414-ru', agent: '1003' },
      offered: 1,
      answered: 1,
      asa_s: 40, // answer 10:04:00 − entry 10:03:20
    });
    // Y is a queue call now, not a direct call; X and Y are answered contacts.
    expect(after).toMatchObject({ directCalls: 0, contactFacts: 2, rollupDisagreements: [] });

    // Again: only duplicates, nothing changes.
    expect(await ingest(NEW_FILE)).toMatchObject({ read: 2, accepted: 0, duplicates: 2 });
    expect(await stored()).toEqual(after);
  });
});
