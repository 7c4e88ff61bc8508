/**
 * Issue 3, DESIGN §4 ("a crash or kill at any point, followed by a restart, ends with exactly the
 * rows of the input"): a file ingest whose store fails in the middle — the database refuses one
 * batch's visits while the next batch is already sealed behind it (ingestFiles stores one batch
 * while it reads the next). The run fails; no later checkpoint may carry the assembler state of
 * the lost batch (IngestSession abandons what was sealed after the failure); running the same
 * ingest again then ends with exactly the lines, visits and agent events of a clean run.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asteriskOptions } from '../../ingest/asterisk/options.ts';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import { ingestFiles, type IngestOptions } from '../../ingest/ingest-files.ts';
import { openContext } from '../../src/cli/context.ts';
import { concurrentClient } from '../../src/server/clickhouse/client.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';
import { REPO_ROOT, Workspace } from '../kpi/harness.ts';
import { childJson, CONFIG } from './helpers.ts';
import { queueLogSample } from './queue-log-sample.ts';
import { storedFingerprint, type Fingerprint } from './stored-fingerprint.ts';

const ws = new Workspace('ql-store-failure');
const config = ws.config(CONFIG);
const sample = queueLogSample({ calls: 800, days: 1, seed: 41 });
const file = ws.file(sample.lines.join('\n') + '\n', 'queue_log');
const INJECTED = 'injected: the database refused this statement';

/**
 * Makes the client fail the `nth` command (1-based) that matches, once (the same object: still
 * the embedded engine, so the production write path runs); returns the undo.
 */
function failNth(client: ClickHouseClient, match: RegExp, nth: number): () => void {
  let seen = 0;
  const command = client.command;
  client.command = (async (params: Parameters<ClickHouseClient['command']>[0]) => {
    if (match.test(params.query) && ++seen === nth) throw new Error(INJECTED);
    return command.call(client, params);
  }) as ClickHouseClient['command'];
  return () => (client.command = command);
}

let clean: Fingerprint;
let options: IngestOptions;
let client: ClickHouseClient;

beforeAll(async () => {
  const cleanDb = join(ws.dir, 'clean');
  await childJson(['ingest', file, '--format', 'asterisk-queue-log', '--db', cleanDb, '--config', config, '--json']);
  const script = join(REPO_ROOT, 'tests/ingest-asterisk/stored-fingerprint.ts');
  clean = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, cleanDb], { encoding: 'utf8' }));
  const ctx = await openContext({ db: ws.db, config });
  client = ctx.client;
  const opts = asteriskOptions(ctx.config, createCallerHasher(await callerSalt(client)));
  // Small batches: the sample (~3,200 lines) makes many commits, the failure lands mid-file; a batch spans less than the assembler's 1-hour dedupe window.
  options = { ...opts, format: 'asterisk-queue-log', kind: 'calls', batchRows: 100 };
}, 120_000);

describe('a file ingest whose store fails in the middle', () => {
  it('fails, and run again ends with exactly the rows of a clean run', async () => {
    // The third batch's visits are refused (ingestFiles has sealed the fourth by then), on the
    // connection the visits go through.
    const undo = failNth(concurrentClient(client, 'events'), /^INSERT INTO call \(/, 3);
    await expect(ingestFiles(client, [file], options)).rejects.toThrow(INJECTED);
    undo();
    // Whatever was sealed behind the failed batch has time to store (it must not: its checkpoint
    // would carry the failed batch's visits as done) before the run is repeated.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const partial = await storedFingerprint(ws.db);
    expect(partial.calls).toBeLessThan(clean.calls); // the failure did stop the run part-way

    const again = await ingestFiles(client, [file], options);
    expect(again.rejected).toBe(0);
    expect(again.read).toBe(sample.lines.length);
    expect(await storedFingerprint(ws.db)).toEqual(clean);
  });
});
