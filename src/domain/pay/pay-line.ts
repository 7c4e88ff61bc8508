/**
 * Piece-rate pay of one operator for one month: DESIGN §9, exactly, in exact arithmetic.
 *
 * Inputs are the month's facts of an operator (`OperatorMonthFacts`, which a query or
 * `workedTime` produces), the rule set in force and the operator's working days; the output is
 * the pay line of `payroll --json`. Field names keep the JSON keys of DESIGN §8–9 (snake_case), so
 * a line is the JSON unchanged and every number in it can be traced to a fact of the same name.
 */
import { checkPayRule, type PayRule } from './pay-rules.ts';
import { reasonText, type PayLang, type PayReason } from './pay-reasons.ts';
import {
  ceil,
  cmp,
  div,
  fromDecimal,
  max,
  min,
  mul,
  ONE,
  rat,
  roundHalfUp,
  toNumber,
  ZERO,
  type Rational,
} from './rational.ts';

/** What the pay of an operator's month is computed from. */
export interface OperatorMonthFacts {
  agent_id: string;
  /** Answered visits with this agent, entered in the month. */
  handled: number;
  /** Sum of talk + hold + wrap seconds over those visits (aht_s = handle_seconds / handled). */
  handle_seconds: number;
  /** Local dates of the month with logged-in time, or with a handled call (see `workedTime`). */
  worked_days: number;
  /** Logged-in seconds minus unpaid pauses (see `workedTime`). */
  productive_seconds: number;
  /** Ratings of this agent rated in the month, and the sum of their scores (1–5 each). */
  ratings: number;
  rating_score_sum: number;
  contract_hours_week: number | null;
  /** Local date 'YYYY-MM-DD', or null when unknown. */
  hired_at: string | null;
  /** 'handled_calls' when the operator had no agent events in the month; adds a reason. */
  worked_days_source?: 'agent_events' | 'handled_calls';
}

/** One operator's line of `payroll --json` (DESIGN §9); JSON numbers unrounded, money in tiyn. */
export interface PayLine {
  agent_id: string;
  worked_days: number;
  handled: number;
  norm_calls: number;
  excess_calls: number;
  productive_hours: number;
  hours_norm: number;
  ratings: number;
  avg_rating: number | null;
  aht_s: number | null;
  gates: { hours: boolean; rating: boolean; aht: boolean };
  guaranteed_tiyn: number;
  bonus_tiyn: number;
  total_tiyn: number;
  reasons: string[];
}

export interface PayLineInput {
  facts: OperatorMonthFacts;
  rule: PayRule;
  full_time_hours_week: number;
  /** Working days of the month, counted from `hired_at` when that falls inside it. */
  working_days: number;
  lang?: PayLang;
}

function checkFacts(f: OperatorMonthFacts): void {
  const bad = (what: string) => {
    throw new RangeError(`pay facts of ${f.agent_id}: ${what}`);
  };
  for (const key of ['handled', 'worked_days', 'ratings'] as const) {
    if (!Number.isSafeInteger(f[key]) || f[key] < 0) bad(`${key} must be a whole number ≥ 0, got ${f[key]}`);
  }
  for (const key of ['handle_seconds', 'productive_seconds', 'rating_score_sum'] as const) {
    if (!Number.isFinite(f[key]) || f[key] < 0) bad(`${key} must be a number ≥ 0, got ${f[key]}`);
  }
  if (f.rating_score_sum < f.ratings || f.rating_score_sum > 5 * f.ratings) {
    bad(`rating_score_sum ${f.rating_score_sum} is impossible for ${f.ratings} ratings of 1–5`);
  }
  if (f.contract_hours_week !== null && !(f.contract_hours_week > 0)) {
    bad(`contract_hours_week must be > 0 or null, got ${f.contract_hours_week}`);
  }
}

/**
 * The pay line of one operator (DESIGN §9). Edge cases §9 leaves open, decided here:
 * - unknown contract: fte = 1 and hours_norm uses full_time_hours_week;
 * - working_days = 0 (hired on the month's last weekend): day_share = 1, hours_norm = 0;
 * - no handled call: aht_s is null and the talk-time gate passes;
 * - no rating: avg_rating is null and the rating gate is not applied, whatever its minimum.
 * @throws RangeError for impossible facts or rule values.
 */
export function payLine(input: PayLineInput): PayLine {
  const { facts: f, rule, working_days: workingDays, lang = 'en' } = input;
  checkFacts(f);
  checkPayRule(rule, input.full_time_hours_week);
  if (!Number.isSafeInteger(workingDays) || workingDays < 0) throw new RangeError(`bad working_days ${workingDays}`);
  const reasons: PayReason[] = [];
  if (f.worked_days_source === 'handled_calls') reasons.push({ code: 'worked-days-from-calls' });

  // fte = contract_hours_week / full_time_hours_week (1 when unknown).
  const fullTime = fromDecimal(input.full_time_hours_week);
  const contract = f.contract_hours_week === null ? fullTime : fromDecimal(f.contract_hours_week);
  const fte = div(contract, fullTime);
  if (cmp(fte, ONE) !== 0) reasons.push({ code: 'part-time', contractHours: contract, fullTimeHours: fullTime });

  // hours_norm = contract_hours_week × working_days / 5.
  const hoursNorm = div(mul(contract, rat(workingDays)), rat(5));
  // norm_calls = ceil(daily_norm_calls × fte × worked_days); excess = max(0, handled − norm).
  const normCalls = Number(ceil(mul(mul(fromDecimal(rule.daily_norm_calls), fte), rat(f.worked_days))));
  const excessCalls = Math.max(0, f.handled - normCalls);

  // day_share = min(1, worked_days / working_days); full = guaranteed_tiyn × fte × day_share.
  const dayShare = workingDays === 0 ? ONE : min(ONE, rat(f.worked_days, workingDays));
  if (cmp(dayShare, ONE) < 0) reasons.push({ code: 'part-month', worked: f.worked_days, working: workingDays });
  const full = mul(mul(rat(rule.guaranteed_tiyn), fte), dayShare);
  let guaranteed: Rational;
  if (f.worked_days === 0) {
    guaranteed = ZERO;
    reasons.push({ code: 'no-worked-days' });
  } else if (f.handled >= normCalls) {
    guaranteed = full;
    reasons.push({ code: 'guaranteed-full', handled: f.handled, norm: normCalls });
  } else {
    // max(min_pay_tiyn × fte × day_share, full × handled / norm_calls); norm_calls > handled ≥ 0.
    const floorPay = mul(mul(rat(rule.min_pay_tiyn), fte), dayShare);
    const prorated = div(mul(full, rat(f.handled)), rat(normCalls));
    guaranteed = max(floorPay, prorated);
    const code = cmp(floorPay, prorated) > 0 ? 'guaranteed-minimum' : 'guaranteed-prorated';
    reasons.push({ code, handled: f.handled, norm: normCalls });
  }
  const guaranteedTiyn = Number(roundHalfUp(guaranteed));

  // Gates.
  const productiveHours = div(fromDecimal(f.productive_seconds), rat(3600));
  const hoursBar = mul(fromDecimal(rule.min_hours_ratio), hoursNorm);
  const hoursGate = cmp(productiveHours, hoursBar) >= 0;
  const avgRating = f.ratings > 0 ? div(fromDecimal(f.rating_score_sum), rat(f.ratings)) : null;
  const ratingApplied = avgRating !== null && f.ratings >= rule.min_ratings_for_gate;
  const ratingBar = fromDecimal(rule.min_avg_rating);
  const ratingGate = !ratingApplied || cmp(avgRating, ratingBar) >= 0;
  if (!ratingApplied)
    reasons.push({ code: 'rating-gate-not-applied', ratings: f.ratings, min: rule.min_ratings_for_gate });
  const aht = f.handled > 0 ? div(fromDecimal(f.handle_seconds), rat(f.handled)) : null;
  const ahtBar = fromDecimal(rule.max_aht_s);
  const ahtGate = aht === null || cmp(aht, ahtBar) <= 0;

  // bonus = excess_calls × per_call_tiyn when every gate passes.
  const allGates = hoursGate && ratingGate && ahtGate;
  const bonusTiyn = allGates ? excessCalls * rule.per_call_tiyn : 0;
  if (excessCalls === 0) reasons.push({ code: 'no-excess', handled: f.handled, norm: normCalls });
  else if (allGates) reasons.push({ code: 'bonus-paid', excess: excessCalls });
  const withheld = excessCalls > 0;
  if (!hoursGate) reasons.push({ code: 'hours-gate-failed', value: productiveHours, bar: hoursBar, withheld });
  if (!ratingGate && avgRating)
    reasons.push({ code: 'rating-gate-failed', value: avgRating, bar: ratingBar, withheld });
  if (!ahtGate && aht) reasons.push({ code: 'aht-gate-failed', value: aht, bar: ahtBar, withheld });

  return {
    agent_id: f.agent_id,
    worked_days: f.worked_days,
    handled: f.handled,
    norm_calls: normCalls,
    excess_calls: excessCalls,
    productive_hours: toNumber(productiveHours),
    hours_norm: toNumber(hoursNorm),
    ratings: f.ratings,
    avg_rating: avgRating && toNumber(avgRating),
    aht_s: aht && toNumber(aht),
    gates: { hours: hoursGate, rating: ratingGate, aht: ahtGate },
    guaranteed_tiyn: guaranteedTiyn,
    bonus_tiyn: bonusTiyn,
    total_tiyn: guaranteedTiyn + bonusTiyn,
    reasons: reasons.map((r) => reasonText(r, lang)),
  };
}
