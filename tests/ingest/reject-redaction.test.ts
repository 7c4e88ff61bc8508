/**
 * DESIGN §4 keeps a rejected line's raw text, DESIGN §10 keeps no caller number in clear: the
 * `reject` table holds each bad line of every format with its callers replaced by
 * `[caller:HASH]`, HASH being the hash the stored calls of that caller carry, while its line
 * number, reason, times and call ids are kept as read.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import type { IngestSummary } from '../../ingest/event-writer.ts';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { databaseTarget } from '../../src/server/config.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';
import { Workspace } from '../kpi/harness.ts';
import { CONFIG } from '../ingest-asterisk/helpers.ts';

const ws = new Workspace('reject-redaction');
const config = ws.config(CONFIG);
const T = 1791168600; // 2026-10-05T03:00:00Z

const QUEUE_LOG = [
  /* 1 */ `${T}|1.1|support|NONE|ENTERQUEUE||+77015550101|1`,
  /* 2 */ `${T + 5}|1.1|support|PJSIP/1001|CONNECT|5|1.9|3`,
  /* 3 */ `${T + 65}|1.1|support|PJSIP/1001|COMPLETECALLER|5|60|1`,
  /* 4 */ `4102444800|9.9|support|NONE|ENTERQUEUE||+77015550101|1`, // year 2100
  /* 5 */ `${T + 100}|9.8|support|NONE|ENTERQUEUE||+77015550102|1\u0001`, // binary
  /* 6 */ `${T + 100}|+77015550103|sup`, // truncated, a number where the call id goes
  /* 7 */ `77015550107|9.7|support|NONE|ENTERQUEUE||x|1`, // the epoch field: a time, however impossible (kept)
];

const q = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;
const cdrRow = (start: string) =>
  [
    '',
    '+77015550104',
    '87015550105',
    'from-trunk',
    '"Aigerim" <+77015550104>',
    'PJSIP/trunk-1',
    'PJSIP/1001-2',
    'Queue',
    '1414-ru,t',
    start,
    '2026-10-05 10:00:10',
    '2026-10-05 10:02:00',
    120,
    110,
    'ANSWERED',
    'DOCUMENTATION',
    '1791172800.7',
  ]
    .map(q)
    .join(',');
const CDR = [/* 1 */ cdrRow('2026-10-05 10:00:00'), /* 2 */ cdrRow('yesterday')];

const call = (id: string, extra: Record<string, unknown>) =>
  JSON.stringify({
    call_id: id,
    queue: 'q',
    caller: '+77015550106',
    entered_at: '2026-03-02T04:00:00Z',
    ended_at: '2026-03-02T04:05:00Z',
    ...extra,
  });
const NDJSON = [
  /* 1 */ call('n1', {}),
  /* 2 */ call('n2', { entered_at: '2026-03-02 25:00:00Z', topic: 'IIN 880101300123' }),
  // QA: a number field given a caller's number; the reason showed it as 77015550108.
  /* 3 */ call('n3', { visit: '+77015550108' }),
];

const KEZEK_CSV = [
  /* 1 */ 'call_id,queue,caller,entered_at,ended_at',
  /* 2 */ 'k1,q,+7 701 555 01 07,2026-03-02T05:00:00Z,2026-03-02T05:05:00Z',
  /* 3 */ 'k2,q,+7 701 555 01 07,2026-03-02T05:00:00Z,never',
];

/** Digits of every number above that must not be stored in clear. */
const SECRETS = [
  ...['5550101', '5550102', '5550103', '5550104', '5550105', '5550106', '5550108'],
  ...['880101300123', '555 01 07'],
];

interface StoredReject {
  source: string;
  line: number;
  format: string;
  raw: string;
  reason: string;
}

let client: ClickHouseClient;
let hash: (caller: string) => string;
let rejects: StoredReject[];
const summaries: Record<string, IngestSummary> = {};

beforeAll(async () => {
  const files: [string, string, string[]][] = [
    ['queue_log', 'asterisk-queue-log', QUEUE_LOG],
    ['Master.csv', 'asterisk-cdr-csv', CDR],
    ['calls.ndjson', 'kezek-ndjson', NDJSON],
    ['calls.csv', 'kezek-csv', KEZEK_CSV],
  ];
  for (const [name, format, lines] of files) {
    summaries[format] = await ws.ingestFile(ws.file(lines.join('\n') + '\n', name), 'calls', format, config);
  }
  client = await openClient(databaseTarget({ db: ws.db }));
  hash = createCallerHasher(await callerSalt(client));
  const rs = await client.query({
    query: 'SELECT source, line, format, raw, reason FROM reject FINAL ORDER BY format, line',
    format: 'JSONEachRow',
  });
  rejects = (await rs.json<StoredReject>()).map((r) => ({ ...r, line: Number(r.line) }));
});

const rejectOf = (format: string, line: number) => rejects.find((r) => r.format === format && r.line === line)!;

describe('a stored reject', () => {
  it('is there for every bad line, with its line number and reason', () => {
    expect(rejects.map((r) => `${r.format}:${r.line}`)).toEqual([
      'asterisk-cdr-csv:2',
      'asterisk-queue-log:4',
      'asterisk-queue-log:5',
      'asterisk-queue-log:6',
      'asterisk-queue-log:7',
      'kezek-csv:3',
      'kezek-ndjson:2',
      'kezek-ndjson:3',
    ]);
    expect(rejectOf('asterisk-queue-log', 4).reason).toMatch(/impossible time 4102444800: more than a day/);
    expect(rejectOf('asterisk-queue-log', 5).reason).toMatch(/control character U\+0001/);
    expect(rejectOf('asterisk-queue-log', 6).reason).toMatch(/too few fields/);
    expect(rejectOf('asterisk-cdr-csv', 2).reason).toMatch(/start field is not a date-time/);
    expect(rejectOf('kezek-ndjson', 2).reason).toMatch(/entered_at/);
    expect(rejectOf('kezek-csv', 3).reason).toMatch(/ended_at/);
    expect(rejectOf('kezek-ndjson', 3).reason).toMatch(/^field visit: expected an integer 0–65535, got "\[caller:/);
    for (const format of Object.keys(summaries)) expect(summaries[format].rejected).toBeGreaterThan(0);
  });

  it('holds no caller number or IIN in clear, anywhere in the table', async () => {
    const rs = await client.query({ query: 'SELECT * FROM reject', format: 'JSONEachRow' });
    const dump = JSON.stringify(await rs.json());
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
  });

  it('keeps the rest of the line as read, callers replaced by the marker of their hash', () => {
    const m = (caller: string) => `[caller:${hash(caller)}]`;
    expect(rejectOf('asterisk-queue-log', 4).raw).toBe(
      `4102444800|9.9|support|NONE|ENTERQUEUE||${m('+77015550101')}|1`,
    );
    expect(rejectOf('asterisk-queue-log', 5).raw).toBe(
      `${T + 100}|9.8|support|NONE|ENTERQUEUE||${m('+77015550102')}|1\u0001`,
    );
    expect(rejectOf('asterisk-queue-log', 6).raw).toBe(`${T + 100}|${m('+77015550103')}|sup`);
    expect(rejectOf('asterisk-queue-log', 7)).toMatchObject({
      raw: `77015550107|9.7|support|NONE|ENTERQUEUE||${m('x')}|1`,
      reason: 'impossible time 77015550107: more than a day in the future',
    });
    const cdr = rejectOf('asterisk-cdr-csv', 2).raw;
    expect(cdr).toBe(
      CDR[1]
        .replace('"+77015550104"', `"${m('+77015550104')}"`)
        .replace('"87015550105"', `"${m('87015550105')}"`)
        .replace('"""Aigerim"" <+77015550104>"', `"${m('+77015550104')}"`),
    );
    expect(cdr).toContain('"1791172800.7"'); // the uniqueid, not a number to hide
    expect(JSON.parse(rejectOf('kezek-ndjson', 2).raw)).toMatchObject({
      call_id: 'n2',
      caller: m('+77015550106'),
      entered_at: '2026-03-02 25:00:00Z',
      ended_at: '2026-03-02T04:05:00Z',
      topic: `IIN ${m('880101300123')}`,
    });
    expect(rejectOf('kezek-csv', 3).raw).toBe(`k2,q,${m('+7 701 555 01 07')},2026-03-02T05:00:00Z,never`);
  });

  it('names a caller by the hash its stored calls carry, so a supervisor can match them', async () => {
    const stored = new Set((await ws.exported('calls')).map((c) => c.caller_hash));
    for (const caller of ['+77015550101', '+77015550104', '+77015550106', '+7 701 555 01 07']) {
      expect(stored).toContain(hash(caller));
    }
  });
});
