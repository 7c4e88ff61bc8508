/**
 * DESIGN §4, kezek-csv: a header row names the fields; RFC 4180 quoting, so a quoted field may
 * hold commas, doubled quotes and line breaks; an empty cell is a missing field; rejects carry
 * the physical line where their record starts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../ingest/event-writer.ts';
import { Workspace } from '../kpi/harness.ts';

const ws = new Workspace('ingest-csv');

const TOPIC_2 = 'line one\nline two, with a comma and a "quote"';

const CALLS_CSV =
  [
    /* 1 */ 'call_id,queue,channel,caller,entered_at,answered_at,ended_at,agent_id,talk_s,topic,transferred',
    /* 2 */ 'k1,q-csv,voice,+77040000001,2026-03-02T04:00:00Z,2026-03-02T04:00:10Z,2026-03-02T04:05:00Z,ag1,100,"billing, tariffs",false',
    /* 3 */ 'k2,q-csv,chat,+77040000002,2026-03-02T09:01:00+05:00,,2026-03-02T09:01:40+05:00,,,"line one',
    /* 4 */ 'line two, with a comma and a ""quote""",',
    /* 5 */ '"k,3",q-csv,voice,anonymous,1772424120,1772424125,1772424300,ag2,50,plain,true',
    /* 6 */ 'k4,q-csv,fax,+77040000004,2026-03-02T04:03:00Z,,2026-03-02T04:04:00Z,,,,',
    /* 7 */ 'k5,q-csv,,+77040000005,2026-03-02T04:03:00Z,2026-03-02T04:03:25Z,2026-03-02T04:06:00Z,ag1,30,,',
    /* 8 */ 'k6,too,few',
    /* 9 */ 'k7,q-csv,voice,,2026-03-02T04:03:00Z,,2026-03-02T04:04:00Z,,,"never closed,',
  ].join('\n') + '\n';

const RATINGS_CSV =
  ['call_id,score,rated_at,agent_id', '"k,3",4,2026-03-02T05:00:00Z,', 'k1,5,2026-03-02T05:00:00Z,"ag,x"'].join('\n') +
  '\n';

let calls: IngestSummary;
let ratings: IngestSummary;

beforeAll(async () => {
  calls = await ws.ingestFile(ws.file(CALLS_CSV, 'calls.csv'), 'calls', 'kezek-csv');
  ratings = await ws.ingestFile(ws.file(RATINGS_CSV, 'ratings.csv'), 'ratings', 'kezek-csv');
});

describe('kezek-csv calls', () => {
  it('reads quoted fields with commas, quotes and line breaks as one record', () => {
    // Records: k1, k2 (lines 3–4), "k,3", k4, k5, k6, k7 → 7 read; k4, k6, k7 rejected.
    expect(calls).toMatchObject({ read: 7, accepted: 4, duplicates: 0, rejected: 3 });
  });

  it('rejects bad records with the line where they start and a reason', () => {
    const byLine = Object.fromEntries(calls.rejects.map((r) => [r.line, r.reason]));
    expect(Object.keys(byLine).map(Number)).toEqual([6, 8, 9]); // the record after k2 starts on line 5
    expect(byLine[6]).toMatch(/channel.*fax/);
    expect(byLine[8]).toMatch(/fields/); // 3 cells for an 11-column header
    expect(byLine[9]).toMatch(/quote/); //  the quote never closes before the end of the file
  });

  it('stores the fields exactly', async () => {
    const stored = Object.fromEntries((await ws.exported('calls')).map((r) => [r.call_id, r]));
    expect(Object.keys(stored).sort()).toEqual(['k,3', 'k1', 'k2', 'k5']);
    expect(stored.k1).toMatchObject({ topic: 'billing, tariffs', agent_id: 'ag1', talk_s: 100, transferred: false });
    expect(stored.k2).toMatchObject({ topic: TOPIC_2, channel: 'chat', answered_at: null, agent_id: '' });
    expect(stored['k,3']).toMatchObject({ caller_hash: '', transferred: true, wait_s: 5 }); // anonymous → ''
    expect(stored.k5.channel).toBe('voice'); // an empty cell takes the default
  });

  it('gives the KPIs worked out by hand', async () => {
    const row = await ws.total({ from: '2026-03-02' });
    // k1 answered after 10 s, k2 abandoned after 40 s (lost), k,3 answered after 5 s
    // (epoch seconds 1772424120 → 1772424125), k5 answered after 25 s.
    expect(row).toMatchObject({ offered: 4, answered: 3, abandoned: 1, short_abandoned: 0, lost: 1, base: 4 });
    expect(row.answered_within_sl).toBe(2); //           k1, k,3 (k5 waits 25 s > 20)
    expect(row.service_level).toBe(2 / 4);
    expect(row.asa_s).toBeCloseTo((10 + 5 + 25) / 3, 9);
    expect(row.aht_s).toBe((100 + 50 + 30) / 3); //      talk only; hold and wrap missing = 0
    expect(row.transferred).toBe(1); //                  k,3
  });

  it('re-reads its own CSV export as the same rows (all duplicates)', async () => {
    const exported = await ws.exportText('calls', 'kezek-csv');
    expect(exported).toContain('"line one\nline two, with a comma and a ""quote"""');
    const again = await ws.ingestFile(ws.file(exported, 'export.csv'), 'calls', 'kezek-csv');
    expect(again).toMatchObject({ read: 4, accepted: 0, duplicates: 4, rejected: 0 });
  });
});

describe('kezek-csv from a spreadsheet', () => {
  it('reads a file with a UTF-8 byte-order mark and CRLF line ends', async () => {
    const text = '\uFEFFcall_id,queue,entered_at,ended_at\r\nb1,q-bom,2026-03-03T04:00:00Z,2026-03-03T04:00:40Z\r\n';
    const summary = await ws.ingestFile(ws.file(text, 'excel.csv'), 'calls', 'kezek-csv');
    expect(summary).toMatchObject({ read: 1, accepted: 1, rejected: 0 });
    expect(await ws.total({ from: '2026-03-03' })).toMatchObject({ offered: 1, lost: 1 }); // 40 s abandon
  });
});

describe('kezek-csv ratings', () => {
  it('reads quoted call and agent ids', async () => {
    expect(ratings).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    const agents = await ws.byGroup({ from: '2026-03-02', by: 'agent' });
    expect(agents['ag,x']).toMatchObject({ ratings: 1, avg_rating: 5 }); // k1's rating names "ag,x"
    expect(agents.ag2).toMatchObject({ ratings: 1, avg_rating: 4 }); //    "k,3" answered by ag2
  });
});
