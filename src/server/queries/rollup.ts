/**
 * Keeping the rollups of 0004_rollups.sql honest: compare them per day with a recomputation from
 * `call` FINAL, and rebuild the months where they differ (e.g. after a duplicate visit slipped
 * past the ingest pipeline's dedupe, which ReplacingMergeTree collapses in `call` but a
 * SummingMergeTree rollup would keep). Integer counters must be equal; sums of seconds may differ
 * only by floating-point rounding of the order of addition (relative 1e-9).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { sqlQuery } from './sql-files.ts';

export const ROLLUP_TABLES = {
  call_interval: {
    time: 'interval_start',
    bucket: 'toStartOfFifteenMinutes(entered_at)',
    keys: 'queue, language, site, channel',
  },
  call_agent_hour: {
    time: 'hour_start',
    bucket: 'toStartOfHour(entered_at)',
    keys: 'agent_id, queue, language, site, channel',
  },
} as const;
export type RollupTable = keyof typeof ROLLUP_TABLES;

type DayCounters = Record<string, number> & { day: string };

export interface RollupDisagreement {
  table: RollupTable;
  day: string;
  field: string;
  rollup: number;
  raw: number;
}

async function days(
  client: ClickHouseClient,
  query: string,
  startMs: number,
  endMs: number,
): Promise<Map<string, DayCounters>> {
  const rs = await client.query({
    query,
    format: 'JSONEachRow',
    query_params: { from: toClickHouseTime(startMs), to: toClickHouseTime(endMs) },
  });
  const rows = await rs.json<DayCounters>();
  return new Map(rows.map((r) => [r.day, r]));
}

const tableSql = (name: string, table: RollupTable) =>
  sqlQuery(name).replaceAll('__TABLE__', table).replaceAll('__TIME__', ROLLUP_TABLES[table].time);

function same(field: string, a: number, b: number): boolean {
  return field.endsWith('_s') ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;
}

/** Every (table, UTC day, counter) where a rollup differs from `call` FINAL in [startMs, endMs). */
export async function rollupDisagreements(
  client: ClickHouseClient,
  startMs: number,
  endMs: number,
): Promise<RollupDisagreement[]> {
  const raw = await days(client, sqlQuery('rollup-raw-days'), startMs, endMs);
  const out: RollupDisagreement[] = [];
  for (const table of Object.keys(ROLLUP_TABLES) as RollupTable[]) {
    const rolled = await days(client, tableSql('rollup-days', table), startMs, endMs);
    for (const day of new Set([...raw.keys(), ...rolled.keys()])) {
      const r = raw.get(day);
      const o = rolled.get(day);
      for (const field of Object.keys(r ?? o ?? {}).filter((f) => f !== 'day')) {
        const a = Number(o?.[field] ?? 0);
        const b = Number(r?.[field] ?? 0);
        if (!same(field, a, b)) out.push({ table, day, field: field.slice(2), rollup: a, raw: b });
      }
    }
  }
  return out;
}

/**
 * Rebuilds the rollups of the months (YYYYMM) given from `call` FINAL: drops each month's
 * partition and inserts it again. Run it while nothing is ingested into those months.
 */
export async function rebuildRollupMonths(client: ClickHouseClient, months: number[]): Promise<void> {
  for (const month of months) {
    for (const [table, r] of Object.entries(ROLLUP_TABLES)) {
      await client.command({ query: `ALTER TABLE ${table} DROP PARTITION {month:UInt32}`, query_params: { month } });
      await client.command({
        query: `INSERT INTO ${table} SELECT ${r.time}, ${r.keys},
            sum(f_self_service), sum(f_callback), sum(f_offered), sum(f_answered), sum(f_short_abandoned), sum(f_lost),
            sum(f_within_sl), sum(f_transferred), sum(f_wait_answered_s), sum(f_wait_offered_s), sum(f_handle_answered_s)
          FROM (${sqlQuery('rollup-flags').replaceAll('__BUCKET__', `${r.bucket} AS ${r.time}, ${r.keys}`)}
                WHERE toYYYYMM(entered_at) = {month:UInt32})
          GROUP BY ${r.time}, ${r.keys}`,
        query_params: { month },
      });
    }
  }
}
