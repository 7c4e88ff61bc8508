/**
 * The pay facts of DESIGN §9 from ClickHouse: counts and sums are aggregated in SQL
 * (`sql/queries/payroll-facts.sql`), agent events come grouped per operator in one query
 * (`payroll-agent-events.sql`) and become worked days and productive time in `workedTime`.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { OperatorMonthFacts } from '../../domain/pay/pay-line.ts';
import { workedTime, type AgentStateEvent, type WorkedTime } from '../../domain/pay/worked-time.ts';
import { monthBounds } from '../../domain/calendar/iso-date.ts';
import { localMidnightMs, nextDate } from '../../domain/time/local-dates.ts';
import type { AgentState } from '../../domain/events.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { sqlQuery } from './sql-files.ts';

export interface PayrollFactsRequest {
  month: string;
  timezone: string;
  paidPauseReasons: readonly string[];
  /** Only these operators; all operators of the month when empty or absent. */
  agents?: string[];
}

/** The latest instant a DateTime64(3) holds: "stored by then" means every row. */
const LAST_INSTANT_MS = Date.UTC(2299, 11, 31, 23, 59, 59, 999);

/** One operator's facts with what the HR pages show besides the pay line. */
export interface OperatorMonthRecord {
  facts: OperatorMonthFacts;
  name: string;
  site: string;
  complaints: number;
  handled_dates: string[];
  worked: WorkedTime;
}

/** What a pay line is computed from: the facts, the working days and what HR sees besides. */
export interface PayFacts extends OperatorMonthFacts {
  working_days: number;
  name: string;
  site: string;
  complaints: number;
}

interface FactsRow {
  agent_id: string;
  handled: number;
  handle_ms: number;
  handled_dates: string[];
  ratings: number;
  rating_score_sum: number;
  complaints: number;
  has_events: number;
  name: string | null;
  site: string | null;
  contract_hours_week: number | null;
  hired_at: string | null;
}

interface EventsRow {
  agent_id: string;
  events: [number, string, string][];
}

/** [start, end) instants of a local month. */
export function localMonthRange(month: string, timezone: string): { startMs: number; endMs: number } {
  const [first, last] = monthBounds(month);
  return { startMs: localMidnightMs(first, timezone), endMs: localMidnightMs(nextDate(last), timezone) };
}

/** Agent events per operator for the month and the day before it. */
export async function fetchAgentEvents(
  client: ClickHouseClient,
  req: PayrollFactsRequest & { storedByMs?: number },
): Promise<Map<string, AgentStateEvent[]>> {
  const [first] = monthBounds(req.month);
  const { endMs } = localMonthRange(req.month, req.timezone);
  const rs = await client.query({
    query: sqlQuery('payroll-agent-events'),
    format: 'JSONEachRow',
    query_params: {
      from: toClickHouseTime(localMidnightMs(nextDate(first, -1), req.timezone)),
      to: toClickHouseTime(endMs),
      agents: req.agents ?? [],
      stored_by: toClickHouseTime(req.storedByMs ?? LAST_INSTANT_MS),
    },
  });
  const out = new Map<string, AgentStateEvent[]>();
  for (const row of await rs.json<EventsRow>()) {
    out.set(
      row.agent_id,
      row.events.map(([atMs, state, reason]) => ({ atMs: Number(atMs), state: state as AgentState, reason })),
    );
  }
  return out;
}

async function fetchFactRows(client: ClickHouseClient, req: PayrollFactsRequest): Promise<FactsRow[]> {
  const { startMs, endMs } = localMonthRange(req.month, req.timezone);
  const rs = await client.query({
    query: sqlQuery('payroll-facts'),
    format: 'JSONEachRow',
    query_params: {
      from: toClickHouseTime(startMs),
      to: toClickHouseTime(endMs),
      tz: req.timezone,
      agents: req.agents ?? [],
    },
  });
  return rs.json<FactsRow>();
}

/** A number that may arrive as a string (a ClickHouse server quotes 64-bit integers otherwise). */
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/**
 * Every operator with a handled visit, a rating or an agent event in the month, by agent_id.
 * @example (await fetchPayrollFacts(client, { month: '2026-10', timezone: 'Asia/Almaty', paidPauseReasons: [] }))[0].facts
 */
export async function fetchPayrollFacts(
  client: ClickHouseClient,
  req: PayrollFactsRequest,
): Promise<OperatorMonthRecord[]> {
  const [rows, events] = await Promise.all([fetchFactRows(client, req), fetchAgentEvents(client, req)]);
  return rows.map((r) => {
    const worked = workedTime(events.get(r.agent_id) ?? [], req.month, {
      timeZone: req.timezone,
      paidPauseReasons: req.paidPauseReasons,
      handledCallDates: r.handled_dates,
    });
    const contract = r.contract_hours_week === null ? null : num(r.contract_hours_week);
    const facts: OperatorMonthFacts = {
      agent_id: r.agent_id,
      handled: num(r.handled),
      handle_seconds: num(r.handle_ms) / 1000,
      worked_days: worked.worked_days,
      productive_seconds: worked.productive_seconds,
      ratings: num(r.ratings),
      rating_score_sum: num(r.rating_score_sum),
      // A contract of 0 hours is not a contract: treated as unknown (fte 1) rather than refused.
      contract_hours_week: contract !== null && contract > 0 ? contract : null,
      hired_at: r.hired_at || null,
      worked_days_source: worked.source,
    };
    return {
      facts,
      name: r.name ?? '',
      site: r.site ?? '',
      complaints: num(r.complaints),
      handled_dates: r.handled_dates,
      worked,
    };
  });
}

export interface OperatorDayRow {
  date: string;
  handled: number;
  handle_seconds: number;
  ratings: number;
  rating_score_sum: number;
  complaints: number;
}

/** One operator's handled visits and ratings per local date of the month. */
export async function fetchOperatorDays(
  client: ClickHouseClient,
  req: { month: string; timezone: string; agentId: string },
): Promise<OperatorDayRow[]> {
  const { startMs, endMs } = localMonthRange(req.month, req.timezone);
  const rs = await client.query({
    query: sqlQuery('payroll-operator-days'),
    format: 'JSONEachRow',
    query_params: {
      from: toClickHouseTime(startMs),
      to: toClickHouseTime(endMs),
      tz: req.timezone,
      agent: req.agentId,
    },
  });
  const rows = await rs.json<Record<string, string | number>>();
  return rows.map((r) => ({
    date: String(r.day),
    handled: num(r.handled),
    handle_seconds: num(r.handle_ms) / 1000,
    ratings: num(r.ratings),
    rating_score_sum: num(r.rating_score_sum),
    complaints: num(r.complaints),
  }));
}
