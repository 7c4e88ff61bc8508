/**
 * Closed payroll months (sql/migrations/0003_payroll.sql): the frozen pay lines of a month, with
 * the facts and the rule set they were computed from.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { PayLine } from '../../domain/pay/pay-line.ts';
import type { PayFacts } from './payroll-facts.ts';
import type { PayLang } from '../../domain/pay/pay-reasons.ts';
import type { PayRule } from '../../domain/pay/pay-rules.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { sqlQuery } from './sql-files.ts';

/** The rule set a month was paid under. */
export interface FrozenPayRule {
  rule: PayRule;
  full_time_hours_week: number;
}

export interface ClosedMonth {
  month: string;
  /** ISO-8601 UTC instant of the closing. */
  closed_at: string;
  timezone: string;
  pay: FrozenPayRule;
  operators: number;
  total_tiyn: number;
}

export interface FrozenLine {
  /** The facts with the operator's working days of the month, name, site and complaints. */
  facts: PayFacts;
  /** The pay line without reasons. */
  line: Omit<PayLine, 'reasons'>;
  reasons: Record<PayLang, string[]>;
}

export async function fetchClosedMonth(client: ClickHouseClient, month: string): Promise<ClosedMonth | null> {
  const rs = await client.query({
    query: sqlQuery('payroll-closed-month'),
    format: 'JSONEachRow',
    query_params: { month },
  });
  const [row] = await rs.json<Record<string, string | number>>();
  if (!row) return null;
  return {
    month: String(row.month),
    closed_at: new Date(Date.parse(String(row.closed_at_iso))).toISOString(), // milliseconds, as closing printed it
    timezone: String(row.timezone),
    pay: JSON.parse(String(row.pay_rule)) as FrozenPayRule,
    operators: Number(row.operators),
    total_tiyn: Number(row.total_tiyn),
  };
}

export async function fetchFrozenLines(client: ClickHouseClient, closed: ClosedMonth): Promise<FrozenLine[]> {
  const rs = await client.query({
    query: sqlQuery('payroll-snapshot-lines'),
    format: 'JSONEachRow',
    query_params: { month: closed.month, closed_at: toClickHouseTime(Date.parse(closed.closed_at)) },
  });
  const rows = await rs.json<{
    facts: string;
    line: string;
    reasons_en: string[];
    reasons_ru: string[];
    reasons_kk: string[];
  }>();
  return rows.map((r) => ({
    facts: JSON.parse(r.facts) as FrozenLine['facts'],
    line: JSON.parse(r.line) as FrozenLine['line'],
    reasons: { en: r.reasons_en, ru: r.reasons_ru, kk: r.reasons_kk },
  }));
}

/**
 * Writes a month's snapshot: the lines first, then the month row that makes them count, so a
 * crash in between leaves the month open (a later closing writes lines with its own closed_at).
 */
export async function insertClosedMonth(
  client: ClickHouseClient,
  closed: ClosedMonth,
  lines: FrozenLine[],
): Promise<void> {
  const closedAt = toClickHouseTime(Date.parse(closed.closed_at));
  if (lines.length > 0) {
    await client.insert({
      table: 'payroll_line',
      format: 'JSONEachRow',
      values: lines.map((l) => ({
        month: closed.month,
        agent_id: l.line.agent_id,
        closed_at: closedAt,
        facts: JSON.stringify(l.facts),
        line: JSON.stringify(l.line),
        reasons_en: l.reasons.en,
        reasons_ru: l.reasons.ru,
        reasons_kk: l.reasons.kk,
        total_tiyn: l.line.total_tiyn,
      })),
    });
  }
  await client.insert({
    table: 'payroll_month',
    format: 'JSONEachRow',
    values: [
      {
        month: closed.month,
        closed_at: closedAt,
        timezone: closed.timezone,
        pay_rule: JSON.stringify(closed.pay),
        operators: closed.operators,
        total_tiyn: closed.total_tiyn,
      },
    ],
  });
}
