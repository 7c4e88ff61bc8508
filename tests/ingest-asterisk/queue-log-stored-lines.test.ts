/**
 * queue_log lines are stored as read (DESIGN §5): every field, the data fields as an array with
 * their empty ones in place, whatever a line holds that TabSeparated must escape (a TAB or a
 * backslash inside a field) — the insert path skips escaping for lines that hold neither.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { asteriskOptions } from '../../ingest/asterisk/options.ts';
import { redactQueueLogEvent } from '../../ingest/asterisk/queue-log-pipeline.ts';
import { parseQueueLogLine } from '../../ingest/formats/asterisk-queue-log/parse-line.ts';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import { ingestFiles } from '../../ingest/ingest-files.ts';
import { openContext } from '../../src/cli/context.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';
import type { QueueLogEventRow } from '../../src/server/queries/ingest-raw-rows.ts';
import { Workspace } from '../kpi/harness.ts';

const ws = new Workspace('ql-stored-lines');
// Hand-written lines: plain, with empty data fields in the middle, with a TAB and backslashes in
// data, an agent with a backslash, no data at all, and one data field only.
const LINES = [
  '1767225600|1767225600.1|1414-ru|NONE|ENTERQUEUE||77011234567|1',
  '1767225603|1767225600.1|1414-ru|Local/1001@agents|CONNECT|3|1767225601.2|2',
  '1767225700|1767225600.1|1414-ru|Local/1001@agents|COMPLETEAGENT|3|97|1',
  '1767225701|1767225701.5|1414-kk|NONE|INFO|a\tb|c\\d||e',
  '1767225702|1767225702.6|1414-kk|SIP\\odd|PAUSE|lunch\\',
  '1767225703|NONE|NONE|NONE|QUEUESTART',
  '1767225704|1767225704.7|support|PJSIP/1002|ADDMEMBER|x',
];

let client: ClickHouseClient;
let stored: Omit<QueueLogEventRow, 'timeMs' | 'source'>[];

beforeAll(async () => {
  const file = ws.file(LINES.join('\n') + '\n', 'queue_log');
  const ctx = await openContext({ db: ws.db });
  client = ctx.client;
  const opts = asteriskOptions(ctx.config, createCallerHasher(await callerSalt(client)));
  await ingestFiles(client, [file], { ...opts, format: 'asterisk-queue-log', kind: 'calls' });
  const rs = await client.query({
    query: 'SELECT line, call_id, queue, agent, event, data, raw FROM queue_log_event ORDER BY line',
    format: 'JSONEachRow',
  });
  stored = (await rs.json<(typeof stored)[number]>()).map((r) => ({ ...r, line: Number(r.line) }));
});

describe('stored queue_log lines', () => {
  it('keeps every line, its fields and its data array as read (the caller hashed)', () => {
    expect(stored.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [enter, connect, , info, pause, start, add] = stored;
    expect(enter.data).toHaveLength(3);
    expect(enter.data[0]).toBe('');
    expect(enter.data[1]).toMatch(/^[0-9a-f]{16,}$/); // the caller, hashed
    expect(enter.data[2]).toBe('1');
    expect(enter.raw).not.toContain('77011234567');
    expect(connect).toMatchObject({ call_id: '1767225600.1', agent: 'Local/1001@agents', event: 'CONNECT' });
    expect(connect.data).toEqual(['3', '1767225601.2', '2']);
    expect(info).toMatchObject({ event: 'INFO', data: ['a\tb', 'c\\d', '', 'e'], raw: LINES[3] });
    expect(pause).toMatchObject({ agent: 'SIP\\odd', data: ['lunch\\'], raw: LINES[4] });
    expect(start).toMatchObject({ call_id: 'NONE', event: 'QUEUESTART', data: [], raw: LINES[5] });
    expect(add).toMatchObject({ agent: 'PJSIP/1002', data: ['x'], raw: LINES[6] });
  });

  it('tells repeated lines by their text among many of the same second, in one input and the next', async () => {
    // 200 distinct lines at one epoch second (more than a short list holds), each sent twice, in
    // batches of 50 lines (each looks up the lines stored by the batches before it).
    const second = 1767229200;
    const lines = Array.from({ length: 200 }, (_, i) => `${second}|${second}.${i}|1414-ru|NONE|INFO|${i}`);
    const file = ws.file([...lines, ...lines.slice().reverse()].join('\n') + '\n', 'queue_log.one-second');
    const ctx = await openContext({ db: ws.db });
    const opts = asteriskOptions(ctx.config, createCallerHasher(await callerSalt(client)));
    const ingest = () =>
      ingestFiles(client, [file], { ...opts, format: 'asterisk-queue-log', kind: 'calls', batchRows: 50 });
    expect(await ingest()).toMatchObject({ read: 400, accepted: 200, duplicates: 200 });
    expect(await ingest()).toMatchObject({ read: 400, accepted: 0, duplicates: 400 });
    const rs = await client.query({
      query: `SELECT count() AS n FROM queue_log_event WHERE time = toDateTime64(${second}, 3, 'UTC')`,
      format: 'JSONEachRow',
    });
    expect(await rs.json()).toEqual([{ n: 200 }]);
  });

  it('stores the fields the parser reads, in both forms and whatever the line holds', async () => {
    // The stored columns are the parser's reading of each line (the caller hashed), also where a
    // plain split at `|` would differ: trailing empty data, a lower-case verb, a fractional epoch,
    // all data empty, a TAB and a backslash, and realtime CSV lines.
    const lines = [
      '1767232800|1767232800.1|1414-ru|PJSIP/1001|ADDMEMBER|',
      '1767232801|1767232801.2|1414-ru|NONE|INFO|a||',
      '1767232802|1767232802.3|1414-ru|NONE|info|x|y',
      '1767232803.250|1767232803.4|1414-kk|NONE|ABANDON|1|1|3',
      '1767232804|1767232804.5|1414-kk|NONE|INFO|||',
      '1767232805|1767232805.6|1414-kk|NONE|INFO|\\\t|',
      '2026-01-01 00:00:06,1767232806.7,support,NONE,INFO,"a|b",c,',
      '2026-01-01 00:00:07,1767232807.8,support,NONE,ENTERQUEUE,,87011234567,1',
    ];
    const file = ws.file(lines.join('\n') + '\n', 'queue_log.forms');
    const ctx = await openContext({ db: ws.db });
    const opts = { ...asteriskOptions(ctx.config, createCallerHasher(await callerSalt(client))), timeZone: 'UTC' };
    expect(await ingestFiles(client, [file], { ...opts, format: 'asterisk-queue-log', kind: 'calls' })).toMatchObject({
      read: lines.length,
      accepted: lines.length,
    });
    const rs = await client.query({
      query: `SELECT toUnixTimestamp64Milli(time) AS ms, call_id, queue, agent, event, data, raw FROM queue_log_event
              WHERE source = {file:String} ORDER BY line`,
      query_params: { file },
      format: 'JSONEachRow',
    });
    const parsed = lines.map((text) => {
      const r = parseQueueLogLine(text, { nowMs: Date.now(), timeZone: 'UTC' });
      if (!r.ok || !r.event) throw new Error(`test line not accepted: ${text}`);
      const e = redactQueueLogEvent(r.event, opts.hashCaller);
      return {
        ms: e.timeMs,
        call_id: e.callId,
        queue: e.queue,
        agent: e.agent,
        event: e.verb,
        data: e.data,
        raw: e.raw,
      };
    });
    expect(await rs.json()).toEqual(parsed);
    // Spot checks of the oracle itself.
    expect(parsed.map((p) => p.data)).toEqual([
      [],
      ['a'],
      ['x', 'y'],
      ['1', '1', '3'],
      [],
      ['\\\t'],
      ['a', 'b', 'c'], // the realtime form's data columns may hold several fields joined by `|`
      ['', expect.stringMatching(/^[0-9a-f]{16,}$/), '1'],
    ]);
    expect([parsed[2].event, parsed[3].ms]).toEqual(['INFO', 1767232803250]);
  });
});
