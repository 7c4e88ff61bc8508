/**
 * Closing a payroll month (a frozen snapshot in ClickHouse) and the what-if of a draft rule set
 * against a month — against its frozen facts and lines when it is closed.
 */
import type { PayConfig } from '../domain/pay/pay-rules.ts';
import { payRunDifference, type PayRunDifference } from '../domain/pay/pay-run.ts';
import type { PayLang } from '../domain/pay/pay-reasons.ts';
import { workedTime } from '../domain/pay/worked-time.ts';
import { fetchAgentEvents, type PayFacts } from './queries/payroll-facts.ts';
import { parseConfig } from './config.ts';
import { InputError } from './input-error.ts';
import {
  frozenPayLines,
  linesOf,
  livePayFacts,
  monthHasEnded,
  PAY_LANGS,
  parseMonth,
  ruleInForce,
  type PayrollContext,
} from './payroll.ts';
import {
  fetchClosedMonth,
  fetchFrozenLines,
  insertClosedMonth,
  type ClosedMonth,
  type FrozenLine,
} from './queries/payroll-snapshot.ts';

/** The closing running in this process, if any: the next one waits for it. */
let closing: Promise<unknown> = Promise.resolve();

/**
 * Freezes the month's pay lines (with the facts, the rule set and the reasons in every language).
 * Closings run one at a time (QA: three clicks at once closed a month three times, each replacing
 * the one before), so the check that the month is open and the close are one step; one process
 * holds the embedded database.
 * @throws InputError when the month is closed already or has not ended at `nowMs`.
 */
export function closePayrollMonth(ctx: PayrollContext, month: string, nowMs?: number): Promise<ClosedMonth> {
  const run = closing.then(() => closeNow(ctx, month, nowMs ?? Date.now()));
  closing = run.catch(() => {});
  return run;
}

async function closeNow(ctx: PayrollContext, month: string, nowMs: number): Promise<ClosedMonth> {
  parseMonth(month);
  const tz = ctx.config.timezone;
  if (!monthHasEnded(month, tz, nowMs)) throw new InputError(`${month} has not ended yet: it cannot be closed`);
  const existing = await fetchClosedMonth(ctx.client, month);
  if (existing)
    throw new InputError(`${month} was closed at ${existing.closed_at}; a closed month is never recomputed`);
  const rule = ruleInForce(ctx.config.pay, month);
  const facts = await livePayFacts(ctx, month);
  // A month with no pay data frozen would stay empty whatever arrives later (QA: one click did it).
  if (facts.length === 0) throw new InputError(`${month} has no pay data: there is nothing to close`);
  const byLang = Object.fromEntries(
    PAY_LANGS.map((lang) => [lang, linesOf(month, facts, ctx.config.pay, lang)]),
  ) as Record<PayLang, ReturnType<typeof linesOf>>;
  const lines: FrozenLine[] = facts.map((f, i) => {
    const { reasons: en, ...line } = byLang.en[i];
    return { facts: f, line, reasons: { en, ru: byLang.ru[i].reasons, kk: byLang.kk[i].reasons } };
  });
  const closed: ClosedMonth = {
    month,
    closed_at: new Date(nowMs).toISOString(),
    timezone: tz,
    pay: { rule, full_time_hours_week: ctx.config.pay.full_time_hours_week },
    operators: lines.length,
    total_tiyn: lines.reduce((s, l) => s + l.line.total_tiyn, 0),
  };
  await insertClosedMonth(ctx.client, closed, lines);
  return closed;
}

/** The `pay` section of a draft config (a JSON file with a `pay` section, validated as a config). */
export function parseDraftPay(value: unknown, source = 'draft rules'): PayConfig {
  if (value === null || typeof value !== 'object' || !('pay' in value)) {
    throw new InputError(`${source}: expected a JSON object with a "pay" section`);
  }
  return parseConfig(value, source).pay;
}

/** Parses the text of a draft rules file. */
export function parseDraftPayText(text: string, source = 'draft rules'): PayConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${source}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  return parseDraftPay(value, source);
}

export interface WhatIfResult extends PayRunDifference {
  /** True when the base is a closed month's frozen lines (and the draft runs on its frozen facts). */
  closed: boolean;
}

/**
 * What-if of a draft rule set: draft − base per operator and in total. The base is the month as
 * closed, or for an open month the config's rules on today's data.
 */
export async function payrollWhatIf(
  ctx: PayrollContext,
  month: string,
  draft: PayConfig,
  lang: PayLang = 'en',
): Promise<WhatIfResult> {
  parseMonth(month);
  const draftReasons = ruleInForce(draft, month).paid_pause_reasons;
  const closed = await fetchClosedMonth(ctx.client, month);
  if (closed) {
    const frozen = await fetchFrozenLines(ctx.client, closed);
    const base = { month, operators: frozenPayLines(frozen, lang) };
    let facts = frozen.map((l) => l.facts);
    if (!samePauseReasons(closed.pay.rule.paid_pause_reasons, draftReasons)) {
      facts = await withProductiveTime(ctx, closed, facts, draftReasons);
    }
    return { ...payRunDifference(base, { month, operators: linesOf(month, facts, draft, lang) }), closed: true };
  }
  const baseFacts = await livePayFacts(ctx, month);
  const sameReasons = samePauseReasons(ruleInForce(ctx.config.pay, month).paid_pause_reasons, draftReasons);
  const draftFacts = sameReasons ? baseFacts : await livePayFacts(ctx, month, draft);
  const base = { month, operators: linesOf(month, baseFacts, ctx.config.pay, lang) };
  return { ...payRunDifference(base, { month, operators: linesOf(month, draftFacts, draft, lang) }), closed: false };
}

function samePauseReasons(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/**
 * A closed month's facts with productive time recomputed for other paid pause reasons: the only
 * fact a rule set changes. It comes from the agent events stored when the month was closed (the
 * snapshot keeps totals only); events stored later are not the closed month's (QA: a session
 * ingested after the close showed as an effect of the draft).
 */
async function withProductiveTime(
  ctx: PayrollContext,
  closed: ClosedMonth,
  facts: PayFacts[],
  paidPauseReasons: readonly string[],
): Promise<PayFacts[]> {
  const { month, timezone } = closed;
  const events = await fetchAgentEvents(ctx.client, {
    month,
    timezone,
    paidPauseReasons,
    agents: facts.map((f) => f.agent_id),
    storedByMs: Date.parse(closed.closed_at),
  });
  return facts.map((f) => {
    if (f.worked_days_source === 'handled_calls') return f;
    const worked = workedTime(events.get(f.agent_id) ?? [], month, { timeZone: timezone, paidPauseReasons });
    return { ...f, productive_seconds: worked.productive_seconds };
  });
}
