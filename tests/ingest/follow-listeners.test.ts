/**
 * `kezek ingest FILE --follow` reads the followed file through one FileHandle. QA: after ~11
 * appends stderr showed "MaxListenersExceededWarning: … 11 close listeners added to [FileHandle]"
 * — a read stream per read, each adding a listener to the handle that lives as long as the file.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../kpi/harness.ts';
import { sleep, spawnKezek } from '../ingest-asterisk/helpers.ts';

const ws = new Workspace('follow-listeners');
const APPENDS = 35; // three times Node's default of 10 listeners per event

const call = (i: number) =>
  `${JSON.stringify({ call_id: `f${i}`, queue: 'q', entered_at: 1795151400 + i, ended_at: 1795151500 + i })}\n`;

describe('ingest --follow', () => {
  it(`reads ${APPENDS} appends one by one without a listener warning`, async () => {
    const path = join(ws.dir, 'calls.ndjson');
    writeFileSync(path, '');
    const f = spawnKezek([
      'ingest',
      path,
      '--follow',
      '--format',
      'kezek-ndjson',
      ...['--db', ws.db, '--config', ws.defaultConfig],
      '--json',
    ]);
    await sleep(2000); // the database opened and the file's start read
    for (let i = 0; i < APPENDS; i++) {
      appendFileSync(path, call(i));
      await sleep(120); // more than nothing, less than the 200 ms poll: some appends come by the watcher, some by the poll
    }
    await sleep(1500);
    f.child.kill('SIGTERM');
    expect(await f.exit).toEqual({ code: 0, signal: null });
    expect(f.stderr()).not.toMatch(/MaxListenersExceeded|Warning/);
    expect(JSON.parse(f.stdout())).toMatchObject({ read: APPENDS, accepted: APPENDS, rejected: 0 });
  }, 120_000);
});
