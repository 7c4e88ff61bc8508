/**
 * DESIGN §9 end to end: events ingested through `kezek ingest` → facts from ClickHouse →
 * `kezek payroll --month 2025-01 --json`. The dataset and the rule set are in dataset.ts; every
 * expected number is worked out below from DESIGN §9 (fte = contract / 40; hours_norm =
 * contract × working_days / 5; norm_calls = ceil(2 × fte × worked_days); day_share =
 * min(1, worked / working); full = 100 000 × fte × day_share).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';
import type { PayLine } from '../../src/domain/pay/pay-line.ts';
import { dataset, MONTH, PAY_CONFIG } from './dataset.ts';

const ws = new Workspace('payroll-facts');
let config: string;
let lines: Record<string, PayLine>;

beforeAll(async () => {
  config = ws.config(PAY_CONFIG);
  const d = dataset();
  await ws.ingest(d.agents, 'agents', config);
  await ws.ingest(d.calls, 'calls', config);
  await ws.ingest(d.ratings, 'ratings', config);
  await ws.ingest(d.events, 'agent-events', config);
  const r = await runCli(['payroll', '--month', MONTH, '--db', ws.db, '--config', config, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as { month: string; operators: PayLine[] };
  expect(Object.keys(out)).toEqual(['month', 'operators']);
  expect(out.month).toBe(MONTH);
  lines = Object.fromEntries(out.operators.map((l) => [l.agent_id, l]));
});

describe('payroll --json from ingested events (January 2025: 20 working days)', () => {
  it('lists every operator with calls, ratings or agent events, in agent_id order, with the keys of DESIGN §9', () => {
    expect(Object.keys(lines)).toEqual(['op-e', 'op-full', 'op-mid', 'op-none', 'op-part']);
    expect(Object.keys(lines['op-full'])).toEqual([
      'agent_id',
      'worked_days',
      'handled',
      'norm_calls',
      'excess_calls',
      'productive_hours',
      'hours_norm',
      'ratings',
      'avg_rating',
      'aht_s',
      'gates',
      'guaranteed_tiyn',
      'bonus_tiyn',
      'total_tiyn',
      'reasons',
    ]);
  });

  it('op-full: exactly at the hours norm, the AHT bar and the rating bar — bonus paid', () => {
    // 20 days × 8 h = 160 h logged in; the 1 h training pause is paid → productive 160 h;
    // hours_norm = 40 × 20 / 5 = 160 → 160 ≥ 1 × 160 passes. The unanswered visit and the
    // call-back are not handled: handled = 45, aht = 300 s ≤ 300 passes.
    // Ratings a01 (3 then 5: the latest counts) … a20: 15 × 5 + 5 × 4 = 95 / 20 = 4.75 ≥ 4.75;
    // a21–a32 were given to others by agent_id, a22's rating is 1 February local time.
    // norm = ceil(2 × 1 × 20) = 40, excess 5; guaranteed = full = 100 000; bonus = 5 × 1 000.
    expect(lines['op-full']).toEqual({
      agent_id: 'op-full',
      worked_days: 20,
      handled: 45,
      norm_calls: 40,
      excess_calls: 5,
      productive_hours: 160,
      hours_norm: 160,
      ratings: 20,
      avg_rating: 4.75,
      aht_s: 300,
      gates: { hours: true, rating: true, aht: true },
      guaranteed_tiyn: 100_000,
      bonus_tiyn: 5_000,
      total_tiyn: 105_000,
      reasons: ['guaranteed pay in full: 45 calls, norm 40', 'bonus paid: 5 calls above the norm'],
    });
  });

  it('op-part: part time, exactly at the call norm, rating gate not applied below 10 ratings', () => {
    // fte = 20 / 40 = 0.5; 19 days × 4 h + 31 Jan 20:00 → midnight (no logout) 4 h = 80 h;
    // hours_norm = 20 × 20 / 5 = 80 → passes. norm = ceil(2 × 0.5 × 20) = 20 = handled → full
    // = 100 000 × 0.5 = 50 000; excess 0, no bonus. 8 own ratings + a21 by agent_id = 9 of 3.
    expect(lines['op-part']).toMatchObject({
      worked_days: 20,
      handled: 20,
      norm_calls: 20,
      excess_calls: 0,
      productive_hours: 80,
      hours_norm: 80,
      ratings: 9,
      avg_rating: 3,
      aht_s: 200,
      gates: { hours: true, rating: true, aht: true },
      guaranteed_tiyn: 50_000,
      bonus_tiyn: 0,
      total_tiyn: 50_000,
    });
    expect(lines['op-part'].reasons).toEqual([
      'part time: 20 of 40 hours a week',
      'guaranteed pay in full: 20 calls, norm 20',
      'rating gate not applied: 9 ratings < 10',
      'no bonus: 20 calls, not above the norm of 20',
    ]);
  });

  it('op-mid: hired mid-month — working days from hired_at, guaranteed pay prorated', () => {
    // Working days from Monday 20 Jan: 20–24, 27–31 = 10; hours_norm = 40 × 10 / 5 = 80.
    // 8 days × 8 h = 64 h, minus the unpaid lunch from 16:00 that ends with its session at 17:00
    // → 63 h < 80. day_share = 8 / 10; full = 100 000 × 0.8 = 80 000; norm = ceil(2 × 8) = 16;
    // handled 12 < 16 → max(30 000 × 0.8 = 24 000, 80 000 × 12 / 16 = 60 000) = 60 000.
    // Ratings 7 × 5 + 3 × 4 = 47 / 10 = 4.7 < 4.75 (10 ratings: the gate applies).
    expect(lines['op-mid']).toMatchObject({
      worked_days: 8,
      handled: 12,
      norm_calls: 16,
      excess_calls: 0,
      productive_hours: 63,
      hours_norm: 80,
      ratings: 10,
      avg_rating: 4.7,
      aht_s: 250,
      gates: { hours: false, rating: false, aht: true },
      guaranteed_tiyn: 60_000,
      bonus_tiyn: 0,
      total_tiyn: 60_000,
    });
    expect(lines['op-mid'].reasons).toEqual([
      'worked 8 of 10 working days',
      'guaranteed pay prorated: 12 calls of the norm of 16',
      'no bonus: 12 calls, not above the norm of 16',
      'bar not met: productive hours 63 < 80',
      'bar not met: average rating 4.7 < 4.75',
    ]);
  });

  it('op-none: no agent events — worked days are the local dates of its handled calls', () => {
    // Calls on 13 (00:10 local is 12 Jan in UTC), 14 and 15 Jan → 3 worked days; no agent row:
    // fte 1, hours_norm = 40 × 20 / 5 = 160, productive 0. norm = ceil(2 × 3) = 6, handled 7 →
    // excess 1; full = 100 000 × 3 / 20 = 15 000. Bonus withheld: hours 0 < 160, AHT 400 > 300.
    expect(lines['op-none']).toEqual({
      agent_id: 'op-none',
      worked_days: 3,
      handled: 7,
      norm_calls: 6,
      excess_calls: 1,
      productive_hours: 0,
      hours_norm: 160,
      ratings: 0,
      avg_rating: null,
      aht_s: 400,
      gates: { hours: false, rating: true, aht: false },
      guaranteed_tiyn: 15_000,
      bonus_tiyn: 0,
      total_tiyn: 15_000,
      reasons: [
        'no agent events this month: worked days are the dates of handled calls',
        'worked 3 of 20 working days',
        'guaranteed pay in full: 7 calls, norm 6',
        'rating gate not applied: 0 ratings < 10',
        'bonus withheld: productive hours 0 < 160',
        'bonus withheld: average handle time 400 s > 300 s',
      ],
    });
  });

  it('op-e: a session crossing midnight into the month, ratings by agent_id, rounding half up', () => {
    // 31 Dec 23:00 → 1 Jan 01:00 gives 1 Jan 1 h (a holiday, still a worked date) + 6 days × 6 h
    // − 0.5 h lunch = 36.5 h over 7 worked days. fte = 30 / 40 = 0.75; hours_norm = 30 × 20 / 5
    // = 120. norm = ceil(2 × 0.75 × 7) = ceil(10.5) = 11; day_share = 7 / 20; full = 100 000 ×
    // 0.75 × 0.35 = 26 250; handled 5 < 11 → max(30 000 × 0.75 × 0.35 = 7 875,
    // 26 250 × 5 / 11 = 11 931.81…) → 11 932 tiyn. Ratings: exactly 10 (the gate applies),
    // 8 × 5 + 2 × 4 = 48 / 10 = 4.8 ≥ 4.75.
    expect(lines['op-e']).toMatchObject({
      worked_days: 7,
      handled: 5,
      norm_calls: 11,
      excess_calls: 0,
      productive_hours: 36.5,
      hours_norm: 120,
      ratings: 10,
      avg_rating: 4.8,
      aht_s: 100,
      gates: { hours: false, rating: true, aht: true },
      guaranteed_tiyn: 11_932,
      bonus_tiyn: 0,
      total_tiyn: 11_932,
    });
  });

  it('gives the same AHT and ratings as `kezek kpi --by agent` over the month', async () => {
    const rows = await ws.byGroup({ from: '2025-01-01', to: '2025-01-31', by: 'agent', config });
    for (const id of ['op-full', 'op-part', 'op-mid', 'op-none', 'op-e']) {
      expect(rows[id].aht_s).toBe(lines[id].aht_s);
      expect(rows[id]?.ratings ?? 0).toBe(lines[id].ratings);
    }
  });
});

describe('payroll output and usage', () => {
  it('writes the reasons in Russian and Kazakh with --lang', async () => {
    for (const [lang, text] of [
      ['ru', 'часть'],
      ['kk', 'бөлік'],
    ] as const) {
      const r = await runCli([
        'payroll',
        '--month',
        MONTH,
        '--db',
        ws.db,
        '--config',
        config,
        '--json',
        '--lang',
        lang,
      ]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { operators: PayLine[] };
      const part = out.operators.find((l) => l.agent_id === 'op-part')!;
      expect(part.reasons.join(' ')).toContain(text);
      expect(part.total_tiyn).toBe(50_000);
    }
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['payroll', '--month', MONTH, '--db', ws.db, '--config', config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/op-full .* 1 050\.00/);
    expect(r.stdout).toContain('· bonus paid: 5 calls above the norm');
    expect(r.stdout).toContain('total: 5 operators, 2 419.32 ₸'); // 105 000 + 50 000 + 60 000 + 15 000 + 11 932
  });

  it('an empty month has no operators', async () => {
    const r = await runCli(['payroll', '--month', '2025-03', '--db', ws.db, '--config', config, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ month: '2025-03', operators: [] });
  });

  it.each([
    [['--month', '2025-13'], /^kezek payroll: --month: expected YYYY-MM, got "2025-13"\n$/],
    [['--month', '2025-1'], /expected YYYY-MM/],
    [[], /--month is required/],
    [['--month', '2025-01', '--lang', 'de'], /--lang: expected ru, kk or en/],
    [['--month', '2025-01', '--out', 'pay.pdf'], /--out: expected a \.csv or \.xlsx/],
    [
      ['--month', '2025-01', '--out', '/nonexistent/dir/pay.csv'],
      /^kezek payroll: --out: no directory \/nonexistent\/dir\n$/,
    ],
    [['--month', '2024-12'], /no pay rule in force on 2024-12-01/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const r = await runCli(['payroll', ...args, '--db', ws.db, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});
