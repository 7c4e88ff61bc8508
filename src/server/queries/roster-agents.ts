/** Operators and their ratings for the roster (roster-agents.sql, roster-coaching.sql). */
import type { ClickHouseClient } from '@clickhouse/client';
import type { Operator } from '../../domain/roster/types.ts';
import { localDateRange } from '../../domain/time/local-dates.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { sqlQuery } from './sql-files.ts';

export interface RosterAgentRow {
  agent_id: string;
  name: string;
  site: string;
  department: string;
  languages: string[];
  contract_hours_week: number;
}

export async function fetchRosterAgents(
  client: ClickHouseClient,
  req: { until: string; defaultHours: number },
): Promise<Operator[]> {
  const rs = await client.query({
    query: sqlQuery('roster-agents'),
    format: 'JSONEachRow',
    query_params: { until: req.until, default_hours: req.defaultHours },
  });
  const rows = await rs.json<RosterAgentRow>();
  return rows.map((r) => ({ ...r, contract_hours_week: Number(r.contract_hours_week) }));
}

export interface AgentRatingRow {
  agent: string;
  complaints: number;
  ratings_n: number;
  avg_score: number;
}

export async function fetchAgentRatings(
  client: ClickHouseClient,
  req: { from: string; to: string; timezone: string; complaintMaxScore: number },
): Promise<AgentRatingRow[]> {
  const { startMs, endMs } = localDateRange(req.from, req.to, req.timezone);
  const rs = await client.query({
    query: sqlQuery('roster-coaching'),
    format: 'JSONEachRow',
    query_params: {
      from: toClickHouseTime(startMs),
      to: toClickHouseTime(endMs),
      complaint_max: req.complaintMaxScore,
    },
  });
  const rows = await rs.json<AgentRatingRow>();
  return rows.map((r) => ({
    agent: r.agent,
    complaints: Number(r.complaints),
    ratings_n: Number(r.ratings_n),
    avg_score: Number(r.avg_score),
  }));
}
