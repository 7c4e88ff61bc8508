/**
 * Hand-worked examples of DESIGN §9 under the default rule of DESIGN §8: daily norm 60 calls,
 * guaranteed 25 000 000 tiyn, 15 000 tiyn per call above the norm, minimum pay 8 500 000 tiyn,
 * hours ratio 1.0, rating ≥ 4.75 from 10 ratings, AHT ≤ 300 s, full time 40 h a week.
 * Unless said otherwise the month has 20 working days (Feb 2026, research §3).
 */
import { describe, expect, it } from 'vitest';
import { payLine, type OperatorMonthFacts, type PayLineInput } from './pay-line.ts';
import { DEFAULT_PAY_RULE, type PayRule } from './pay-rules.ts';

const HOUR = 3600;

/** A full-timer who worked all 20 days, 1340 calls at 280 s, 160 h productive, 50 ratings averaging 4.8. */
function facts(over: Partial<OperatorMonthFacts> = {}): OperatorMonthFacts {
  return {
    agent_id: 'a1',
    handled: 1340,
    handle_seconds: 1340 * 280,
    worked_days: 20,
    productive_seconds: 160 * HOUR,
    ratings: 50,
    rating_score_sum: 240,
    contract_hours_week: 40,
    hired_at: null,
    ...over,
  };
}

function line(over: Partial<OperatorMonthFacts> = {}, rule: Partial<PayRule> = {}, input: Partial<PayLineInput> = {}) {
  return payLine({
    facts: facts(over),
    rule: { ...DEFAULT_PAY_RULE, ...rule },
    full_time_hours_week: 40,
    working_days: 20,
    ...input,
  });
}

describe('pay line: guaranteed part and bonus', () => {
  it('pays the guaranteed part and the bonus when every gate passes', () => {
    // norm = ceil(60 × 1 × 20) = 1200; excess = 1340 − 1200 = 140; bonus = 140 × 15 000 = 2 100 000.
    // hours_norm = 40 × 20 / 5 = 160 = productive hours (exactly at the hours gate).
    expect(line()).toEqual({
      agent_id: 'a1',
      worked_days: 20,
      handled: 1340,
      norm_calls: 1200,
      excess_calls: 140,
      productive_hours: 160,
      hours_norm: 160,
      ratings: 50,
      avg_rating: 4.8,
      aht_s: 280,
      gates: { hours: true, rating: true, aht: true },
      guaranteed_tiyn: 25_000_000,
      bonus_tiyn: 2_100_000,
      total_tiyn: 27_100_000,
      reasons: ['guaranteed pay in full: 1340 calls, norm 1200', 'bonus paid: 140 calls above the norm'],
    });
  });

  it('exactly at the norm: full guaranteed part, no bonus', () => {
    const l = line({ handled: 1200, handle_seconds: 1200 * 280 });
    expect([l.excess_calls, l.guaranteed_tiyn, l.bonus_tiyn]).toEqual([0, 25_000_000, 0]);
    expect(l.reasons).toEqual([
      'guaranteed pay in full: 1200 calls, norm 1200',
      'no bonus: 1200 calls, not above the norm of 1200',
    ]);
  });

  it('one call below the norm: prorated, rounded half up to whole tiyn', () => {
    // 25 000 000 × 1199 / 1200 = 24 979 166.67 → 24 979 167 (above the minimum 8 500 000).
    const l = line({ handled: 1199, handle_seconds: 1199 * 280 });
    expect(l.guaranteed_tiyn).toBe(24_979_167);
    expect(l.reasons[0]).toBe('guaranteed pay prorated: 1199 calls of the norm of 1200');
  });

  it('one call above the norm: 15 000 tiyn of bonus', () => {
    expect(line({ handled: 1201, handle_seconds: 1201 * 280 }).bonus_tiyn).toBe(15_000);
  });

  it('far below the norm: the minimum pay', () => {
    // 25 000 000 × 300 / 1200 = 6 250 000 < 8 500 000 × 1 × 1 → 8 500 000.
    const l = line({ handled: 300, handle_seconds: 300 * 280 });
    expect(l.guaranteed_tiyn).toBe(8_500_000);
    expect(l.reasons[0]).toBe('guaranteed pay at the minimum: 300 calls of the norm of 1200');
  });

  it('minimum and prorated pay meet at 408 calls', () => {
    // The crossing is 8 500 000 / 25 000 000 × 1200 = 408 calls: 408 gives exactly 8 500 000 either way.
    expect(line({ handled: 408, handle_seconds: 408 * 280 }).guaranteed_tiyn).toBe(8_500_000);
    expect(line({ handled: 409, handle_seconds: 409 * 280 }).guaranteed_tiyn).toBe(8_520_833); // 8 520 833.33
  });

  it('rounds .5 tiyn up, not to even', () => {
    // guaranteed 5, norm ceil(2 × 1) = 2, 1 call: 5 × 1 / 2 = 2.5 → 3 (banker's rounding would give 2).
    const rule = { guaranteed_tiyn: 5, daily_norm_calls: 2, min_pay_tiyn: 0 };
    expect(line({ worked_days: 1, handled: 1, handle_seconds: 10 }, rule, { working_days: 1 }).guaranteed_tiyn).toBe(3);
    // guaranteed 3: 3 × 1 / 2 = 1.5 → 2.
    expect(
      line({ worked_days: 1, handled: 1, handle_seconds: 10 }, { ...rule, guaranteed_tiyn: 3 }, { working_days: 1 })
        .guaranteed_tiyn,
    ).toBe(2);
  });

  it('zero worked days: no guaranteed part', () => {
    const l = line({
      worked_days: 0,
      handled: 0,
      handle_seconds: 0,
      productive_seconds: 0,
      ratings: 0,
      rating_score_sum: 0,
    });
    expect([l.norm_calls, l.guaranteed_tiyn, l.bonus_tiyn, l.total_tiyn, l.aht_s, l.avg_rating]).toEqual([
      0,
      0,
      0,
      0,
      null,
      null,
    ]);
    expect(l.gates).toEqual({ hours: false, rating: true, aht: true });
    expect(l.reasons).toEqual([
      'worked 0 of 20 working days',
      'no worked days: no guaranteed pay',
      'rating gate not applied: 0 ratings < 10',
      'no bonus: 0 calls, not above the norm of 0',
      'bar not met: productive hours 0 < 160',
    ]);
  });
});

describe('pay line: proration', () => {
  it('part time 30 h: fte 3/4', () => {
    // norm = ceil(60 × 0.75 × 20) = 900; hours_norm = 30 × 20 / 5 = 120; full = 25 000 000 × 0.75 = 18 750 000.
    // excess = 950 − 900 = 50 → bonus 750 000.
    const l = line({
      contract_hours_week: 30,
      handled: 950,
      handle_seconds: 950 * 280,
      productive_seconds: 120 * HOUR,
    });
    expect([l.norm_calls, l.hours_norm, l.guaranteed_tiyn, l.bonus_tiyn]).toEqual([900, 120, 18_750_000, 750_000]);
    expect(l.reasons[0]).toBe('part time: 30 of 40 hours a week');
  });

  it('part time 25 h over 7 days: the norm is a ceiling of an exact fraction', () => {
    // fte = 25/40 = 5/8; 60 × 5/8 × 7 = 262.5 → 263. day_share = 7/20.
    // handled 263 = norm → full = 25 000 000 × 5/8 × 7/20 = 5 468 750.
    const l = line({
      contract_hours_week: 25,
      worked_days: 7,
      handled: 263,
      handle_seconds: 263 * 280,
      productive_seconds: 100 * HOUR,
    });
    expect([l.norm_calls, l.guaranteed_tiyn, l.hours_norm]).toEqual([263, 5_468_750, 100]);
  });

  it('unknown contract counts as full time', () => {
    const l = line({ contract_hours_week: null });
    expect([l.norm_calls, l.hours_norm, l.guaranteed_tiyn]).toEqual([1200, 160, 25_000_000]);
  });

  it('part of the month: day_share = worked / working days', () => {
    // 10 of 20 days: norm 600; full = 25 000 000 × 10/20 = 12 500 000; hours_norm stays 160.
    const l = line({ worked_days: 10, handled: 650, handle_seconds: 650 * 280, productive_seconds: 80 * HOUR });
    expect([l.norm_calls, l.guaranteed_tiyn, l.hours_norm, l.gates.hours, l.bonus_tiyn]).toEqual([
      600,
      12_500_000,
      160,
      false,
      0,
    ]);
    expect(l.reasons).toContain('worked 10 of 20 working days');
    expect(l.reasons).toContain('bonus withheld: productive hours 80 < 160');
  });

  it('day share is capped at 1 (worked a weekend day)', () => {
    // 21 worked of 20 working days: day_share = min(1, 21/20) = 1; norm = 60 × 21 = 1260.
    const l = line({ worked_days: 21, handled: 1300, handle_seconds: 1300 * 280 });
    expect([l.norm_calls, l.guaranteed_tiyn, l.excess_calls]).toEqual([1260, 25_000_000, 40]);
  });

  it('no working days left (hired on the last Sunday) counts day_share 1 and hours_norm 0', () => {
    const l = line(
      { worked_days: 1, handled: 60, handle_seconds: 60 * 280, productive_seconds: 8 * HOUR },
      {},
      { working_days: 0 },
    );
    expect([l.hours_norm, l.guaranteed_tiyn, l.gates.hours]).toEqual([0, 25_000_000, true]);
  });
});

describe('pay line: gates at their thresholds', () => {
  it('hours: one second short of 160 h withholds the bonus', () => {
    const l = line({ productive_seconds: 160 * HOUR - 1 });
    expect([l.gates.hours, l.bonus_tiyn, l.guaranteed_tiyn]).toEqual([false, 0, 25_000_000]);
    // 575 999 s = 159.99972… h; shown with enough decimals to differ from 160.
    expect(l.reasons).toContain('bonus withheld: productive hours 159.9997 < 160');
  });

  it('hours: min_hours_ratio scales the bar (0.9 × 160 = 144 h)', () => {
    expect(line({ productive_seconds: 144 * HOUR }, { min_hours_ratio: 0.9 }).gates.hours).toBe(true);
    expect(line({ productive_seconds: 144 * HOUR - 1 }, { min_hours_ratio: 0.9 }).gates.hours).toBe(false);
  });

  it('rating: 4.62 < 4.75 withholds the bonus', () => {
    // 50 ratings summing 231: 231 / 50 = 4.62.
    const l = line({ rating_score_sum: 231 });
    expect([l.avg_rating, l.gates.rating, l.bonus_tiyn]).toEqual([4.62, false, 0]);
    expect(l.reasons).toContain('bonus withheld: average rating 4.62 < 4.75');
  });

  it('rating: exactly 4.75 passes', () => {
    // 20 ratings summing 95: 95 / 20 = 4.75.
    expect(line({ ratings: 20, rating_score_sum: 95 }).gates.rating).toBe(true);
  });

  it('rating: below 10 ratings the gate is not applied, at 10 it is', () => {
    const few = line({ ratings: 3, rating_score_sum: 9 }); // average 3
    expect([few.gates.rating, few.avg_rating, few.bonus_tiyn]).toEqual([true, 3, 2_100_000]);
    expect(few.reasons).toContain('rating gate not applied: 3 ratings < 10');
    expect(line({ ratings: 9, rating_score_sum: 42 }).gates.rating).toBe(true);
    const ten = line({ ratings: 10, rating_score_sum: 47 }); // 4.7 < 4.75
    expect([ten.gates.rating, ten.bonus_tiyn]).toEqual([false, 0]);
    expect(line({ ratings: 1, rating_score_sum: 1 }, { min_ratings_for_gate: 10 }).reasons).toContain(
      'rating gate not applied: 1 rating < 10',
    );
  });

  it('talk time: exactly 300 s passes, a millisecond more fails', () => {
    expect(line({ handle_seconds: 1340 * 300 }).gates.aht).toBe(true);
    // (1340 × 300 + 1.34) / 1340 = 300.001 s.
    const l = line({ handle_seconds: 1340 * 300 + 1.34 });
    expect([l.aht_s, l.gates.aht, l.bonus_tiyn]).toEqual([300.001, false, 0]);
    expect(l.reasons).toContain('bonus withheld: average handle time 300.001 s > 300 s');
  });

  it('a failed gate without excess calls is reported, not as a withheld bonus', () => {
    const l = line({ handled: 1000, handle_seconds: 1000 * 280, rating_score_sum: 231 });
    expect(l.reasons).toContain('bar not met: average rating 4.62 < 4.75');
  });

  it('several failed gates each give a reason', () => {
    const l = line({ rating_score_sum: 231, handle_seconds: 1340 * 310, productive_seconds: 150 * HOUR });
    expect(l.gates).toEqual({ hours: false, rating: false, aht: false });
    expect(l.reasons.filter((r) => r.startsWith('bonus withheld'))).toHaveLength(3);
  });
});

describe('pay line: languages and input checks', () => {
  it('speaks Russian and Kazakh', () => {
    const ru = line({ rating_score_sum: 231 }, {}, { lang: 'ru' });
    expect(ru.reasons).toEqual([
      'гарантированная часть полностью: 1340 звонков при норме 1200',
      'премия не начислена: средняя оценка 4,62 < 4,75',
    ]);
    expect(line({ ratings: 3, rating_score_sum: 9 }, {}, { lang: 'ru' }).reasons).toContain(
      'порог оценки не применён: 3 оценки < 10',
    );
    const kk = line({}, {}, { lang: 'kk' });
    expect(kk.reasons).toEqual([
      'кепілдендірілген бөлік толық: 1340 қоңырау, норма 1200',
      'сыйақы есептелді: нормадан тыс 140 қоңырау',
    ]);
  });

  it('says when worked days come from handled calls', () => {
    const l = line({ worked_days_source: 'handled_calls', productive_seconds: 0 });
    expect(l.reasons[0]).toBe('no agent events this month: worked days are the dates of handled calls');
    expect(l.gates.hours).toBe(false);
  });

  it('rejects impossible facts and rules', () => {
    expect(() => line({ handled: -1 })).toThrow(RangeError);
    expect(() => line({ worked_days: 1.5 })).toThrow(RangeError);
    expect(() => line({ ratings: 2, rating_score_sum: 11 })).toThrow(/impossible/);
    expect(() => line({ contract_hours_week: 0 })).toThrow(RangeError);
    expect(() => line({}, { per_call_tiyn: 0.5 })).toThrow(/per_call_tiyn/);
    expect(() => line({}, {}, { full_time_hours_week: 0 })).toThrow(/full_time_hours_week/);
  });
});
