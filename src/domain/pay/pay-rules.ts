/**
 * The config's `pay` section (DESIGN §8) and the choice of the rule set in force (DESIGN §9).
 * Field names keep the config's JSON keys so a config file maps onto these types unchanged.
 */

/** One rule set; money in integer tiyn (1/100 tenge). */
export interface PayRule {
  /** Local date 'YYYY-MM-DD' from which the rule applies. */
  from: string;
  daily_norm_calls: number;
  guaranteed_tiyn: number;
  per_call_tiyn: number;
  min_pay_tiyn: number;
  min_hours_ratio: number;
  min_avg_rating: number;
  min_ratings_for_gate: number;
  max_aht_s: number;
  paid_pause_reasons: string[];
}

export interface PayConfig {
  full_time_hours_week: number;
  rules: PayRule[];
}

/** The defaults of DESIGN §8. */
export const DEFAULT_PAY_RULE: Readonly<PayRule> = Object.freeze({
  from: '2026-01-01',
  daily_norm_calls: 60,
  guaranteed_tiyn: 25_000_000,
  per_call_tiyn: 15_000,
  min_pay_tiyn: 8_500_000,
  min_hours_ratio: 1.0,
  min_avg_rating: 4.75,
  min_ratings_for_gate: 10,
  max_aht_s: 300,
  paid_pause_reasons: ['training', 'coaching'],
});

export const DEFAULT_PAY_CONFIG: Readonly<PayConfig> = Object.freeze({
  full_time_hours_week: 40,
  rules: [DEFAULT_PAY_RULE],
});

/**
 * The rule set in force on the month's first day: the one with the latest `from` not after it;
 * null when every rule starts later.
 * @example payRuleInForce(DEFAULT_PAY_CONFIG, '2026-03')?.from // '2026-01-01'
 * @example payRuleInForce(DEFAULT_PAY_CONFIG, '2025-12') // null
 */
export function payRuleInForce(config: PayConfig, month: string): PayRule | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const first = `${month}-01`;
  let best: PayRule | null = null;
  for (const rule of config.rules) {
    if (rule.from <= first && (best === null || rule.from >= best.from)) best = rule;
  }
  return best;
}

/** Throws a RangeError naming the first value no rule set may have. */
export function checkPayRule(rule: PayRule, fullTimeHoursWeek: number): void {
  const bad = (what: string) => {
    throw new RangeError(`pay rule from ${rule.from}: ${what}`);
  };
  if (!(fullTimeHoursWeek > 0)) bad(`full_time_hours_week must be > 0, got ${fullTimeHoursWeek}`);
  for (const key of ['guaranteed_tiyn', 'per_call_tiyn', 'min_pay_tiyn', 'min_ratings_for_gate'] as const) {
    if (!Number.isSafeInteger(rule[key]) || rule[key] < 0) bad(`${key} must be a whole number ≥ 0`);
  }
  for (const key of ['daily_norm_calls', 'min_hours_ratio', 'min_avg_rating', 'max_aht_s'] as const) {
    if (!Number.isFinite(rule[key]) || rule[key] < 0) bad(`${key} must be a number ≥ 0`);
  }
}
