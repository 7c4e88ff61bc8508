/**
 * The KPIs of `kezek kpi` computed from the rollups of 0004_rollups.sql where they hold the answer:
 * the visit counters come from call_interval (15-minute buckets) or call_agent_hour (operator ×
 * hour), the rating and FCR parts from the facts (or the raw tables) exactly as kpi.sql does. Where a rollup
 * cannot answer exactly (other thresholds than the rollups', per-agent intervals, a time zone
 * whose offset is not a whole number of buckets) the raw query runs instead.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { localDateRange } from '../../domain/time/local-dates.ts';
import type { KpiSettings } from '../config.ts';
import { buildKpiSql, fetchKpis, type KpiRequest, type KpiResult, type KpiSqlPair } from './kpi.ts';
import { sqlQuery } from './sql-files.ts';

/** The thresholds the rollups were built with (0004_rollups.sql). */
export const ROLLUP_THRESHOLDS = { short_abandon_s: 5, lost_after_s: 30, sl_answer_within_s: 20 } as const;

const ROLLUPS = {
  interval: { table: 'call_interval', time: 'interval_start', agent: "''", bucketMinutes: 15 },
  agentHour: { table: 'call_agent_hour', time: 'hour_start', agent: 'agent_id', bucketMinutes: 60 },
} as const;

export type RollupName = keyof typeof ROLLUPS | 'raw';

function offsetMinutes(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(ms);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((local - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

function thresholdsMatch(kpi: KpiSettings): boolean {
  return (
    kpi.short_abandon_s === ROLLUP_THRESHOLDS.short_abandon_s &&
    kpi.lost_after_s === ROLLUP_THRESHOLDS.lost_after_s &&
    kpi.sl_answer_within_s === ROLLUP_THRESHOLDS.sl_answer_within_s
  );
}

/** Which table answers a request exactly. */
export function chooseRollup(req: KpiRequest): RollupName {
  if (!thresholdsMatch(req.kpi)) return 'raw';
  const perAgent = req.by.includes('agent') || (req.filters?.agents?.length ?? 0) > 0;
  const name = perAgent ? 'agentHour' : 'interval';
  if (perAgent && req.by.includes('interval')) return 'raw';
  const { startMs, endMs } = localDateRange(req.from, req.to, req.timezone);
  const aligned = [startMs, endMs].every((ms) => offsetMinutes(ms, req.timezone) % ROLLUPS[name].bucketMinutes === 0);
  return aligned ? name : 'raw';
}

const FIRST_BRANCH = /\n {4}SELECT\n {8}entered_at AS t,[\s\S]*?\n(?=\n {4}UNION ALL\n)/;

/** kpi.sql (or `file`, e.g. kpi-raw) with its visit branch replaced by a read of the rollup `name`. */
export function rollupKpiSql(name: keyof typeof ROLLUPS, file = 'kpi'): string {
  const kpiSql = sqlQuery(file);
  if (!FIRST_BRANCH.test(kpiSql)) throw new Error('kpi.sql changed shape: rollup-kpi.ts cannot find its visit branch');
  const r = ROLLUPS[name];
  const branch = sqlQuery('rollup-visits')
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .replaceAll('__TABLE__', r.table)
    .replaceAll('__TIME__', r.time)
    .replaceAll('__AGENT__', r.agent);
  return kpiSql.replace(FIRST_BRANCH, `\n${branch}`);
}

/** The same result as fetchKpis (kpi.ts), read from a rollup when one answers exactly. */
export async function fetchKpisFast(
  client: ClickHouseClient,
  req: KpiRequest,
): Promise<KpiResult & { source: RollupName }> {
  const source = chooseRollup(req);
  const sql = (name: keyof typeof ROLLUPS): KpiSqlPair => ({
    facts: buildKpiSql(req.by, rollupKpiSql(name)),
    raw: buildKpiSql(req.by, rollupKpiSql(name, 'kpi-raw')),
  });
  const result = source === 'raw' ? await fetchKpis(client, req) : await fetchKpis(client, req, sql(source));
  return { ...result, source };
}
