/**
 * DESIGN §4/§5/§7, time: a visit belongs to the local period (Asia/Almaty, UTC+5) of its
 * entered_at; days are cut at local midnight (18:59:59Z is the previous day, 19:00:00Z the next);
 * hour and 15-minute interval keys are local `YYYY-MM-DDTHH:MM`; input times as `Z`, `+05:00` and
 * epoch seconds (number or string) give the same result. Also `--by` group keys and `--queue`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/domain/kpi/kpi-row.ts';
import { abandoned, answered, sameKpis, Workspace } from './harness.ts';

const ws = new Workspace('time-groups');

// One scenario, written in Z:
//  v1 entered 03-01 18:59:59Z = local 03-01 23:59:59, answered after 20.000 s  → within SL
//  v2 entered 03-01 19:00:00Z = local 03-02 00:00:00, answered after 20.001 s  → outside SL
//  v3 entered 03-02 04:14:59.999Z = local 09:14:59.999, abandoned after 4.999 s → ghost
//  v4 entered 03-02 04:15:00Z = local 09:15:00, abandoned after 30 s            → lost
function scenario(prefix: string, queue: string) {
  return [
    answered(`${prefix}-v1`, queue, '2026-03-01T18:59:59.000Z', 20, { talk_s: 100 }),
    answered(`${prefix}-v2`, queue, '2026-03-01T19:00:00.000Z', 20.001, { talk_s: 200 }),
    abandoned(`${prefix}-v3`, queue, '2026-03-02T04:14:59.999Z', 4.999),
    abandoned(`${prefix}-v4`, queue, '2026-03-02T04:15:00.000Z', 30),
  ];
}

const TIME_FIELDS = ['entered_at', 'answered_at', 'ended_at'];

/** The same rows with every time rewritten by `f`. */
function retimed(rows: Record<string, unknown>[], f: (iso: string) => string | number) {
  return rows.map((r) => {
    const out = { ...r };
    for (const k of TIME_FIELDS) if (typeof r[k] === 'string') out[k] = f(r[k] as string);
    return out;
  });
}

/** '2026-03-01T18:59:59.000Z' → '2026-03-01T23:59:59.000+05:00' (the same instant). */
const plus5 = (iso: string) => new Date(Date.parse(iso) + 5 * 3600_000).toISOString().replace('Z', '+05:00');
const epochSeconds = (iso: string) => Date.parse(iso) / 1000;

const QUEUES = ['q-z', 'q-plus5', 'q-epoch', 'q-epoch-text'];

beforeAll(async () => {
  const rows = [
    ...scenario('z', 'q-z'),
    ...retimed(scenario('p', 'q-plus5'), plus5),
    ...retimed(scenario('e', 'q-epoch'), epochSeconds),
    ...retimed(scenario('t', 'q-epoch-text'), (iso) => String(epochSeconds(iso))),
  ];
  // The +05:00 and epoch forms really are different text.
  expect(rows[4].entered_at).toBe('2026-03-01T23:59:59.000+05:00');
  expect(rows[8].entered_at).toBe(1772391599);
  expect(rows[10].entered_at).toBe(1772424899.999);
  expect(await ws.ingest(rows)).toMatchObject({ accepted: 16, rejected: 0 });
});

/** Rows of a query by queue + more, regrouped per queue with the queue key dropped. */
async function perQueue(by: string): Promise<Record<string, Record<string, KpiRow>>> {
  const out: Record<string, Record<string, KpiRow>> = {};
  for (const row of await ws.kpi({ from: '2026-03-01', to: '2026-03-02', by: `queue,${by}` })) {
    const { queue, ...rest } = row.group;
    (out[queue] ??= {})[Object.values(rest).join('|')] = { ...row, group: rest };
  }
  return out;
}

describe('local days, hours and intervals', () => {
  // A visit belongs to the period of its entered_at: v1 is answered at local 00:00:19 on 03-02
  // but counts on 03-01.
  it('cuts days at local midnight: 18:59:59Z is the previous day, 19:00:00Z the next', async () => {
    const days = await ws.byGroup({ from: '2026-03-01', to: '2026-03-02', by: 'day', queue: ['q-z'] });
    expect(Object.keys(days)).toEqual(['2026-03-01', '2026-03-02']);
    // 03-01: v1 only → offered 1, answered within 20 s → SL 1/1.
    expect(days['2026-03-01']).toMatchObject({
      offered: 1,
      answered: 1,
      answered_within_sl: 1,
      base: 1,
      service_level: 1,
    });
    // 03-02: v2 (20.001 s, out), v3 (ghost), v4 (lost) → base 3 − 1 = 2, SL 0/2, lost rate 1/3.
    expect(days['2026-03-02']).toMatchObject({
      offered: 3,
      answered: 1,
      short_abandoned: 1,
      lost: 1,
      base: 2,
      answered_within_sl: 0,
      service_level: 0,
      lost_rate: 1 / 3,
    });
  });

  it('cuts days in the time zone of the config', async () => {
    // In UTC both v1 (18:59:59Z) and v2 (19:00:00Z) are on 03-01; v3 and v4 on 03-02.
    const config = ws.config({ timezone: 'UTC' });
    const out = await ws.kpiOutput({ from: '2026-03-01', to: '2026-03-02', by: 'day', queue: ['q-z'], config });
    expect(out.timezone).toBe('UTC');
    expect(out.rows.map((r) => [r.group.day, r.offered])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 2],
    ]);
  });

  it('selects by local dates: --from/--to 03-02 holds v2 but not v1', async () => {
    expect((await ws.total({ from: '2026-03-01', queue: ['q-z'] })).offered).toBe(1);
    expect((await ws.total({ from: '2026-03-02', queue: ['q-z'] })).offered).toBe(3);
  });

  it('labels hours as local YYYY-MM-DDTHH:MM', async () => {
    const hours = await ws.byGroup({ from: '2026-03-01', to: '2026-03-02', by: 'hour', queue: ['q-z'] });
    expect(Object.keys(hours)).toEqual(['2026-03-01T23:00', '2026-03-02T00:00', '2026-03-02T09:00']);
    expect(hours['2026-03-02T09:00'].offered).toBe(2); // v3 09:14:59.999 and v4 09:15:00
  });

  it('labels 15-minute intervals as local YYYY-MM-DDTHH:MM of their start', async () => {
    const intervals = await ws.byGroup({ from: '2026-03-01', to: '2026-03-02', by: 'interval', queue: ['q-z'] });
    expect(Object.keys(intervals)).toEqual([
      '2026-03-01T23:45',
      '2026-03-02T00:00',
      '2026-03-02T09:00',
      '2026-03-02T09:15',
    ]);
    expect(intervals['2026-03-02T09:00']).toMatchObject({ offered: 1, short_abandoned: 1 }); // v3
    expect(intervals['2026-03-02T09:15']).toMatchObject({ offered: 1, lost: 1 }); //           v4
  });
});

describe('times as Z, +05:00 and epoch seconds', () => {
  it.each(['day', 'hour', 'interval'])('give the same KPIs by queue,%s', async (by) => {
    const rows = await perQueue(by);
    expect(Object.keys(rows).sort()).toEqual([...QUEUES].sort());
    for (const queue of QUEUES) {
      const [got, want] = [Object.values(rows[queue]), Object.values(rows['q-z'])];
      if (!sameKpis(got, want)) expect(rows[queue]).toEqual(rows['q-z']);
    }
  });

  it('give the same waits to the millisecond', async () => {
    const rows = await ws.byGroup({ from: '2026-03-01', to: '2026-03-02', by: 'queue' });
    for (const queue of QUEUES) {
      expect(rows[queue].asa_s).toBeCloseTo((20 + 20.001) / 2, 9); // v1, v2
      expect(rows[queue].avg_wait_s).toBeCloseTo((20 + 20.001 + 4.999 + 30) / 4, 9);
      expect(rows[queue].aht_s).toBe(150); // (100 + 200) / 2
    }
  });
});

describe('--by and --queue', () => {
  it('keys a --by queue,day group by queue then day', async () => {
    const rows = await ws.kpi({ from: '2026-03-01', to: '2026-03-02', by: 'queue,day' });
    expect(rows).toHaveLength(8); // 4 queues × 2 days
    expect(rows[0].group).toEqual({ queue: 'q-epoch', day: '2026-03-01' });
    expect(Object.keys(rows[0].group)).toEqual(['queue', 'day']);
    const swapped = await ws.kpi({ from: '2026-03-01', to: '2026-03-02', by: 'day,queue' });
    expect(Object.keys(swapped[0].group)).toEqual(['day', 'queue']);
  });

  it('filters with --queue, given once, repeated or comma-separated', async () => {
    const one = await ws.total({ from: '2026-03-01', to: '2026-03-02', queue: ['q-plus5'] });
    expect(one.offered).toBe(4);
    const repeated = await ws.total({ from: '2026-03-01', to: '2026-03-02', queue: ['q-plus5', 'q-z'] });
    expect(repeated.offered).toBe(8);
    const comma = await ws.total({ from: '2026-03-01', to: '2026-03-02', queue: ['q-plus5,q-z'] });
    expect(comma).toEqual(repeated);
    const byQueue = await ws.kpi({ from: '2026-03-01', to: '2026-03-02', by: 'queue', queue: ['q-z'] });
    expect(byQueue.map((r) => r.group)).toEqual([{ queue: 'q-z' }]);
    const none = await ws.total({ from: '2026-03-01', to: '2026-03-02', queue: ['no-such-queue'] });
    expect(none).toMatchObject({ group: {}, offered: 0, service_level: null });
  });

  it('groups by channel, voice when the input names none', async () => {
    const rows = await ws.byGroup({ from: '2026-03-01', to: '2026-03-02', by: 'channel' });
    expect(Object.keys(rows)).toEqual(['voice']); // channel defaults to voice
    expect(rows.voice.offered).toBe(16);
  });
});
