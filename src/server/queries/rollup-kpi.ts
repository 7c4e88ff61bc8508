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
import { fetchKpis, kpiSqlPair, type KpiRequest, type KpiResult } from './kpi.ts';
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

/** The visit part of kpi.sql read from the rollup `name` (rollup-visits.sql). */
export function rollupVisitsSql(name: keyof typeof ROLLUPS): string {
  const r = ROLLUPS[name];
  return sqlQuery('rollup-visits')
    .replaceAll('__TABLE__', r.table)
    .replaceAll('__TIME__', r.time)
    .replaceAll('__AGENT__', r.agent);
}

/** The same result as fetchKpis (kpi.ts), read from a rollup when one answers exactly. */
export async function fetchKpisFast(
  client: ClickHouseClient,
  req: KpiRequest,
): Promise<KpiResult & { source: RollupName }> {
  const source = chooseRollup(req);
  const result =
    source === 'raw'
      ? await fetchKpis(client, req)
      : await fetchKpis(client, req, kpiSqlPair(req.by, rollupVisitsSql(source)));
  return { ...result, source };
}
