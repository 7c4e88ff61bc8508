/**
 * The calls behind a number (drill-down): a page of visits, their count, and one contact's
 * timeline. The outcome names are those of DESIGN §5.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import type { KpiSettings } from '../config.ts';
import type { KpiFilters } from './kpi.ts';
import { sqlQuery } from './sql-files.ts';

export interface CallsSelection {
  startMs: number;
  endMs: number;
  filters: KpiFilters;
  outcome: string;
  kpi: KpiSettings;
}

export interface VisitRow {
  call_id: string;
  queue: string;
  channel: string;
  language: string;
  site: string;
  agent_id: string;
  entered_ms: number;
  answered_ms: number | null;
  ended_ms: number;
  wait_s: number;
  talk_s: number;
  hold_s: number;
  wrap_s: number;
  transferred: boolean;
  callback: boolean;
  self_service: boolean;
  topic: string;
}

export interface TimelineRow extends Omit<VisitRow, 'call_id' | 'entered_ms'> {
  kind: 'visit' | 'rating';
  at_ms: number;
  score: number;
}

function withWhere(name: string): string {
  const where = sqlQuery('calls-where')
    .split('\n')
    .filter((l) => !l.startsWith('--'))
    .join('\n');
  return sqlQuery(name).replace('__WHERE__', where);
}

function params(s: CallsSelection) {
  const f = s.filters;
  return {
    from: toClickHouseTime(s.startMs),
    to: toClickHouseTime(s.endMs),
    queues: f.queues ?? [],
    languages: f.languages ?? [],
    sites: f.sites ?? [],
    channels: f.channels ?? [],
    agents: f.agents ?? [],
    outcome: s.outcome,
    lost_after_s: s.kpi.lost_after_s,
    short_abandon_s: s.kpi.short_abandon_s,
  };
}

const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function fetchCalls(
  client: ClickHouseClient,
  s: CallsSelection,
  limit: number,
  offset: number,
): Promise<VisitRow[]> {
  const rs = await client.query({
    query: withWhere('calls-list'),
    format: 'JSONEachRow',
    query_params: { ...params(s), limit, offset },
  });
  const raw = await rs.json<VisitRow>();
  return raw.map((r) => ({
    ...r,
    entered_ms: Number(r.entered_ms),
    answered_ms: toNumber(r.answered_ms),
    ended_ms: Number(r.ended_ms),
  }));
}

export async function countCallVisits(client: ClickHouseClient, s: CallsSelection): Promise<number> {
  const rs = await client.query({ query: withWhere('calls-count'), format: 'JSONEachRow', query_params: params(s) });
  const [r] = await rs.json<{ visits: number }>();
  return Number(r?.visits ?? 0);
}

export async function fetchCallTimeline(client: ClickHouseClient, callId: string): Promise<TimelineRow[]> {
  const rs = await client.query({
    query: sqlQuery('calls-timeline'),
    format: 'JSONEachRow',
    query_params: { call_id: callId },
  });
  const raw = await rs.json<TimelineRow>();
  return raw.map((r) => ({
    ...r,
    at_ms: Number(r.at_ms),
    answered_ms: toNumber(r.answered_ms),
    ended_ms: Number(r.ended_ms),
    score: Number(r.score),
  }));
}
