/**
 * One operator's month for /hr/operators/[id]: the pay line (frozen when the month is closed),
 * the facts behind every gate, and the month day by day — logged-in time, paid and unpaid
 * pauses, handled calls, ratings — with the production calendar.
 */
import { datesOfMonth } from '../domain/calendar/iso-date.ts';
import { calendarDay, holidayName, type DayKind } from '../domain/calendar/kz-calendar.ts';
import type { PayLine } from '../domain/pay/pay-line.ts';
import type { PayLang } from '../domain/pay/pay-reasons.ts';
import type { PayRule } from '../domain/pay/pay-rules.ts';
import { fetchOperatorDays, fetchPayrollFacts } from './queries/payroll-facts.ts';
import { fetchClosedMonth, fetchFrozenLines } from './queries/payroll-snapshot.ts';
import {
  frozenPayConfig,
  frozenPayLines,
  linesOf,
  parseMonth,
  ruleInForce,
  type PayFacts,
  type PayrollContext,
} from './payroll.ts';
import { operatorWorkingDays } from '../domain/pay/pay-run.ts';
import { InputError } from './input-error.ts';

export interface OperatorDay {
  date: string;
  working_day: boolean;
  day_kind: DayKind;
  holiday: string | null;
  logged_in_seconds: number;
  paid_pause_seconds: number;
  unpaid_pause_seconds: number;
  productive_seconds: number;
  handled: number;
  aht_s: number | null;
  ratings: number;
  avg_rating: number | null;
  complaints: number;
}

export interface GateFacts {
  gate: 'hours' | 'rating' | 'aht';
  /** The operator's value: productive hours, average rating, AHT seconds (null: none). */
  value: number | null;
  bar: number;
  /** False for the rating gate below min_ratings_for_gate ratings. */
  applied: boolean;
  passed: boolean;
}

export interface OperatorMonthView {
  month: string;
  agent_id: string;
  name: string;
  site: string;
  contract_hours_week: number | null;
  hired_at: string | null;
  working_days: number;
  complaints: number;
  worked_days_source: 'agent_events' | 'handled_calls';
  closed_at: string | null;
  rule: PayRule;
  line: PayLine;
  gates: GateFacts[];
  days: OperatorDay[];
}

/** The bars of the gates of a line under a rule (DESIGN §9). */
export function gateFacts(line: PayLine, rule: PayRule): GateFacts[] {
  return [
    {
      gate: 'hours',
      value: line.productive_hours,
      bar: rule.min_hours_ratio * line.hours_norm,
      applied: true,
      passed: line.gates.hours,
    },
    {
      gate: 'rating',
      value: line.avg_rating,
      bar: rule.min_avg_rating,
      applied: line.ratings > 0 && line.ratings >= rule.min_ratings_for_gate,
      passed: line.gates.rating,
    },
    { gate: 'aht', value: line.aht_s, bar: rule.max_aht_s, applied: line.aht_s !== null, passed: line.gates.aht },
  ];
}

/**
 * @throws InputError for a bad month; returns null when the operator has nothing in the month.
 */
export async function operatorMonthView(
  ctx: PayrollContext,
  month: string,
  agentId: string,
  lang: PayLang = 'en',
): Promise<OperatorMonthView | null> {
  parseMonth(month);
  if (!agentId || agentId.length > 200) throw new InputError('bad operator id');
  const closed = await fetchClosedMonth(ctx.client, month);
  const pay = closed ? frozenPayConfig(closed) : ctx.config.pay;
  const timezone = closed?.timezone ?? ctx.config.timezone;
  const rule = ruleInForce(pay, month);
  const [records, days] = await Promise.all([
    fetchPayrollFacts(ctx.client, { month, timezone, paidPauseReasons: rule.paid_pause_reasons, agents: [agentId] }),
    fetchOperatorDays(ctx.client, { month, timezone, agentId }),
  ]);
  const record = records.find((r) => r.facts.agent_id === agentId);
  let facts: PayFacts | undefined = record && {
    ...record.facts,
    working_days: operatorWorkingDays(month, record.facts.hired_at),
    name: record.name,
    site: record.site,
    complaints: record.complaints,
  };
  let line: PayLine | undefined;
  if (closed) {
    const frozen = (await fetchFrozenLines(ctx.client, closed)).find((l) => l.facts.agent_id === agentId);
    if (frozen) {
      facts = frozen.facts;
      line = frozenPayLines([frozen], lang)[0];
    }
  }
  if (!facts) return null;
  line ??= linesOf(month, [facts], pay, lang)[0];

  const worked = new Map((record?.worked.days ?? []).map((d) => [d.date, d]));
  const calls = new Map(days.map((d) => [d.date, d]));
  const calendarLang = lang;
  return {
    month,
    agent_id: agentId,
    name: facts.name,
    site: facts.site,
    contract_hours_week: facts.contract_hours_week,
    hired_at: facts.hired_at,
    working_days: facts.working_days,
    complaints: facts.complaints,
    worked_days_source: facts.worked_days_source ?? 'agent_events',
    closed_at: closed?.closed_at ?? null,
    rule,
    line,
    gates: gateFacts(line, rule),
    days: datesOfMonth(month).map((date) => {
      const cal = calendarDay(date);
      const w = worked.get(date);
      const c = calls.get(date);
      return {
        date,
        working_day: cal.working,
        day_kind: cal.kind,
        holiday: holidayName(date, calendarLang),
        logged_in_seconds: w?.logged_in_seconds ?? 0,
        paid_pause_seconds: w?.paid_pause_seconds ?? 0,
        unpaid_pause_seconds: w?.unpaid_pause_seconds ?? 0,
        productive_seconds: w?.productive_seconds ?? 0,
        handled: c?.handled ?? 0,
        aht_s: c && c.handled > 0 ? c.handle_seconds / c.handled : null,
        ratings: c?.ratings ?? 0,
        avg_rating: c && c.ratings > 0 ? c.rating_score_sum / c.ratings : null,
        complaints: c?.complaints ?? 0,
      };
    }),
  };
}
