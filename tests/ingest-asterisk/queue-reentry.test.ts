/**
 * A call that enters the same queue twice (a dialplan looping Queue() with a timeout, the caller
 * pressing a key and re-queued): two visits (DESIGN §5: a visit is one queue entry), the second
 * numbered 1 so that it is not taken for a duplicate of the first; re-sending counts both as
 * duplicates; export → ingest into another database keeps both.
 */
import { describe, expect, it } from 'vitest';
import { runChild, Workspace } from '../kpi/harness.ts';

const T = 1795755600; // 2026-11-27 10:00:00 in Asia/Almaty (UTC+5): 05:00 UTC
const LINES = [
  `${T}|1795755600.21|1414-ru|NONE|ENTERQUEUE||77011234567|1`,
  `${T + 10}|1795755600.21|1414-ru|NONE|EXITWITHKEY|0|1|1|10`,
  `${T + 40}|1795755600.21|1414-ru|NONE|ENTERQUEUE||77011234567|1`,
  `${T + 45}|1795755600.21|1414-ru|PJSIP/1001|CONNECT|5|1795755645.3|2`,
  `${T + 145}|1795755600.21|1414-ru|PJSIP/1001|COMPLETECALLER|5|100|1`,
];
const DAY = { from: '2026-11-27' };

describe('a call entering the same queue twice', () => {
  const ws = new Workspace('ql-reentry');
  const file = ws.file(LINES.join('\n') + '\n', 'queue_log');

  it('counts two visits: the first left after 10 s, the second answered after 5 s with 100 s of talk', async () => {
    expect(await ws.ingestFile(file, 'calls', 'asterisk-queue-log')).toMatchObject({ accepted: 5, duplicates: 0 });
    // Hand count (DESIGN §5): offered 2; answered 1 (wait 5 ≤ 20: within SL); abandoned 1 with
    // wait 10, neither short (< 5) nor lost (≥ 30); SL = 1 / (2 − 0); AHT = 100.
    expect(await ws.total(DAY)).toMatchObject({
      offered: 2,
      answered: 1,
      abandoned: 1,
      short_abandoned: 0,
      lost: 0,
      service_level: 0.5,
      aht_s: 100,
      avg_wait_s: 7.5,
    });
    const calls = await ws.exported('calls');
    expect(calls.map((c) => [c.call_id, c.queue, c.visit, c.wait_s])).toEqual([
      ['1795755600.21', '1414-ru', 0, 10],
      ['1795755600.21', '1414-ru', 1, 5],
    ]);
  });

  it('counts a re-sent file as duplicates, both visits included', async () => {
    expect(await ws.ingestFile(file, 'calls', 'asterisk-queue-log')).toMatchObject({ accepted: 0, duplicates: 5 });
    expect(await ws.total(DAY)).toMatchObject({ offered: 2, answered: 1 });
  });

  it('keeps both visits through export and ingest into another database', async () => {
    // Another process: one process holds one embedded database.
    const other = new Workspace('ql-reentry-copy');
    const copy = other.file(await ws.exportText('calls'), 'calls.ndjson');
    const ingest = await runChild([
      'ingest',
      copy,
      '--format',
      'kezek-ndjson',
      '--kind',
      'calls',
      '--db',
      other.db,
      '--json',
    ]);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ accepted: 2, duplicates: 0 });
    const kpi = await runChild(other.kpiArgs(DAY));
    expect(JSON.parse(kpi.stdout).rows[0]).toMatchObject({ offered: 2, answered: 1, abandoned: 1 });
  });
});
