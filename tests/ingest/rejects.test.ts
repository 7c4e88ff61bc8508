/**
 * DESIGN §4 ingest rules: a row is either stored or rejected with its source, line number, raw
 * text and a reason naming the field; nothing is dropped silently; a bad line never stops its
 * neighbours from being stored, and never gives a stack trace.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { databaseTarget } from '../../src/server/config.ts';
import type { IngestSummary } from '../../ingest/event-writer.ts';
import { Workspace } from '../kpi/harness.ts';

const ws = new Workspace('ingest-rejects');

const good = (id: string, enteredAt: unknown = '2026-03-02T04:00:00Z') =>
  JSON.stringify({
    call_id: id,
    queue: 'q',
    caller: '+77030000001',
    entered_at: enteredAt,
    answered_at: '2026-03-02T04:00:10Z',
    ended_at: '2026-03-02T04:05:00Z',
  });

// Line numbers are 1-based physical lines; the blank line 8 is skipped and not counted.
const CALL_LINES = [
  /*  1 */ good('c1'),
  /*  2 */ '{"call_id": "c2", "queue": "q", ',
  /*  3 */ good('c3'),
  /*  4 */ good('c4', '2026-03-02 25:00:00Z'),
  /*  5 */ JSON.stringify({ call_id: 'c5', entered_at: '2026-03-02T04:00:00Z', ended_at: '2026-03-02T04:05:00Z' }),
  /*  6 */ good('c6'),
  /*  7 */ JSON.stringify({
    call_id: 'c7',
    queue: 'q',
    channel: 'fax',
    entered_at: '2026-03-02T04:00:00Z',
    ended_at: '2026-03-02T04:05:00Z',
  }),
  /*  8 */ '',
  /*  9 */ good('c9').replace(/}$/, ',"not_a_kezek_field":{"nested":[1,2]},"site_code":7}'), // unknown fields are ignored
  /* 10 */ JSON.stringify({
    call_id: 'c10',
    queue: 'q',
    entered_at: '2026-03-02T04:00:00Z',
    answered_at: '2026-03-02T03:59:00Z',
    ended_at: '2026-03-02T04:05:00Z',
  }),
  /* 11 */ JSON.stringify({
    call_id: 'c11',
    queue: 'q',
    entered_at: '2026-03-02T04:00:00Z',
    ended_at: '2026-03-02T04:05:00Z',
    talk_s: -5,
  }),
  /* 12 */ '[1, 2]',
  /* 13 */ good('c13', 1772424000), // epoch seconds of 2026-03-02T04:00:00Z
  /* 14 */ JSON.stringify({
    call_id: 'c14',
    queue: 'q',
    entered_at: '2026-03-02T04:00:00',
    ended_at: '2026-03-02T04:05:00Z',
  }),
  /* 15 */ JSON.stringify({ call_id: 'c15', queue: 'q', entered_at: 1772424000000, ended_at: 1772424300000 }), // epoch ms, not s
  /* 16 */ JSON.stringify({
    call_id: 'c16',
    queue: 'q',
    entered_at: '2026-03-02T04:05:00Z',
    ended_at: '2026-03-02T04:00:00Z',
  }),
];

const RATING_LINES = [
  /* 1 */ JSON.stringify({ call_id: 'c1', score: 5, rated_at: '2026-03-02T06:00:00Z' }),
  /* 2 */ JSON.stringify({ call_id: 'c3', score: 6, rated_at: '2026-03-02T06:00:00Z' }),
  /* 3 */ JSON.stringify({ call_id: 'c3', score: 2.5, rated_at: '2026-03-02T06:00:00Z' }),
  /* 4 */ JSON.stringify({ call_id: 'c3', score: 4 }),
  /* 5 */ JSON.stringify({ score: 4, rated_at: '2026-03-02T06:00:00Z' }),
  /* 6 */ JSON.stringify({ call_id: 'c3', score: 0, rated_at: '2026-03-02T06:00:00Z' }),
  /* 7 */ JSON.stringify({ call_id: 'c3', score: 4, rated_at: '2026-03-02T06:00:00Z' }),
];

let callsFile: string;
let calls: IngestSummary;
let ratings: IngestSummary;

beforeAll(async () => {
  callsFile = ws.file(CALL_LINES.join('\n') + '\n', 'calls.ndjson');
  calls = await ws.ingestFile(callsFile, 'calls');
  ratings = await ws.ingestFile(ws.file(RATING_LINES.join('\n') + '\n', 'ratings.ndjson'), 'ratings');
});

describe('a malformed NDJSON call line', () => {
  it('is counted and rejected while its neighbours are stored', () => {
    // 15 non-blank lines: 5 good (1, 3, 6, 9, 13), 10 rejected.
    expect(calls).toMatchObject({ read: 15, accepted: 5, duplicates: 0, rejected: 10 });
  });

  it.each([
    [2, /JSON/],
    [4, /entered_at/], //     hour 25
    [5, /queue.*required/], // a required field missing
    [7, /channel.*fax/], //   not voice|chat|telegram|email|web
    [10, /answered_at/], //   before entered_at
    [11, /talk_s/], //        negative seconds
    [12, /object/], //        JSON, but not an object
    [14, /entered_at/], //    no offset: the instant is ambiguous
    [15, /entered_at.*2000/], // epoch milliseconds read as seconds: year 58000
    [16, /ended_at/], //      before entered_at
  ])('line %i is rejected with a reason naming the problem', (line, reason) => {
    const reject = calls.rejects.find((r) => r.line === line);
    expect(reject).toBeDefined();
    expect(reject!.file).toBe(callsFile);
    expect(reject!.reason).toMatch(reason);
    expect(reject!.reason).not.toMatch(/\n|\bat .*\.ts:\d+/); // one line, no stack trace
  });

  it('lists exactly the bad lines', () => {
    expect(calls.rejects.map((r) => r.line)).toEqual([2, 4, 5, 7, 10, 11, 12, 14, 15, 16]);
  });

  it('stores the good neighbours, and only them', async () => {
    const stored = await ws.exported('calls');
    expect(stored.map((r) => r.call_id).sort()).toEqual(['c1', 'c13', 'c3', 'c6', 'c9']);
    expect((await ws.total({ from: '2026-03-02' })).offered).toBe(5);
  });

  it('keeps every reject in the database with its file, line, raw text and reason', async () => {
    // Read straight from the reject table (same database, same process): what is stored, not a view of it.
    const client = await openClient(databaseTarget({ db: ws.db }));
    const rs = await client.query({
      query:
        'SELECT source, line, format, kind, raw, reason FROM reject FINAL WHERE source = {source:String} ORDER BY line',
      query_params: { source: callsFile },
      format: 'JSONEachRow',
    });
    const stored = await rs.json<{
      source: string;
      line: number;
      format: string;
      kind: string;
      raw: string;
      reason: string;
    }>();
    expect(stored.map((r) => r.line)).toEqual([2, 4, 5, 7, 10, 11, 12, 14, 15, 16]);
    expect(stored[0]).toMatchObject({ kind: 'calls', format: 'kezek-ndjson', raw: CALL_LINES[1] });
    expect(stored[2].reason).toMatch(/queue/);
  });
});

describe('a malformed rating line', () => {
  it('rejects scores outside 1–5 or not whole, and missing required fields, naming the field', () => {
    expect(ratings).toMatchObject({ read: 7, accepted: 2, rejected: 5 });
    const reasons = Object.fromEntries(ratings.rejects.map((r) => [r.line, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([2, 3, 4, 5, 6]);
    expect(reasons[2]).toMatch(/score/); // 6
    expect(reasons[3]).toMatch(/score/); // 2.5
    expect(reasons[4]).toMatch(/rated_at/);
    expect(reasons[5]).toMatch(/call_id/);
    expect(reasons[6]).toMatch(/score/); // 0
  });

  it('stores the good ratings around them', async () => {
    const row = await ws.total({ from: '2026-03-02' });
    expect(row).toMatchObject({ ratings: 2, avg_rating: 4.5 }); // c1 5, c3 4
  });
});
