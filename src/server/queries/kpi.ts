/**
 * `kezek kpi` and GET /api/kpi: the KPIs of DESIGN §5 computed in ClickHouse.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { emptyCounters, kpiRow, type KpiCounters, type KpiRow } from '../../domain/kpi/kpi-row.ts';
import { localDateRange } from '../../domain/time/local-dates.ts';
import type { KpiSettings } from '../config.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { FCR_HORIZON_S } from './contact-facts.ts';
import { sqlQuery } from './sql-files.ts';

/** `--by` names and their SQL over the unified columns (t, queue, language, site, agent, channel). */
const GROUP_EXPRESSIONS = {
  day: "formatDateTime(t, '%Y-%m-%d', {tz:String})",
  hour: "formatDateTime(t, '%Y-%m-%dT%H:00', {tz:String})",
  interval: "formatDateTime(toStartOfFifteenMinutes(toTimeZone(t, {tz:String})), '%Y-%m-%dT%H:%i', {tz:String})",
  queue: 'queue',
  language: 'language',
  site: 'site',
  agent: 'agent',
  channel: 'channel',
} as const;

export type KpiGroup = keyof typeof GROUP_EXPRESSIONS;
export const KPI_GROUPS = Object.keys(GROUP_EXPRESSIONS) as KpiGroup[];

export interface KpiFilters {
  queues?: string[];
  languages?: string[];
  sites?: string[];
  channels?: string[];
  agents?: string[];
}

export interface KpiRequest {
  from: string;
  to: string;
  by: KpiGroup[];
  filters?: KpiFilters;
  timezone: string;
  kpi: KpiSettings;
}

export interface KpiResult {
  from: string;
  to: string;
  timezone: string;
  rows: KpiRow[];
}

export function isKpiGroup(name: string): name is KpiGroup {
  return Object.hasOwn(GROUP_EXPRESSIONS, name);
}

/** The three parts of kpi.sql: each a SELECT over the unified columns (kpi-visits.sql …). */
export interface KpiSqlParts {
  visits: string;
  ratings: string;
  fcr: string;
}

/** Parts read from the facts (rating_fact, contact_fact), and from the raw tables only. */
export const FACT_PARTS = { visits: 'kpi-visits', ratings: 'kpi-ratings', fcr: 'kpi-fcr' } as const;
export const RAW_PARTS = { visits: 'kpi-visits', ratings: 'kpi-ratings-raw', fcr: 'kpi-fcr-raw' } as const;

/** The SQL texts of named parts; `visits` may be replaced by a rollup's (rollup-kpi.ts). */
export function kpiParts(names: Record<keyof KpiSqlParts, string>, visits?: string): KpiSqlParts {
  return { visits: visits ?? sqlQuery(names.visits), ratings: sqlQuery(names.ratings), fcr: sqlQuery(names.fcr) };
}

/** kpi.sql with its parts in place, grouped by `by` (the raw FCR part brings its CTEs). */
export function buildKpiSql(by: KpiGroup[], parts: KpiSqlParts = kpiParts(FACT_PARTS)): string {
  const select = by.map((g, i) => `${GROUP_EXPRESSIONS[g]} AS g${i},`).join('\n    ');
  const groupBy = by.length
    ? `GROUP BY ${by.map((_, i) => `g${i}`).join(', ')} ORDER BY ${by.map((_, i) => `g${i}`).join(', ')}`
    : '';
  const ctes = /\bFROM contacts\b/.test(parts.fcr) ? `${sqlQuery('kpi-contacts')}\n` : '';
  const sql = sqlQuery('kpi')
    .replace('__VISITS__', parts.visits)
    .replace('__RATINGS__', parts.ratings)
    .replace('__FCR__', parts.fcr)
    .replace('__GROUP__', select)
    .replace('__GROUP_BY__', groupBy);
  return `${ctes}${sql}`;
}

/** The KPI SQL variants of one request: from the facts, and from the raw tables. */
export interface KpiSqlPair {
  facts: string;
  raw: string;
}

export function kpiSqlPair(by: KpiGroup[], visits?: string): KpiSqlPair {
  return { facts: buildKpiSql(by, kpiParts(FACT_PARTS, visits)), raw: buildKpiSql(by, kpiParts(RAW_PARTS, visits)) };
}

/**
 * KPIs of `req`. The facts answer unless some contact's FCR window reaches past the facts'
 * horizon (kpi-fcr-check.sql: a window longer than ~8 days, or a contact lasting days); then the
 * raw tables do. Both give the same numbers wherever the facts can answer.
 */
export async function fetchKpis(
  client: ClickHouseClient,
  req: KpiRequest,
  sql: KpiSqlPair = kpiSqlPair(req.by),
): Promise<KpiResult> {
  const params = kpiParams(req);
  const [raw, check] = await Promise.all([
    runKpiSql(client, sql.facts, params),
    runKpiSql(client, sqlQuery('kpi-fcr-check'), params),
  ]);
  const rows = Number(check[0]?.undecided ?? 0) > 0 ? await runKpiSql(client, sql.raw, params) : raw;
  return kpiResult(req, rows);
}

function kpiParams(req: KpiRequest): Record<string, unknown> {
  const { startMs, endMs } = localDateRange(req.from, req.to, req.timezone);
  const f = req.filters ?? {};
  return {
    from: toClickHouseTime(startMs),
    to: toClickHouseTime(endMs),
    tz: req.timezone,
    short_abandon_s: req.kpi.short_abandon_s,
    lost_after_s: req.kpi.lost_after_s,
    sl_answer_within_s: req.kpi.sl_answer_within_s,
    fcr_window_s: Math.round(req.kpi.fcr_window_h * 3600),
    queues: f.queues ?? [],
    languages: f.languages ?? [],
    sites: f.sites ?? [],
    channels: f.channels ?? [],
    agents: f.agents ?? [],
    horizon_s: FCR_HORIZON_S,
  };
}

async function runKpiSql(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
): Promise<Record<string, string | number>[]> {
  const rs = await client.query({ query, format: 'JSONEachRow', query_params: params });
  return rs.json<Record<string, string | number>>();
}

function kpiResult(req: KpiRequest, raw: Record<string, string | number>[]): KpiResult {
  const rows = raw.map((r) => {
    const group: Record<string, string> = {};
    req.by.forEach((g, i) => (group[g] = String(r[`g${i}`] ?? '')));
    const counters = emptyCounters();
    for (const key of Object.keys(counters) as (keyof KpiCounters)[]) {
      if (key === 'fcr_provisional') counters.fcr_provisional = Number(r[key]) > 0;
      else counters[key] = Number(r[key]);
    }
    return kpiRow(group, counters);
  });
  // With no --by there is always exactly one row, even over no data.
  if (req.by.length === 0 && rows.length === 0) rows.push(kpiRow({}, emptyCounters()));
  return { from: req.from, to: req.to, timezone: req.timezone, rows };
}
