/**
 * DESIGN §5, the visit KPIs: offered/answered/abandoned, ghost (short), early and lost abandons
 * at their exact edges, the 20 s service-level edge, waits and handle time, call-backs and
 * self-service apart from offered, empty bases giving null, and thresholds set by `--config`.
 * Defaults: short_abandon_s 5, lost_after_s 30, sl_answer_within_s 20.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { abandoned, answered, Workspace } from './harness.ts';

const ws = new Workspace('visit-kpis');

// Local day 2026-03-02 in Asia/Almaty (UTC+5); 04:00Z is 09:00 local. One visit a minute.
const DAY = '2026-03-02';
const at = (minute: number) => `2026-03-02T04:${String(minute).padStart(2, '0')}:00.000Z`;

const EDGES = [
  // Abandons (wait_s = ended_at − entered_at):
  abandoned('g1', 'edges', at(0), 4.999), //  4.999 < 5            → short (ghost)
  abandoned('e1', 'edges', at(1), 5), //      5.000, not < 5, < 30 → early: neither short nor lost
  abandoned('e2', 'edges', at(2), 29.999), // 29.999 < 30          → early: neither
  abandoned('l1', 'edges', at(3), 30), //     30.000 ≥ 30          → lost
  abandoned('l2', 'edges', at(4), 120), //    120 ≥ 30             → lost
  // Answered (wait_s = answered_at − entered_at); handle = talk + hold + wrap, missing = 0:
  answered('a1', 'edges', at(5), 20, { talk_s: 60 }), //                         20.000 ≤ 20 → in SL; handle 60
  answered('a2', 'edges', at(6), 20.001, { talk_s: 90, hold_s: 30 }), //          20.001 > 20 → out;  handle 120
  answered('a3', 'edges', at(7), 0, { talk_s: 100, hold_s: 20, wrap_s: 10 }), //  0 → in;             handle 130
  answered('a4', 'edges', at(8), 10, { talk_s: 50, transferred: true }), //       10 → in; transferred; handle 50
  // Never offered: counted apart, their waits and handle times count nowhere.
  answered('cb1', 'edges', at(9), 3, { callback: true, talk_s: 500 }),
  abandoned('cb2', 'edges', at(10), 40, { callback: true }),
  answered('ss1', 'edges', at(11), 0, { self_service: true, talk_s: 300 }),
  abandoned('ss2', 'edges', at(12), 1, { self_service: true }),
];

// 2026-03-03: only ghost calls, so base = offered − short_abandoned = 0.
const GHOSTS = [
  abandoned('gh1', 'ghosts', '2026-03-03T04:00:00Z', 1),
  abandoned('gh2', 'ghosts', '2026-03-03T04:01:00Z', 2),
];

// 2026-03-04: `transferred` counts answered visits only.
const TRANSFERS = [
  answered('t1', 'xfer', '2026-03-04T04:00:00Z', 10, { transferred: true }),
  abandoned('t2', 'xfer', '2026-03-04T04:01:00Z', 10, { transferred: true }),
];

beforeAll(async () => {
  const summary = await ws.ingest([...EDGES, ...GHOSTS, ...TRANSFERS]);
  expect(summary).toMatchObject({ read: 17, accepted: 17, rejected: 0 });
});

describe('visit KPIs with the default thresholds', () => {
  it('counts offered, answered, abandoned, ghost, early and lost visits at the exact edges', async () => {
    const row = await ws.total({ from: DAY });
    expect(row.group).toEqual({});
    expect(row.offered).toBe(9); //           5 abandons + 4 answered; cb1, cb2, ss1, ss2 are not offered
    expect(row.answered).toBe(4); //          a1–a4
    expect(row.abandoned).toBe(5); //         offered − answered = 9 − 4
    expect(row.short_abandoned).toBe(1); //   g1 (4.999 < 5); e1 at exactly 5 is not short
    expect(row.lost).toBe(2); //              l1 (exactly 30 ≥ 30), l2; e2 at 29.999 is not lost
    expect(row.base).toBe(8); //              offered − short_abandoned = 9 − 1
  });

  it('puts an answer at exactly 20.000 s inside the service level and 20.001 s outside', async () => {
    const row = await ws.total({ from: DAY });
    expect(row.answered_within_sl).toBe(3); // a1 (20.000), a3 (0), a4 (10); a2 (20.001) is out
    expect(row.service_level).toBe(3 / 8); //  answered_within_sl / base
  });

  it('computes lost rate, dial-through, ASA, average wait and AHT over the right sets', async () => {
    const row = await ws.total({ from: DAY });
    expect(row.lost_rate).toBe(2 / 9); //                 lost / offered
    expect(row.dial_through).toBe(1 - 2 / 9); //          1 − lost_rate
    expect(row.asa_s).toBeCloseTo((20 + 20.001 + 0 + 10) / 4, 9); // mean wait of answered = 12.50025
    // mean wait of offered: abandons 4.999 + 5 + 29.999 + 30 + 120, answered 50.001 → 239.999 / 9
    expect(row.avg_wait_s).toBeCloseTo(239.999 / 9, 9);
    expect(row.aht_s).toBe((60 + 120 + 130 + 50) / 4); // mean talk+hold+wrap of answered = 90
    expect(row.transferred).toBe(1); //                   a4
  });

  it('keeps call-backs and self-service out of offered and counts them apart', async () => {
    const row = await ws.total({ from: DAY });
    expect(row.callbacks).toBe(2); //    cb1 (answered), cb2 (unanswered)
    expect(row.self_service).toBe(2); // ss1, ss2
    expect(row.offered + row.callbacks + row.self_service).toBe(EDGES.length);
  });
});

describe('transferred', () => {
  it('counts answered visits flagged transferred, not unanswered ones', async () => {
    const row = await ws.total({ from: '2026-03-04' });
    expect(row).toMatchObject({ offered: 2, answered: 1, transferred: 1 }); // t1 only
  });
});

describe('empty sets give null', () => {
  it('gives a null service level when every offered call is a ghost (base 0)', async () => {
    const row = await ws.total({ from: '2026-03-03' });
    expect(row).toMatchObject({ offered: 2, answered: 0, short_abandoned: 2, base: 0, answered_within_sl: 0, lost: 0 });
    expect(row.service_level).toBeNull(); // 0 / 0
    expect(row.lost_rate).toBe(0); //        0 / 2
    expect(row.dial_through).toBe(1);
    expect(row.asa_s).toBeNull(); //         no answered visit
    expect(row.aht_s).toBeNull();
    expect(row.avg_wait_s).toBe(1.5); //     (1 + 2) / 2
    expect(row.avg_rating).toBeNull(); //    no ratings
    expect(row.csi).toBeNull();
    expect(row.cdi).toBeNull();
    expect(row.fcr).toBeNull(); //           no eligible contact
  });

  it('gives one row with group {} and every rate null over no data without --by', async () => {
    const out = await ws.kpiOutput({ from: '2026-04-01', to: '2026-04-30' });
    expect(out).toMatchObject({ from: '2026-04-01', to: '2026-04-30', timezone: 'Asia/Almaty' });
    expect(out.rows).toEqual([
      {
        group: {},
        offered: 0,
        answered: 0,
        abandoned: 0,
        short_abandoned: 0,
        lost: 0,
        base: 0,
        answered_within_sl: 0,
        service_level: null,
        lost_rate: null,
        dial_through: null,
        asa_s: null,
        avg_wait_s: null,
        aht_s: null,
        self_service: 0,
        callbacks: 0,
        transferred: 0,
        ratings: 0,
        avg_rating: null,
        csi: null,
        cdi: null,
        fcr_eligible: 0,
        fcr: null,
        fcr_provisional: false,
      },
    ]);
  });

  it('gives no rows with --by over no data (there is no group to show)', async () => {
    expect(await ws.kpi({ from: '2026-04-01', to: '2026-04-30', by: 'day' })).toEqual([]);
  });

  it('prints every KPI field of DESIGN §7 in a row', async () => {
    const row = await ws.total({ from: DAY });
    expect(Object.keys(row).sort()).toEqual(
      [
        'group',
        'offered',
        'answered',
        'abandoned',
        'short_abandoned',
        'lost',
        'base',
        'answered_within_sl',
        'service_level',
        'lost_rate',
        'dial_through',
        'asa_s',
        'avg_wait_s',
        'aht_s',
        'self_service',
        'callbacks',
        'transferred',
        'ratings',
        'avg_rating',
        'csi',
        'cdi',
        'fcr_eligible',
        'fcr',
        'fcr_provisional',
      ].sort(),
    );
  });
});

describe('thresholds from --config', () => {
  it('sl_answer_within_s 30 moves the 20.001 s answer into the service level', async () => {
    const config = ws.config({ kpi: { sl_answer_within_s: 30 } });
    const row = await ws.total({ from: DAY, config });
    expect(row.answered_within_sl).toBe(4); // a1–a4 all wait ≤ 30
    expect(row.service_level).toBe(4 / 8); // base unchanged (8)
  });

  it('short_abandon_s 10 and lost_after_s 120 move the ghost and lost edges', async () => {
    const config = ws.config({ kpi: { short_abandon_s: 10, lost_after_s: 120 } });
    const row = await ws.total({ from: DAY, config });
    expect(row.short_abandoned).toBe(2); //      g1 (4.999), e1 (5) < 10
    expect(row.lost).toBe(1); //                 l2 (120 ≥ 120); l1 (30) is no longer lost
    expect(row.base).toBe(7); //                 9 − 2
    expect(row.service_level).toBe(3 / 7); //    answered_within_sl 3 (sl threshold still 20)
    expect(row.lost_rate).toBe(1 / 9);
  });

  it('short_abandon_s 4.999 makes the 4.999 s abandon no longer a ghost (strictly below)', async () => {
    const config = ws.config({ kpi: { short_abandon_s: 4.999, lost_after_s: 29.999 } });
    const row = await ws.total({ from: DAY, config });
    expect(row.short_abandoned).toBe(0); // 4.999 is not < 4.999
    expect(row.lost).toBe(3); //            e2 (29.999 ≥ 29.999), l1, l2
  });
});
