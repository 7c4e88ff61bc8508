/**
 * Plain-text output of `kezek payroll`: the month's table with each operator's reasons, and the
 * what-if difference table. Money is shown in tenge with two decimals (JSON keeps tiyn).
 */
import { formatTenge, formatTengeDiff } from '../../domain/pay/money.ts';
import type { PayLine } from '../../domain/pay/pay-line.ts';
import type { PayrollResult } from '../../server/payroll.ts';
import type { WhatIfResult } from '../../server/payroll-close.ts';

export const tenge = formatTenge;
const signed = formatTengeDiff;

function table(header: string[], body: string[][], extra: (i: number) => string[] = () => []): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...body.flatMap((r, i) => [line(r), ...extra(i)])];
}

const fixed = (v: number | null, digits: number) => (v === null ? '—' : v.toFixed(digits));
const gate = (ok: boolean) => (ok ? '✓' : '✗');

function lineCells(l: PayLine): string[] {
  return [
    l.agent_id,
    String(l.worked_days),
    String(l.handled),
    String(l.norm_calls),
    String(l.excess_calls),
    `${fixed(l.productive_hours, 1)}/${fixed(l.hours_norm, 1)}`,
    String(l.ratings),
    fixed(l.avg_rating, 2),
    fixed(l.aht_s, 0),
    `${gate(l.gates.hours)}${gate(l.gates.rating)}${gate(l.gates.aht)}`,
    tenge(l.guaranteed_tiyn),
    tenge(l.bonus_tiyn),
    tenge(l.total_tiyn),
  ];
}

/** The month's table; every operator's reasons are listed under its row. */
export function formatPayrollTable(result: PayrollResult): string {
  const header = [
    'agent',
    'days',
    'handled',
    'norm',
    'excess',
    'prod h/norm h',
    'ratings',
    'avg',
    'AHT s',
    'gates HRA',
    'guaranteed ₸',
    'bonus ₸',
    'total ₸',
  ];
  const ops = result.operators;
  const out = [`payroll ${result.month}${result.closed_at ? ` (closed ${result.closed_at}: frozen figures)` : ''}`];
  if (ops.length === 0) out.push('no operators with calls, ratings or agent events in this month');
  else out.push(...table(header, ops.map(lineCells), (i) => ops[i].reasons.map((r) => `    · ${r}`)));
  const total = ops.reduce((s, l) => s + l.total_tiyn, 0);
  out.push(`total: ${ops.length} operators, ${tenge(total)} ₸`);
  const changes = result.changes;
  if (changes && changes.operators.length > 0) {
    out.push(
      '',
      `later data would change ${changes.operators.length} operators of the closed month (review and carry into the next month):`,
    );
    const body = changes.operators.map((c) => [
      c.agent_id,
      c.closed_total_tiyn === null ? '—' : tenge(c.closed_total_tiyn),
      c.current_total_tiyn === null ? '—' : tenge(c.current_total_tiyn),
      signed(c.total_diff_tiyn),
      c.changed.join(', '),
    ]);
    out.push(...table(['agent', 'closed ₸', 'now ₸', 'difference ₸', 'changed'], body));
    out.push(`total difference: ${signed(changes.total_diff_tiyn)} ₸`);
  } else if (changes) {
    out.push('later data changes nothing in the closed month');
  }
  return `${out.join('\n')}\n`;
}

/** The what-if table: operators whose pay changes, then the totals. */
export function formatWhatIfTable(diff: WhatIfResult): string {
  const changed = diff.operators.filter(
    (o) => o.total_diff_tiyn !== 0 || o.guaranteed_diff_tiyn !== 0 || o.bonus_diff_tiyn !== 0,
  );
  const out = [`what-if ${diff.month}: draft rules against ${diff.closed ? 'the closed month' : 'the current rules'}`];
  if (changed.length === 0) out.push('no operator is paid differently');
  else {
    const body = changed.map((o) => [
      o.agent_id,
      o.base_total_tiyn === null ? '—' : tenge(o.base_total_tiyn),
      o.draft_total_tiyn === null ? '—' : tenge(o.draft_total_tiyn),
      signed(o.guaranteed_diff_tiyn),
      signed(o.bonus_diff_tiyn),
      signed(o.total_diff_tiyn),
    ]);
    out.push(...table(['agent', 'now ₸', 'draft ₸', 'guaranteed ±', 'bonus ±', 'total ±'], body));
  }
  out.push(
    `${changed.length} of ${diff.operators.length} operators paid differently; total ${tenge(diff.base_total_tiyn)} → ${tenge(diff.draft_total_tiyn)} ₸ (${signed(diff.total_diff_tiyn)} ₸)`,
  );
  return `${out.join('\n')}\n`;
}
