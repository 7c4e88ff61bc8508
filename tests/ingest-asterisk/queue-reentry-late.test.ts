/**
 * A call back in the same queue more than an hour after its first visit there ended: the queue_log
 * assembler has forgotten the first visit by then (it remembers completed visits for an hour of
 * event time) and numbers the re-entry 0 again. The writer tells the two visits apart by their
 * time spans (ingest/fresh-visits.ts): the re-entry is stored as visit 1, in one run or in two,
 * and re-sending either file still counts only duplicates.
 */
import { describe, expect, it } from 'vitest';
import { Workspace } from '../kpi/harness.ts';

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
    const calls = await ws.exported('calls');
    expect(calls.filter((c) => c.call_id === '1795755600.44').map((c) => [c.visit, c.wait_s])).toEqual([
      [0, 10],
      [1, 5],
    ]);
  });
});
