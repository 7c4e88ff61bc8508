/**
 * The data of the HR month page (/hr): the month's table with names, totals, the closed state
 * and its differences, and the forms' actions (what-if of a draft, closing the month). Pay data
 * is for the hr and admin roles: every page and endpoint using this lives under /hr or
 * /api/payroll, so one guard on those prefixes can restrict it.
 */
import type { PayLang } from '../domain/pay/pay-reasons.ts';
import type { PayRule } from '../domain/pay/pay-rules.ts';
import { ConfigError } from './config.ts';
import { InputError } from './input-error.ts';
import {
  defaultPayrollMonth,
  frozenPayConfig,
  monthHasEnded,
  parseMonth,
  payrollView,
  ruleInForce,
  type PayrollContext,
  type PayrollResult,
} from './payroll.ts';
import { closePayrollMonth, parseDraftPayText, payrollWhatIf, type WhatIfResult } from './payroll-close.ts';

/** Largest draft rules file the page accepts. */
export const MAX_DRAFT_BYTES = 256 * 1024;

export interface HrMonthPage {
  month: string;
  rows: (PayrollResult['operators'][number] & { name: string; site: string; working_days: number })[];
  totals: { operators: number; guaranteed_tiyn: number; bonus_tiyn: number; total_tiyn: number };
  closed_at: string | null;
  changes: PayrollResult['changes'] | null;
  can_close: boolean;
  ended: boolean;
  rule: PayRule | null;
}

/** The month from a query parameter, or HR's default (the previous month). */
export function hrMonth(ctx: PayrollContext, raw: string | null): string {
  return raw ? parseMonth(raw) : defaultPayrollMonth(ctx.config.timezone);
}

export async function hrMonthPage(
  ctx: PayrollContext,
  month: string,
  lang: PayLang,
  nowMs = Date.now(),
): Promise<HrMonthPage> {
  const view = await payrollView(ctx, month, lang);
  const facts = new Map(view.facts.map((f) => [f.agent_id, f]));
  const rows = view.result.operators.map((l) => {
    const f = facts.get(l.agent_id);
    return { ...l, name: f?.name ?? '', site: f?.site ?? '', working_days: f?.working_days ?? 0 };
  });
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const ended = monthHasEnded(month, view.closed?.timezone ?? ctx.config.timezone, nowMs);
  let rule: PayRule | null = null;
  try {
    rule = ruleInForce(view.closed ? frozenPayConfig(view.closed) : ctx.config.pay, month);
  } catch {
    rule = null;
  }
  return {
    month,
    rows,
    totals: {
      operators: rows.length,
      guaranteed_tiyn: sum((r) => r.guaranteed_tiyn),
      bonus_tiyn: sum((r) => r.bonus_tiyn),
      total_tiyn: sum((r) => r.total_tiyn),
    },
    closed_at: view.closed?.closed_at ?? null,
    changes: view.result.changes ?? null,
    can_close: ended && !view.closed && rows.length > 0, // nothing to close in a month with no pay
    ended,
    rule,
  };
}

/** A message for the user when `err` is bad input, else rethrows. */
export function inputMessage(err: unknown): string {
  if (err instanceof InputError || err instanceof ConfigError) return err.message;
  throw err;
}

/** The what-if form: a draft uploaded as a file or pasted as text. */
export async function hrWhatIf(
  ctx: PayrollContext,
  form: { month: FormDataEntryValue | null; file: FormDataEntryValue | null; text: FormDataEntryValue | null },
  lang: PayLang,
): Promise<WhatIfResult> {
  const month = parseMonth(typeof form.month === 'string' ? form.month : null);
  let text = typeof form.text === 'string' ? form.text : '';
  const file = form.file;
  if (file && typeof file !== 'string' && file.size > 0) {
    if (file.size > MAX_DRAFT_BYTES) throw new InputError(`the draft file is larger than ${MAX_DRAFT_BYTES / 1024} KB`);
    text = await file.text();
  }
  if (!text.trim()) throw new InputError('no draft rules: upload a JSON file or paste its text');
  if (text.length > MAX_DRAFT_BYTES) throw new InputError(`the draft is larger than ${MAX_DRAFT_BYTES / 1024} KB`);
  return payrollWhatIf(ctx, month, parseDraftPayText(text, 'draft'), lang);
}

/** The close-month form. */
export async function hrCloseMonth(ctx: PayrollContext, month: FormDataEntryValue | null): Promise<string> {
  const m = parseMonth(typeof month === 'string' ? month : null);
  await closePayrollMonth(ctx, m);
  return m;
}
