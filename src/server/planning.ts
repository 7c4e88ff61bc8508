/**
 * The forecast behind `kezek forecast`, `kezek staffing` and the planner pages: history from
 * ClickHouse, the model of src/domain/forecast fitted per skill, its back-test, and the
 * forecast of a range beside what happened there (when that is already in the database).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { backtest, compareWithActual, type Accuracy, type Backtest } from '../domain/forecast/accuracy.ts';
import { fitSkill, forecastSkill, type ForecastInterval, type SkillModel } from '../domain/forecast/fit.ts';
import { buildHistory, sum, type SkillHistory } from '../domain/forecast/history.ts';
import { patienceEstimate, type PatienceEstimate } from '../domain/forecast/patience.ts';
import { nextDate } from '../domain/time/local-dates.ts';
import type { KezekConfig } from './config.ts';
import { InputError } from './input-error.ts';
import type { PlanningRequest } from './planning-request.ts';
import { fetchForecastHistory } from './queries/forecast-history.ts';

export interface PlanningContext {
  client: ClickHouseClient;
  config: KezekConfig;
}

export interface SkillForecast {
  skill: string;
  model: SkillModel;
  patience: PatienceEstimate;
}

export interface ForecastResult {
  from: string;
  to: string;
  timezone: string;
  intervalMinutes: number;
  /** The local dates the model learned from. */
  history: { from: string; to: string; days: number };
  skills: SkillForecast[];
  backtest: Backtest | null;
  intervals: Array<ForecastInterval & { actualCalls: number | null }>;
  /** Forecast vs actual over the requested range, where it has happened. */
  accuracy: { skills: Array<{ skill: string } & Accuracy>; total: Accuracy } | null;
}

export const FORECAST_METHOD =
  'log-linear daily level (trend + weekday) × Kazakhstan calendar factors (holiday, day off, day before/after a break) × intraday profile per weekday; AHT per time of day';
export const PATIENCE_METHOD =
  'exponential MLE: total waiting time of offered calls ÷ abandonments, short abandons (wait < kpi.short_abandon_s) left out of both, as in reporting; used when ≥ 30 abandonments';

/** Fits the forecast on the `staffing.history_weeks` before `from` and forecasts from..to. */
export async function forecastRange(ctx: PlanningContext, req: PlanningRequest): Promise<ForecastResult> {
  const { config } = ctx;
  const historyFrom = nextDate(req.from, -7 * config.staffing.history_weeks);
  const historyTo = nextDate(req.from, -1);
  const base = { timezone: config.timezone, shortAbandonSeconds: config.kpi.short_abandon_s };
  const [past, range] = await Promise.all([
    fetchForecastHistory(ctx.client, { ...base, from: historyFrom, to: historyTo }),
    fetchForecastHistory(ctx.client, { ...base, from: req.from, to: req.to }),
  ]);
  const history = buildHistory(past.cells, req.intervalMinutes).filter((h) => sum(h.offered.map(sum)) > 0);
  if (history.length === 0) {
    throw new InputError(
      `no offered calls in the ${config.staffing.history_weeks} weeks before ${req.from} to learn a forecast from`,
    );
  }
  const skills = history.map((h): SkillForecast => ({
    skill: h.skill,
    model: fitSkill(h),
    patience: patienceEstimate(past.patience.get(h.skill) ?? { waitSeconds: 0, abandoned: 0 }),
  }));
  const actual = buildHistory(range.cells, req.intervalMinutes);
  const intervals = skills.flatMap((s) => forecastSkill(s.model, req.from, req.to));
  const lookup = actualLookup(actual);
  return {
    from: req.from,
    to: req.to,
    timezone: config.timezone,
    intervalMinutes: req.intervalMinutes,
    history: {
      from: history[0].dates[0],
      to: history[0].dates[history[0].dates.length - 1],
      days: history[0].dates.length,
    },
    skills,
    backtest: backtest(history, config.staffing.backtest_weeks),
    intervals: intervals.map((x) => ({ ...x, actualCalls: lookup(x.skill, x.date, x.slot) })),
    accuracy: compareWithActual(intervals, actual),
  };
}

function actualLookup(actual: SkillHistory[]) {
  const index = new Map(actual.map((h) => [h.skill, { h, dates: new Map(h.dates.map((d, i) => [d, i])) }]));
  const observed = new Set(actual[0]?.dates ?? []);
  return (skill: string, date: string, slot: number): number | null => {
    if (!observed.has(date)) return null;
    const e = index.get(skill);
    const i = e?.dates.get(date);
    return e === undefined || i === undefined ? 0 : e.h.offered[i][slot];
  };
}

const errors = (a: Accuracy) => ({
  day: a.day,
  interval: a.interval,
  aht: a.aht,
  actual_calls: a.actualCalls,
  forecast_calls: a.forecastCalls,
});

/** The JSON of `kezek forecast --json` (snake_case, unrounded). */
export function forecastJson(r: ForecastResult) {
  return {
    from: r.from,
    to: r.to,
    timezone: r.timezone,
    interval_minutes: r.intervalMinutes,
    method: FORECAST_METHOD,
    history: r.history,
    skills: r.skills.map((s) => ({
      skill: s.skill,
      trend_per_year: Math.exp(s.model.trendPerYear) - 1,
      weekday_factors: s.model.weekdayEffect.map((w) => Math.exp(w)),
      special_day_factors: s.model.specialFactor,
      aht_s: s.model.overallAhtSeconds,
      patience_s: s.patience.patienceSeconds,
      patience_abandoned: s.patience.abandoned,
      patience_method: PATIENCE_METHOD,
    })),
    backtest: r.backtest && {
      from: r.backtest.from,
      to: r.backtest.to,
      weeks: r.backtest.weeks,
      skills: r.backtest.skills.map((s) => ({ skill: s.skill, ...errors(s) })),
      total: errors(r.backtest.total),
    },
    accuracy: r.accuracy && {
      skills: r.accuracy.skills.map((s) => ({ skill: s.skill, ...errors(s) })),
      total: errors(r.accuracy.total),
    },
    intervals: r.intervals.map((x) => ({
      interval_start: x.intervalStart,
      skill: x.skill,
      calls: x.calls,
      aht_s: x.ahtSeconds,
      actual_calls: x.actualCalls,
    })),
  };
}
