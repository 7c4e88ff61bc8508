/**
 * Queries of the supervisor views beyond the KPI engine: agent events, pause time, the rating
 * distribution and the values the filters offer. Values are bound; no user text reaches SQL.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import type { KpiFilters } from './kpi.ts';
import { sqlQuery } from './sql-files.ts';

export interface AgentEventRow {
  agent_id: string;
  at_ms: number;
  state: string;
  reason: string;
}

export interface PauseRow {
  agent_id: string;
  reason: string;
  pause_s: number;
}

export interface FilterOptions {
  queues: string[];
  languages: string[];
  sites: string[];
  channels: string[];
}

async function rows<T>(client: ClickHouseClient, name: string, params: Record<string, unknown>): Promise<T[]> {
  const rs = await client.query({ query: sqlQuery(name), format: 'JSONEachRow', query_params: params });
  return rs.json<T>();
}

const range = (startMs: number, endMs: number) => ({ from: toClickHouseTime(startMs), to: toClickHouseTime(endMs) });

function filterParams(f: KpiFilters = {}) {
  return {
    queues: f.queues ?? [],
    languages: f.languages ?? [],
    sites: f.sites ?? [],
    channels: f.channels ?? [],
    agents: f.agents ?? [],
  };
}

export async function fetchAgentEvents(
  client: ClickHouseClient,
  startMs: number,
  endMs: number,
): Promise<AgentEventRow[]> {
  const raw = await rows<AgentEventRow>(client, 'supervisor-agent-events', range(startMs, endMs));
  return raw.map((r) => ({ ...r, at_ms: Number(r.at_ms) }));
}

export async function fetchPauses(
  client: ClickHouseClient,
  startMs: number,
  endMs: number,
  agents: string[] = [],
): Promise<PauseRow[]> {
  const raw = await rows<PauseRow>(client, 'supervisor-pauses', { ...range(startMs, endMs), agents });
  return raw.map((r) => ({ ...r, pause_s: Number(r.pause_s) }));
}

/** Ratings of each score 1–5 (zeros included). */
export async function fetchRatingScores(
  client: ClickHouseClient,
  startMs: number,
  endMs: number,
  filters?: KpiFilters,
): Promise<number[]> {
  const raw = await rows<{ score: number; ratings: number }>(client, 'supervisor-rating-scores', {
    ...range(startMs, endMs),
    ...filterParams(filters),
  });
  const counts = [0, 0, 0, 0, 0];
  for (const r of raw) if (r.score >= 1 && r.score <= 5) counts[r.score - 1] = Number(r.ratings);
  return counts;
}

/** The filter lists' values; a site-limited supervisor's (`allowedSites`) only from its sites. */
export async function fetchFilterOptions(
  client: ClickHouseClient,
  endMs: number,
  allowedSites: readonly string[] | null | undefined,
): Promise<FilterOptions> {
  const [r] = await rows<FilterOptions>(client, 'supervisor-filter-options', {
    ...range(endMs, endMs),
    sites: allowedSites ?? [],
  });
  const clean = (values: string[] | undefined) => (values ?? []).filter((v) => v !== '');
  return {
    queues: clean(r?.queues),
    languages: clean(r?.languages),
    sites: clean(r?.sites),
    channels: clean(r?.channels),
  };
}

export async function fetchAgentNames(client: ClickHouseClient): Promise<Map<string, { name: string; site: string }>> {
  const raw = await rows<{ agent_id: string; name: string; site: string }>(client, 'supervisor-agents', {});
  return new Map(raw.map((r) => [r.agent_id, { name: r.name, site: r.site }]));
}
