/**
 * A call back in the same queue more than an hour after its first visit there ended: the queue_log
 * assembler has forgotten the first visit by then (it remembers completed visits for an hour of
 * event time) and numbers the re-entry 0 again. The writer tells the two visits apart by their
 * time spans (ingest/fresh-visits.ts): the re-entry is stored as visit 1, in one run or in two,
 * and re-sending either file still counts only duplicates.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runChild, Workspace } from '../kpi/harness.ts';

const T = 1795755600; // 2026-11-27 10:00:00 in Asia/Almaty (UTC+5): 05:00 UTC
const REENTRY = T + 4000; // 66 min 30 s after the first visit ended (T + 10): past the hour remembered

/** The two visits of call `id`: the caller leaves by a key after 10 s, and is back 4,000 s later. */
function visits(id: string, caller: string): { first: string[]; again: string[] } {
  return {
    first: [`${T}|${id}|1414-ru|NONE|ENTERQUEUE||${caller}|1`, `${T + 10}|${id}|1414-ru|NONE|EXITWITHKEY|0|1|1|10`],
    again: [
      `${REENTRY}|${id}|1414-ru|NONE|ENTERQUEUE||${caller}|1`,
      `${REENTRY + 5}|${id}|1414-ru|PJSIP/1001|CONNECT|5|${REENTRY + 5}.3|2`,
      `${REENTRY + 105}|${id}|1414-ru|PJSIP/1001|COMPLETECALLER|5|100|1`,
    ],
  };
}
const DAY = { from: '2026-11-27' };
const text = (lines: string[]) => lines.join('\n') + '\n';

describe('a call back in the same queue after the assembler forgot its first visit', () => {
  const ws = new Workspace('ql-reentry-late');
  const two = visits('1795755600.21', '77011234567');
  const one = visits('1795755600.44', '77017654321');
  const firstFile = ws.file(text(two.first), 'queue_log.1');
  const againFile = ws.file(text(two.again), 'queue_log');

  it('stores the re-entry as visit 1 when the two visits come in two runs', async () => {
    expect(await ws.ingestFile(firstFile, 'calls', 'asterisk-queue-log')).toMatchObject({ accepted: 2 });
    expect(await ws.ingestFile(againFile, 'calls', 'asterisk-queue-log')).toMatchObject({
      accepted: 3,
      duplicates: 0,
    });
    // Hand count (DESIGN §5): offered 2; answered 1 after 5 s (within SL 20 s); abandoned 1 after
    // 10 s (neither short < 5 nor lost ≥ 30); SL = 1 / 2; AHT = 100; mean wait (10 + 5) / 2.
    expect(await ws.total(DAY)).toMatchObject({
      offered: 2,
      answered: 1,
      abandoned: 1,
      service_level: 0.5,
      aht_s: 100,
      avg_wait_s: 7.5,
    });
    const calls = await ws.exported('calls');
    expect(calls.map((c) => [c.call_id, c.visit, c.wait_s])).toEqual([
      ['1795755600.21', 0, 10],
      ['1795755600.21', 1, 5],
    ]);
  });

  it('counts both files re-sent, as one file or the re-entry alone, as duplicates', async () => {
    const whole = ws.file(text([...two.first, ...two.again]), 'queue_log.all');
    expect(await ws.ingestFile(whole, 'calls', 'asterisk-queue-log')).toMatchObject({ accepted: 0, duplicates: 5 });
    expect(await ws.ingestFile(againFile, 'calls', 'asterisk-queue-log')).toMatchObject({
      accepted: 0,
      duplicates: 3,
    });
    expect(await ws.total(DAY)).toMatchObject({ offered: 2, answered: 1 });
    expect((await ws.exported('calls')).length).toBe(2);
  });

  it('stores both visits of a call whose re-entry comes in the same run, over an hour later', async () => {
    const file = ws.file(text([...one.first, ...one.again]), 'queue_log.other');
    // Stored lines: 5 new; the visits are derived from them (offered rises by 2 to 4).
    expect(await ws.ingestFile(file, 'calls', 'asterisk-queue-log')).toMatchObject({ accepted: 5, duplicates: 0 });
    expect(await ws.total(DAY)).toMatchObject({ offered: 4, answered: 2, abandoned: 2 });
    expect(await visitsOf('1795755600.44')).toEqual([
      [0, 10],
      [1, 5],
    ]);
  });

  /** [visit, wait_s] of the stored visits of a call, in order of entry. */
  async function visitsOf(callId: string): Promise<unknown[][]> {
    const calls = (await ws.exported('calls')).filter((c) => c.call_id === callId);
    calls.sort((a, b) => String(a.entered_at).localeCompare(String(b.entered_at)));
    return calls.map((c) => [c.visit, c.wait_s]);
  }
  const ingest = (lines: string[], name: string) =>
    ws.ingestFile(ws.file(text(lines), name), 'calls', 'asterisk-queue-log');

  it('keeps a re-entry after an older line of the call was sent again (QA)', async () => {
    // The first visit (answered after 15 s) begins in an older file; the same run reads the newer
    // one, where the call comes back 2 h later and leaves after 40 s. The older file is sent again:
    // its ENTERQUEUE must not open a visit that swallows the next re-entry (4 h later, answered
    // after 5 s), which would then overlap the first visit and be dropped as it. As QA ran it: a
    // database of its own, in a child process (this one holds the workspace's).
    const id = '1795755590.5';
    const older = ws.file(text([`${T - 10}|${id}|1414-ru|NONE|ENTERQUEUE||77010000001|1`]), 'rot.2');
    const newer = ws.file(
      text([
        `${T + 5}|${id}|1414-ru|PJSIP/1001|CONNECT|15|${T + 5}.1|2`,
        `${T + 105}|${id}|1414-ru|PJSIP/1001|COMPLETECALLER|15|100|1`,
        `${T + 7210}|${id}|1414-ru|NONE|ENTERQUEUE||77010000001|1`,
        `${T + 7250}|${id}|1414-ru|NONE|ABANDON|1|1|40`,
      ]),
      'rot.1',
    );
    const later = ws.file(
      text([
        `${T + 14400}|${id}|1414-ru|NONE|ENTERQUEUE||77010000001|1`,
        `${T + 14405}|${id}|1414-ru|PJSIP/1001|CONNECT|5|${T + 14405}.1|2`,
        `${T + 14505}|${id}|1414-ru|PJSIP/1001|COMPLETECALLER|5|100|1`,
      ]),
      'rot.0',
    );
    const db = join(ws.dir, 'resent-db');
    const ingest = async (...files: string[]) => {
      const r = await runChild(['ingest', ...files, '--format', 'asterisk-queue-log', '--db', db, '--json']);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as unknown;
    };
    await ingest(older, newer);
    expect(await ingest(older)).toMatchObject({ accepted: 0, duplicates: 1 });
    await ingest(later);
    const exported = await runChild(['export', 'calls', '--format', 'kezek-ndjson', '--db', db]);
    const visits = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .sort((a, b) => String(a.entered_at).localeCompare(String(b.entered_at)));
    expect(visits.map((v) => [v.visit, v.wait_s])).toEqual([
      [0, 15],
      [1, 40],
      [2, 5],
    ]);
  });

  it('starts a visit over at its ENTERQUEUE when an older piece of the call is open (QA)', async () => {
    const id = '1795755590.7';
    await ingest(
      [
        `${T - 10}|${id}|1414-ru|NONE|ENTERQUEUE||77010000002|1`,
        `${T + 5}|${id}|1414-ru|PJSIP/1001|CONNECT|15|${T + 5}.1|2`,
        `${T + 105}|${id}|1414-ru|PJSIP/1001|COMPLETECALLER|15|100|1`,
      ],
      'd.1',
    );
    // Another call 5.5 h later: the stream's event time moves past the hour the first visit is
    // remembered for. Then the first visit's ENTERQUEUE again (opens a visit that never ends),
    // and the call back at T + 21000, leaving after 40 s.
    await ingest([`${T + 20000}|1795775600.1|1414-ru|NONE|ENTERQUEUE||77010000003|1`], 'd.2');
    expect(await ingest([`${T - 10}|${id}|1414-ru|NONE|ENTERQUEUE||77010000002|1`], 'd.3')).toMatchObject({
      duplicates: 1,
    });
    await ingest(
      [`${T + 21000}|${id}|1414-ru|NONE|ENTERQUEUE||77010000002|1`, `${T + 21040}|${id}|1414-ru|NONE|ABANDON|1|1|40`],
      'd.4',
    );
    expect(await visitsOf(id)).toEqual([
      [0, 15],
      [1, 40],
    ]);
  });

  it('keeps a visit of no length entered the instant the previous one ended (a dialplan loop, QA)', async () => {
    // A queue with no agents: EXITEMPTY at once, three times (at T + 3 the second entry).
    const id = '1795755600.67';
    await ingest(
      [
        `${T}|${id}|1414-ru|NONE|ENTERQUEUE||77010000004|1`,
        `${T + 3}|${id}|1414-ru|NONE|EXITEMPTY|1|1|3`,
        `${T + 3}|${id}|1414-ru|NONE|ENTERQUEUE||77010000004|1`,
        `${T + 3}|${id}|1414-ru|NONE|EXITEMPTY|1|1|0`,
        `${T + 13}|${id}|1414-ru|NONE|ENTERQUEUE||77010000004|1`,
        `${T + 13}|${id}|1414-ru|NONE|EXITEMPTY|1|1|0`,
      ],
      'loop',
    );
    expect(await visitsOf(id)).toEqual([
      [0, 3],
      [1, 0],
      [2, 0],
    ]);
  });
});
