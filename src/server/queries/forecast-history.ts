/**
 * The planning history from ClickHouse: offered calls and handled work per skill and 15-minute
 * local cell (forecast-history.sql), and paused vs logged-in time of the operators
 * (forecast-agent-pauses.sql).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { HistoryCell } from '../../domain/forecast/history.ts';
import type { PatienceInput } from '../../domain/forecast/patience.ts';
import { localDateRange } from '../../domain/time/local-dates.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { sqlQuery } from './sql-files.ts';

/** A row of forecast-history.sql, as ClickHouse names it. */
export interface ForecastHistoryRow {
  local_date: string;
  skill_name: string;
  cell: number;
  offered_n: number;
  answered_n: number;
  handle_s: number;
  patience_wait_s: number;
  patience_abandoned_n: number;
}

export interface PlanningHistory {
  cells: HistoryCell[];
  /** Patience sums per skill over the whole range. */
  patience: Map<string, PatienceInput>;
}

/** History of local dates from..to inclusive. */
export async function fetchForecastHistory(
  client: ClickHouseClient,
  req: { from: string; to: string; timezone: string; shortAbandonSeconds: number },
): Promise<PlanningHistory> {
  const { startMs, endMs } = localDateRange(req.from, req.to, req.timezone);
  const rs = await client.query({
    query: sqlQuery('forecast-history'),
    format: 'JSONEachRow',
    query_params: {
      from: toClickHouseTime(startMs),
      to: toClickHouseTime(endMs),
      tz: req.timezone,
      short_abandon_s: req.shortAbandonSeconds,
    },
  });
  const rows = await rs.json<ForecastHistoryRow>();
  const patience = new Map<string, PatienceInput>();
  const cells = rows.map((r): HistoryCell => {
    const p = patience.get(r.skill_name) ?? { waitSeconds: 0, abandoned: 0 };
    p.waitSeconds += Number(r.patience_wait_s);
    p.abandoned += Number(r.patience_abandoned_n);
    patience.set(r.skill_name, p);
    return {
      date: r.local_date,
      skill: r.skill_name,
      slot: Number(r.cell),
      offered: Number(r.offered_n),
      answered: Number(r.answered_n),
      handleSeconds: Number(r.handle_s),
    };
  });
  return { cells, patience };
}

/**
 * Paused and logged-in seconds of all operators over local dates from..to inclusive, and the
 * paused seconds whose reason is one of `planned`.
 */
export async function fetchAgentPauses(
  client: ClickHouseClient,
  req: { from: string; to: string; timezone: string; planned?: readonly string[] },
): Promise<{ pausedSeconds: number; loggedInSeconds: number; plannedPausedSeconds: number }> {
  const { startMs, endMs } = localDateRange(req.from, req.to, req.timezone);
  const rs = await client.query({
    query: sqlQuery('forecast-agent-pauses'),
    format: 'JSONEachRow',
    query_params: {
      from: toClickHouseTime(startMs),
      to: toClickHouseTime(endMs),
      tz: req.timezone,
      planned: req.planned ?? [],
    },
  });
  const [row] = await rs.json<{
    paused_s: number | null;
    logged_in_s: number | null;
    planned_paused_s: number | null;
  }>();
  return {
    pausedSeconds: Number(row?.paused_s ?? 0),
    loggedInSeconds: Number(row?.logged_in_s ?? 0),
    plannedPausedSeconds: Number(row?.planned_paused_s ?? 0),
  };
}
