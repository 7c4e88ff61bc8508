/**
 * DESIGN §5, ratings: a call has at most one rating (the latest rated_at wins); a rating belongs
 * to the period of its rated_at and to its agent_id, or else to the call's last answered visit
 * (its queue and agent); csi = share of 4–5, cdi = share of 1–2, so a 3 is only in the
 * denominator. Local days in Asia/Almaty (UTC+5): 2026-03-02 is [03-01T19:00Z, 03-02T19:00Z).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { abandoned, answered, ratingFields, Workspace } from './harness.ts';

const ws = new Workspace('ratings');

const CALLS = [
  // r1: answered in rq-front by ag-F, transferred and answered in rq-back by ag-B → last answered
  //     visit = rq-back / ag-B.
  answered('r1', 'rq-front', '2026-03-02T04:00:00Z', 5, { agent_id: 'ag-F', transferred: true }),
  answered('r1', 'rq-back', '2026-03-02T04:02:00Z', 5, { agent_id: 'ag-B' }),
  // r2: answered in rq-front by ag-F, then a later visit in rq-back that nobody answered → the
  //     last *answered* visit is still rq-front / ag-F.
  answered('r2', 'rq-front', '2026-03-02T04:10:00Z', 5, { agent_id: 'ag-F' }),
  abandoned('r2', 'rq-back', '2026-03-02T04:12:00Z', 40),
  // r3: answered by ag-F, but the rating names agent ag-X.
  answered('r3', 'rq-front', '2026-03-02T04:20:00Z', 5, { agent_id: 'ag-F' }),
  // r4: rated twice on the same day; r5: rated on 03-02, re-rated on 03-03.
  answered('r4', 'rq-back', '2026-03-02T04:30:00Z', 5, { agent_id: 'ag-B', channel: 'chat' }),
  answered('r5', 'rq-back', '2026-03-02T04:40:00Z', 5, { agent_id: 'ag-B' }),
  // r6: answered on 03-02, rated at local midnight starting 03-03.
  answered('r6', 'rq-front', '2026-03-02T10:00:00Z', 5, { agent_id: 'ag-F' }),
];

const RATINGS = [
  { call_id: 'r1', score: 5, rated_at: '2026-03-02T05:00:00Z' },
  { call_id: 'r2', score: 3, rated_at: '2026-03-02T18:59:59.999Z' }, // local 03-02 23:59:59.999
  { call_id: 'r3', score: 1, rated_at: '2026-03-02T06:30:00Z', agent_id: 'ag-X' },
  { call_id: 'r4', score: 1, rated_at: '2026-03-02T06:00:00Z' }, // superseded by the next one
  { call_id: 'r4', score: 4, rated_at: '2026-03-02T07:00:00Z' },
  { call_id: 'r5', score: 2, rated_at: '2026-03-02T08:00:00Z' }, // superseded on 03-03
  { call_id: 'r5', score: 5, rated_at: '2026-03-03T06:00:00Z' },
  { call_id: 'r6', score: 4, rated_at: '2026-03-02T19:00:00Z' }, // local 03-03 00:00:00
];

// Language and site come from the queue map of the config at ingest (DESIGN §4).
const QUEUE_MAP = ws.config({
  queues: { 'rq-front': { language: 'ru', site: 'Almaty' }, 'rq-back': { language: 'kk', site: 'Astana' } },
});

beforeAll(async () => {
  expect(await ws.ingest(CALLS, 'calls', QUEUE_MAP)).toMatchObject({ accepted: 8, rejected: 0 });
  expect(await ws.ingest(RATINGS, 'ratings')).toMatchObject({ accepted: 8, rejected: 0 });
});

describe('ratings', () => {
  it('counts one rating per call, the latest, in the local day of its rated_at', async () => {
    const days = await ws.byGroup({ from: '2026-03-02', to: '2026-03-03', by: 'day' });
    // 03-02: r1 5, r2 3, r3 1, r4 4 (its 1 at 06:00 is replaced); r5's latest is on 03-03.
    //   ratings 4; avg (5+3+1+4)/4 = 3.25; csi (5, 4) 2/4; cdi (1) 1/4. The 3 is in neither.
    expect(ratingFields(days['2026-03-02'])).toEqual({ ratings: 4, avg_rating: 13 / 4, csi: 2 / 4, cdi: 1 / 4 });
    // 03-03: r5 5 (re-rated), r6 4 (19:00:00Z = local midnight) → avg 4.5, csi 1, cdi 0.
    expect(ratingFields(days['2026-03-03'])).toEqual({ ratings: 2, avg_rating: 9 / 2, csi: 1, cdi: 0 });
  });

  it('moves a rating out of a range when the call is re-rated after the range', async () => {
    // Only 03-02: r5's 2 at 08:00 is superseded by its 5 on 03-03, so r5 is not in this range.
    const row = await ws.total({ from: '2026-03-02' });
    expect(ratingFields(row)).toEqual({ ratings: 4, avg_rating: 13 / 4, csi: 2 / 4, cdi: 1 / 4 });
  });

  it('groups ratings by rated_at, not by the day of the call', async () => {
    // r6's call is on 03-02 but its rating is at local 03-03 00:00; r5's call is on 03-02 too.
    const row = await ws.total({ from: '2026-03-03' });
    expect(row.offered).toBe(0); // no visit on 03-03
    expect(ratingFields(row)).toEqual({ ratings: 2, avg_rating: 4.5, csi: 1, cdi: 0 });
  });

  it("attributes a rating to the queue of the call's last answered visit", async () => {
    const queues = await ws.byGroup({ from: '2026-03-02', by: 'queue' });
    // rq-back: r1 5 (last answered visit of r1), r4 4 → 2 ratings, avg 4.5, csi 1, cdi 0.
    expect(ratingFields(queues['rq-back'])).toEqual({ ratings: 2, avg_rating: 4.5, csi: 1, cdi: 0 });
    // rq-front: r2 3 (its rq-back visit was not answered), r3 1 → avg 2, csi 0, cdi 1/2.
    expect(ratingFields(queues['rq-front'])).toEqual({ ratings: 2, avg_rating: 2, csi: 0, cdi: 1 / 2 });
  });

  it("attributes a rating to its agent_id when given, else to the last answered visit's agent", async () => {
    const agents = await ws.byGroup({ from: '2026-03-02', by: 'agent' });
    // ag-B: r1 5 (last answered visit), r4 4 → avg 4.5.
    expect(ratingFields(agents['ag-B'])).toEqual({ ratings: 2, avg_rating: 4.5, csi: 1, cdi: 0 });
    // ag-F: r2 3 only (r1's rating went to ag-B, r3's to ag-X) → csi 0, cdi 0: 3 is only counted.
    expect(ratingFields(agents['ag-F'])).toEqual({ ratings: 1, avg_rating: 3, csi: 0, cdi: 0 });
    // ag-X: r3 1, though ag-X answered no visit.
    expect(ratingFields(agents['ag-X'])).toEqual({ ratings: 1, avg_rating: 1, csi: 0, cdi: 1 });
    expect(agents['ag-X'].offered).toBe(0);
  });

  it("attributes a rating to the language, site and channel of the call's last answered visit", async () => {
    const rows = await ws.byGroup({ from: '2026-03-02', by: 'language,site,channel' });
    expect(Object.keys(rows).sort()).toEqual(['kk|Astana|chat', 'kk|Astana|voice', 'ru|Almaty|voice']);
    expect(ratingFields(rows['kk|Astana|chat'])).toEqual({ ratings: 1, avg_rating: 4, csi: 1, cdi: 0 }); //  r4
    expect(ratingFields(rows['kk|Astana|voice'])).toEqual({ ratings: 1, avg_rating: 5, csi: 1, cdi: 0 }); // r1
    expect(ratingFields(rows['ru|Almaty|voice'])).toEqual({ ratings: 2, avg_rating: 2, csi: 0, cdi: 1 / 2 }); // r2, r3
  });

  it('filters ratings with --queue by the attributed queue', async () => {
    const row = await ws.total({ from: '2026-03-02', queue: ['rq-front'] });
    expect(ratingFields(row)).toEqual({ ratings: 2, avg_rating: 2, csi: 0, cdi: 1 / 2 }); // r2, r3
  });

  it('does not let a rating re-sent with the same rated_at count twice', async () => {
    const summary = await ws.ingest([{ call_id: 'r1', score: 1, rated_at: '2026-03-02T05:00:00Z' }], 'ratings');
    expect(summary).toMatchObject({ read: 1, accepted: 0, duplicates: 1 }); // key (call_id, rated_at)
    const row = await ws.total({ from: '2026-03-02' });
    expect(ratingFields(row)).toEqual({ ratings: 4, avg_rating: 13 / 4, csi: 2 / 4, cdi: 1 / 4 });
  });
});
