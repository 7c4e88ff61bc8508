/**
 * A month's payroll on Kazakhstan's calendar, rule selection by effective date, and what-if.
 * Working days from research §3: Jan 2025 = 20 (1–2 Jan New Year, Fri 3 Jan transferred day off,
 * Sun 5 Jan transferred working day, 7 Jan Orthodox Christmas); Mar 2026 = 18; Feb 2026 = 20.
 */
import { describe, expect, it } from 'vitest';
import type { OperatorMonthFacts } from './pay-line.ts';
import { operatorWorkingDays, payRun, payRunDifference, whatIfPayRun } from './pay-run.ts';
import { DEFAULT_PAY_CONFIG, DEFAULT_PAY_RULE, payRuleInForce, type PayConfig } from './pay-rules.ts';
import { workedTime } from './worked-time.ts';

const H = 3600;
const RULE_2025: PayConfig = { full_time_hours_week: 40, rules: [{ ...DEFAULT_PAY_RULE, from: '2025-01-01' }] };

function facts(over: Partial<OperatorMonthFacts>): OperatorMonthFacts {
  return {
    agent_id: 'a1',
    handled: 0,
    handle_seconds: 0,
    worked_days: 0,
    productive_seconds: 0,
    ratings: 0,
    rating_score_sum: 0,
    contract_hours_week: 40,
    hired_at: null,
    ...over,
  };
}

describe('payRun on the production calendar', () => {
  it('January 2025: holidays and the transferred working day give 20 working days', () => {
    // worked 18 of 20; norm = 60 × 18 = 1080; 1000 calls → prorated:
    // full = 25 000 000 × 18/20 = 22 500 000; × 1000/1080 = 20 833 333.33 → 20 833 333
    // (minimum 8 500 000 × 18/20 = 7 650 000 is lower). hours_norm = 40 × 20 / 5 = 160.
    const run = payRun(
      '2025-01',
      [facts({ worked_days: 18, handled: 1000, handle_seconds: 250_000, productive_seconds: 150 * H })],
      RULE_2025,
    );
    expect(run.operators[0]).toMatchObject({
      norm_calls: 1080,
      hours_norm: 160,
      guaranteed_tiyn: 20_833_333,
      bonus_tiyn: 0,
    });
    expect(run.operators[0].reasons).toContain('worked 18 of 20 working days');
  });

  it('hired mid-month: working days count from hired_at', () => {
    // Hired Mon 16 Feb 2026: 16–20 and 23–27 Feb = 10 working days; worked all 10 → full guaranteed part.
    expect(operatorWorkingDays('2026-02', '2026-02-16')).toBe(10);
    const run = payRun(
      '2026-02',
      [
        facts({
          hired_at: '2026-02-16',
          worked_days: 10,
          handled: 650,
          handle_seconds: 650 * 250,
          productive_seconds: 80 * H,
        }),
      ],
      DEFAULT_PAY_CONFIG,
    );
    // norm 600, excess 50 → bonus 750 000; hours_norm = 40 × 10 / 5 = 80.
    expect(run.operators[0]).toMatchObject({
      hours_norm: 80,
      guaranteed_tiyn: 25_000_000,
      bonus_tiyn: 750_000,
      total_tiyn: 25_750_000,
    });
    expect(operatorWorkingDays('2026-02', '2025-06-01')).toBe(20); // hired before: whole month
    expect(operatorWorkingDays('2026-02', '2026-02-01')).toBe(20);
  });

  it('an operator with no agent events: worked days from handled calls (end to end)', () => {
    const t = workedTime([], '2026-03', { paidPauseReasons: [], handledCallDates: ['2026-03-02', '2026-03-03'] });
    const run = payRun(
      '2026-03',
      [
        facts({
          worked_days: t.worked_days,
          productive_seconds: t.productive_seconds,
          worked_days_source: t.source,
          handled: 130,
          handle_seconds: 130 * 200,
        }),
      ],
      DEFAULT_PAY_CONFIG,
      { lang: 'en' },
    );
    // norm = 60 × 2 = 120; guaranteed = 25 000 000 × 2/18 = 2 777 777.78 → 2 777 778; excess 10 but the
    // hours gate fails (0 h < 40 × 18 / 5 = 144 h).
    expect(run.operators[0]).toMatchObject({
      worked_days: 2,
      norm_calls: 120,
      excess_calls: 10,
      guaranteed_tiyn: 2_777_778,
      bonus_tiyn: 0,
    });
    expect(run.operators[0].reasons).toEqual([
      'no agent events this month: worked days are the dates of handled calls',
      'worked 2 of 18 working days',
      'guaranteed pay in full: 130 calls, norm 120',
      'rating gate not applied: 0 ratings < 10',
      'bonus withheld: productive hours 0 < 144',
    ]);
  });

  it('throws when no rule set is in force', () => {
    expect(() => payRun('2025-12', [], DEFAULT_PAY_CONFIG)).toThrow(
      'no pay rule in force on 2025-12-01; the earliest starts 2026-01-01',
    );
  });
});

describe('payRuleInForce', () => {
  const config: PayConfig = {
    full_time_hours_week: 40,
    rules: [
      { ...DEFAULT_PAY_RULE, from: '2026-06-15', per_call_tiyn: 30_000 },
      { ...DEFAULT_PAY_RULE, from: '2026-01-01' },
      { ...DEFAULT_PAY_RULE, from: '2026-07-01', per_call_tiyn: 20_000 },
    ],
  };
  it('picks the latest rule starting on or before the first day of the month', () => {
    expect(payRuleInForce(config, '2026-06')?.from).toBe('2026-01-01'); // 15 Jun is not the first day
    expect(payRuleInForce(config, '2026-07')?.from).toBe('2026-07-01');
    expect(payRuleInForce(config, '2025-12')).toBeNull();
    expect(() => payRuleInForce(config, '2026-13')).toThrow(RangeError);
  });
});

describe('what-if', () => {
  const month = '2026-02';
  const team = [
    facts({ agent_id: 'a1', worked_days: 20, handled: 1340, handle_seconds: 1340 * 280, productive_seconds: 160 * H }),
    facts({ agent_id: 'a2', worked_days: 20, handled: 1100, handle_seconds: 1100 * 280, productive_seconds: 160 * H }),
  ];

  it('shows the difference of a draft rule set per operator and in total', () => {
    const draft: PayConfig = {
      ...DEFAULT_PAY_CONFIG,
      rules: [{ ...DEFAULT_PAY_RULE, per_call_tiyn: 20_000, daily_norm_calls: 55 }],
    };
    // Current: a1 25 000 000 + 140 × 15 000 = 27 100 000; a2 25 000 000 × 1100/1200 = 22 916 666.67 → 22 916 667.
    // Draft: norm 55 × 20 = 1100. a1 25 000 000 + 240 × 20 000 = 29 800 000; a2 exactly at the norm: 25 000 000.
    const d = whatIfPayRun(month, team, DEFAULT_PAY_CONFIG, draft);
    expect(d).toEqual({
      month,
      operators: [
        {
          agent_id: 'a1',
          base_total_tiyn: 27_100_000,
          draft_total_tiyn: 29_800_000,
          guaranteed_diff_tiyn: 0,
          bonus_diff_tiyn: 2_700_000,
          total_diff_tiyn: 2_700_000,
        },
        {
          agent_id: 'a2',
          base_total_tiyn: 22_916_667,
          draft_total_tiyn: 25_000_000,
          guaranteed_diff_tiyn: 2_083_333,
          bonus_diff_tiyn: 0,
          total_diff_tiyn: 2_083_333,
        },
      ],
      base_total_tiyn: 50_016_667,
      draft_total_tiyn: 54_800_000,
      total_diff_tiyn: 4_783_333,
    });
    // The lines add up to the totals (rounding happens per line, before summing).
    expect(d.operators.reduce((s, o) => s + o.total_diff_tiyn, 0)).toBe(d.total_diff_tiyn);
  });

  it('lists operators present in only one run', () => {
    const base = payRun(month, team.slice(0, 1), DEFAULT_PAY_CONFIG);
    const draft = payRun(month, team.slice(1), DEFAULT_PAY_CONFIG);
    const d = payRunDifference(base, draft);
    expect(d.operators.map((o) => [o.agent_id, o.base_total_tiyn, o.draft_total_tiyn, o.total_diff_tiyn])).toEqual([
      ['a1', 27_100_000, null, -27_100_000],
      ['a2', null, 22_916_667, 22_916_667],
    ]);
    expect(() => payRunDifference(base, { month: '2026-03', operators: [] })).toThrow(RangeError);
  });
});
