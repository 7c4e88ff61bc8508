/**
 * The roster of a week as last solved (migration 0012): `kezek roster` stores it, `kezek training`
 * reads the training calendar of that roster rather than solving the week again.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import type { RosterJson, TrainingJson } from '../roster-json.ts';

export interface StoredRosterWeek {
  week: string;
  /** ISO instant. */
  saved_at: string;
  roster: RosterJson;
  training: TrainingJson;
}

export async function saveRosterWeek(
  client: ClickHouseClient,
  week: string,
  json: { roster: RosterJson; training: TrainingJson },
  nowMs = Date.now(),
): Promise<void> {
  await client.insert({
    table: 'roster_week',
    format: 'JSONEachRow',
    values: [
      {
        week,
        saved_at: toClickHouseTime(nowMs),
        roster: JSON.stringify(json.roster),
        training: JSON.stringify(json.training),
      },
    ],
  });
}

/** The week's roster as last stored, or null. */
export async function fetchRosterWeek(client: ClickHouseClient, week: string): Promise<StoredRosterWeek | null> {
  const rs = await client.query({
    query: `SELECT week, toUnixTimestamp64Milli(saved_at) AS saved_ms, roster, training
            FROM roster_week FINAL WHERE week = {week:String}`,
    query_params: { week },
    format: 'JSONEachRow',
  });
  const [row] = await rs.json<{ week: string; saved_ms: string | number; roster: string; training: string }>();
  if (!row) return null;
  return {
    week: row.week,
    saved_at: new Date(Number(row.saved_ms)).toISOString(),
    roster: JSON.parse(row.roster) as RosterJson,
    training: JSON.parse(row.training) as TrainingJson,
  };
}
