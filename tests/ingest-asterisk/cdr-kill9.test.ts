/**
 * DESIGN §4 for CDR: a large Master.csv ingest killed (-9) once its first batches are stored and
 * run again ends with exactly the CDR rows, visits and direct calls of a clean run — the calls
 * open or remembered at the kill come back from the checkpoint, and the rows read again amend
 * nothing and double nothing; the rollups agree with the visits.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { databaseTarget } from '../../src/server/config.ts';
import { rollupDisagreements } from '../../src/server/queries/rollup.ts';
import { REPO_ROOT, Workspace } from '../kpi/harness.ts';
import { cdrSample } from './cdr-sample.ts';
import { CONFIG, ingestArgsOf, killedRestartedAndClean, type IngestJson } from './helpers.ts';
import { storedFingerprint, type Fingerprint } from './stored-fingerprint.ts';

const ws = new Workspace('cdr-kill9');
const config = ws.config(CONFIG);
const sample = cdrSample({ calls: 12_000, seed: 21 });
const file = ws.file(sample.rows.join('\n') + '\n', 'Master.csv');
const cleanDb = join(ws.dir, 'clean');
const ingestArgs = ingestArgsOf(file, 'asterisk-cdr-csv', 1000, config);

let restart: IngestJson;

beforeAll(async () => {
  restart = await killedRestartedAndClean(ingestArgs, ws.db, ['cdr_record', 'call'], cleanDb);
}, 240_000);

describe('kill -9 in the middle of a large CDR ingest, then a restart', () => {
  it('found rows of the killed run stored (the kill hit mid-ingest)', () => {
    expect(restart).toMatchObject({ read: sample.rows.length, rejected: 0 });
    expect(restart.duplicates).toBeGreaterThan(0);
    expect(restart.accepted).toBeGreaterThan(0);
  });

  it('ends with exactly the CDR rows, visits and direct calls of a clean run, rollups agreeing', async () => {
    const script = join(REPO_ROOT, 'tests/ingest-asterisk/stored-fingerprint.ts');
    const clean = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', script, cleanDb], { cwd: REPO_ROOT, encoding: 'utf8' }),
    ) as Fingerprint;
    expect(clean).toMatchObject({
      cdrRows: sample.rows.length,
      calls: sample.queueCalls,
      directCalls: sample.directCalls,
    });
    expect(await storedFingerprint(ws.db)).toEqual(clean);
    const client = await openClient(databaseTarget({ db: ws.db }));
    expect(await rollupDisagreements(client, Date.UTC(2026, 9, 1), Date.UTC(2026, 11, 1))).toEqual([]);
  });
});
