/**
 * The volume and handle-time forecast of one skill (DESIGN §6, issue 5 part 3):
 *
 *   calls(date, slot) = exp(a + b·t + w[weekday] + Σ log F[special]) × share[profile(date)][slot]
 *
 * - daily level: ordinary least squares of log daily offered calls on a trend t (years) and
 *   weekday dummies, over ordinary days (no holiday nearby); a log-linear model keeps weekday
 *   effects multiplicative (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice",
 *   3rd ed., §7.4 trend and seasonal dummies). The trend is used only with ≥ 8 weeks of history
 *   and is capped at ×2 (or ×½) a year so that a short history cannot extrapolate wildly;
 * - calendar factors F (day-features.ts): the geometric mean of the residuals of the days that
 *   carry the flag, shrunk toward a prior with the weight of one day: exp((Σ r + log prior)/(n + 1));
 * - intraday profile: each slot's share of the day's calls over the last `profileWeeks` ordinary
 *   days of the same weekday, blended with the pooled working-day (or weekend) profile with the
 *   weight of two days; holidays and days off take the Sunday profile;
 * - AHT: handled seconds ÷ answered calls per slot over the profile window, shrunk toward the
 *   skill's overall AHT with the weight of 20 calls.
 */
import { dayFeatures, SPECIAL_DAY_PRIOR, SPECIAL_DAYS, type SpecialDay } from './day-features.ts';
import { dayNumber } from '../calendar/iso-date.ts';
import { datesBetween, intervalStart, sum, type IntervalMinutes, type SkillHistory } from './history.ts';
import { leastSquares } from './least-squares.ts';

export interface FitOptions {
  /** Weeks of the most recent history the intraday profile and AHT learn from (default 8). */
  profileWeeks?: number;
}

export interface SkillModel {
  skill: string;
  intervalMinutes: IntervalMinutes;
  slotsPerDay: number;
  /** Last date of the history it learned from. */
  historyEnd: string;
  /** Intercept (log calls on historyEnd's Monday), trend per year, weekday effects (Monday 0). */
  intercept: number;
  trendPerYear: number;
  weekdayEffect: number[];
  specialFactor: Record<SpecialDay, number>;
  /** Share of the day's calls per slot, by weekday 0…6. */
  profile: Float64Array[];
  ahtSeconds: Float64Array;
  overallAhtSeconds: number;
}

export interface ForecastInterval {
  date: string;
  slot: number;
  /** Local 'YYYY-MM-DDTHH:MM'. */
  intervalStart: string;
  skill: string;
  calls: number;
  ahtSeconds: number;
}

const MIN_TREND_DAYS = 56;
const RECENT_LEVEL_DAYS = 28;
const MAX_LOG_TREND = Math.log(2);
const AHT_PRIOR_CALLS = 20;
const PROFILE_PRIOR_DAYS = 2;

const isOrdinary = (date: string) => dayFeatures(date).special.length === 0;

/** Fits one skill's model. @throws RangeError when the history holds no calls. */
export function fitSkill(h: SkillHistory, options: FitOptions = {}): SkillModel {
  const totals = h.offered.map(sum);
  if (h.dates.length === 0 || sum(totals) === 0) throw new RangeError(`no history with calls for skill ${h.skill}`);
  const historyEnd = h.dates[h.dates.length - 1];
  const end = dayNumber(historyEnd);
  const years = (date: string) => (dayNumber(date) - end) / 365;
  const span = end - dayNumber(h.dates[0]) + 1;
  const useTrend = span >= MIN_TREND_DAYS;

  // Daily level on ordinary days with calls: log T = a + b·t + w[weekday] (w[0] = 0).
  const rows: number[][] = [];
  const ys: number[] = [];
  const rowDates: string[] = [];
  h.dates.forEach((date, i) => {
    if (!isOrdinary(date) || totals[i] <= 0) return;
    const wd = dayFeatures(date).weekday;
    const x = [1, useTrend ? years(date) : 0];
    for (let k = 1; k < 7; k++) x.push(wd === k ? 1 : 0);
    rows.push(x);
    ys.push(Math.log(totals[i]));
    rowDates.push(date);
  });
  const beta =
    rows.length > 0 ? leastSquares(rows, ys, 1e-6) : [Math.log(sum(totals) / h.dates.length), 0, 0, 0, 0, 0, 0, 0];
  const trendPerYear = useTrend ? Math.max(-MAX_LOG_TREND, Math.min(MAX_LOG_TREND, beta[1])) : 0;
  const weekdayEffect = [0, ...beta.slice(2)];
  // Re-anchor the level on the last four weeks: a line through months of history misses where the
  // level is now when the months differ (seasonality a short history cannot model).
  let recent = 0;
  let recentDays = 0;
  rowDates.forEach((date, r) => {
    if (dayNumber(date) <= end - RECENT_LEVEL_DAYS) return;
    recent += ys[r] - (beta[0] + trendPerYear * years(date) * 1 + weekdayEffect[dayFeatures(date).weekday]);
    recentDays++;
  });
  const intercept = beta[0] + (recentDays > 0 ? recent / recentDays : 0);
  const baseLog = (date: string) => intercept + trendPerYear * years(date) + weekdayEffect[dayFeatures(date).weekday];

  const specialFactor = fitSpecialFactors(h, totals, baseLog);
  const { profile, ahtSeconds, overallAhtSeconds } = fitIntraday(h, totals, options.profileWeeks ?? 8);
  return {
    skill: h.skill,
    intervalMinutes: h.intervalMinutes,
    slotsPerDay: h.slotsPerDay,
    historyEnd,
    intercept,
    trendPerYear,
    weekdayEffect,
    specialFactor,
    profile,
    ahtSeconds,
    overallAhtSeconds,
  };
}

function fitSpecialFactors(
  h: SkillHistory,
  totals: number[],
  baseLog: (date: string) => number,
): Record<SpecialDay, number> {
  const logF = Object.fromEntries(SPECIAL_DAYS.map((f) => [f, Math.log(SPECIAL_DAY_PRIOR[f])])) as Record<
    SpecialDay,
    number
  >;
  const specials = h.dates
    .map((date, i) => ({ date, i, flags: dayFeatures(date).special }))
    .filter((d) => d.flags.length > 0 && totals[d.i] > 0);
  for (let pass = 0; pass < 3; pass++) {
    for (const f of SPECIAL_DAYS) {
      let s = Math.log(SPECIAL_DAY_PRIOR[f]);
      let n = 1;
      for (const d of specials) {
        if (!d.flags.includes(f)) continue;
        const others = d.flags.reduce((acc, g) => (g === f ? acc : acc + logF[g]), 0);
        s += Math.log(totals[d.i]) - baseLog(d.date) - others;
        n++;
      }
      logF[f] = s / n;
    }
  }
  return Object.fromEntries(SPECIAL_DAYS.map((f) => [f, Math.exp(logF[f])])) as Record<SpecialDay, number>;
}

function fitIntraday(h: SkillHistory, totals: number[], profileWeeks: number) {
  const n = h.slotsPerDay;
  const from = dayNumber(h.dates[h.dates.length - 1]) - profileWeeks * 7;
  const own = Array.from({ length: 7 }, () => ({ calls: new Float64Array(n), total: 0, days: 0 }));
  const handle = new Float64Array(n);
  const answered = new Float64Array(n);
  h.dates.forEach((date, i) => {
    if (dayNumber(date) <= from) return;
    for (let s = 0; s < n; s++) {
      handle[s] += h.handleSeconds[i][s];
      answered[s] += h.answered[i][s];
    }
    if (!isOrdinary(date) || totals[i] <= 0) return;
    const acc = own[dayFeatures(date).weekday];
    for (let s = 0; s < n; s++) acc.calls[s] += h.offered[i][s];
    acc.total += totals[i];
    acc.days++;
  });
  const pooled = (weekdays: number[]) => {
    const calls = new Float64Array(n);
    let total = 0;
    for (const wd of weekdays) {
      for (let s = 0; s < n; s++) calls[s] += own[wd].calls[s];
      total += own[wd].total;
    }
    return total > 0 ? calls.map((c) => c / total) : null;
  };
  const working = pooled([0, 1, 2, 3, 4]);
  const weekend = pooled([5, 6]) ?? working;
  const all = pooled([0, 1, 2, 3, 4, 5, 6]) ?? new Float64Array(n).fill(1 / n);
  const profile = own.map((acc, wd) => {
    const group = (wd < 5 ? working : weekend) ?? all;
    if (acc.total <= 0) return group;
    const w = acc.days / (acc.days + PROFILE_PRIOR_DAYS);
    return acc.calls.map((c, s) => w * (c / acc.total) + (1 - w) * group[s]);
  });
  const overallAhtSeconds = sum(answered) > 0 ? sum(handle) / sum(answered) : 0;
  const ahtSeconds = handle.map((x, s) => (x + AHT_PRIOR_CALLS * overallAhtSeconds) / (answered[s] + AHT_PRIOR_CALLS));
  return { profile, ahtSeconds, overallAhtSeconds };
}

/** Expected offered calls of a date (the day's total). */
export function dailyCalls(m: SkillModel, date: string): number {
  const f = dayFeatures(date);
  const t = (dayNumber(date) - dayNumber(m.historyEnd)) / 365;
  let log = m.intercept + m.trendPerYear * t + m.weekdayEffect[f.weekday];
  for (const s of f.special) log += Math.log(m.specialFactor[s]);
  return Math.exp(log);
}

/** The intraday profile a date follows. */
export function profileOf(m: SkillModel, date: string): Float64Array {
  const f = dayFeatures(date);
  const off = f.special.includes('holiday') || f.special.includes('day_off');
  return m.profile[off ? 6 : f.special.includes('transferred_working') ? 4 : f.weekday];
}

/** The forecast of dates from..to inclusive, every slot of every day, slot order. */
export function forecastSkill(m: SkillModel, from: string, to: string): ForecastInterval[] {
  const out: ForecastInterval[] = [];
  for (const date of datesBetween(from, to)) {
    const total = dailyCalls(m, date);
    const shares = profileOf(m, date);
    for (let slot = 0; slot < m.slotsPerDay; slot++) {
      out.push({
        date,
        slot,
        intervalStart: intervalStart(date, slot, m.intervalMinutes),
        skill: m.skill,
        calls: total * shares[slot],
        ahtSeconds: m.ahtSeconds[slot],
      });
    }
  }
  return out;
}
