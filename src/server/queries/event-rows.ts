/**
 * Domain records ⇄ ClickHouse rows (snake_case, UTC times as 'YYYY-MM-DD hh:mm:ss.sss'). The
 * one place where the event tables' columns are named in TypeScript.
 */
import type { Agent, AgentEvent, CallVisit, EventByKind, EventKind, Rating } from '../../domain/events.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { escapeTsv as e, tsvInstant as t } from './bulk-insert.ts';

export const TABLE_OF_KIND: Record<EventKind, string> = {
  calls: 'call',
  ratings: 'rating',
  'agent-events': 'agent_event',
  agents: 'agent',
};

const T = "DateTime64(3, 'UTC')";

/** The columns each kind writes (besides `source`), with their ClickHouse types. */
export const COLUMNS_OF_KIND: Record<EventKind, { name: string; type: string }[]> = {
  calls: [
    { name: 'call_id', type: 'String' },
    { name: 'queue', type: 'String' },
    { name: 'visit', type: 'UInt16' },
    { name: 'channel', type: 'String' },
    { name: 'language', type: 'String' },
    { name: 'site', type: 'String' },
    { name: 'caller_hash', type: 'String' },
    { name: 'entered_at', type: T },
    { name: 'answered_at', type: `Nullable(${T})` },
    { name: 'ended_at', type: T },
    { name: 'wait_s', type: 'Float64' },
    { name: 'agent_id', type: 'String' },
    { name: 'talk_s', type: 'Float64' },
    { name: 'hold_s', type: 'Float64' },
    { name: 'wrap_s', type: 'Float64' },
    { name: 'transferred', type: 'Bool' },
    { name: 'callback', type: 'Bool' },
    { name: 'self_service', type: 'Bool' },
    { name: 'topic', type: 'String' },
  ],
  ratings: [
    { name: 'call_id', type: 'String' },
    { name: 'score', type: 'UInt8' },
    { name: 'rated_at', type: T },
    { name: 'agent_id', type: 'String' },
  ],
  'agent-events': [
    { name: 'agent_id', type: 'String' },
    { name: 'at', type: T },
    { name: 'state', type: 'String' },
    { name: 'reason', type: 'String' },
  ],
  agents: [
    { name: 'agent_id', type: 'String' },
    { name: 'name', type: 'String' },
    { name: 'site', type: 'String' },
    { name: 'department', type: 'String' },
    { name: 'languages', type: 'Array(String)' },
    { name: 'contract_hours_week', type: 'Nullable(Float64)' },
    { name: 'hired_at', type: 'Nullable(Date)' },
    { name: 'version', type: 'UInt64' },
  ],
};

export interface CallRow {
  call_id: string;
  queue: string;
  visit: number;
  channel: string;
  language: string;
  site: string;
  caller_hash: string;
  entered_at: string;
  answered_at: string | null;
  ended_at: string;
  wait_s: number;
  agent_id: string;
  talk_s: number;
  hold_s: number;
  wrap_s: number;
  transferred: boolean;
  callback: boolean;
  self_service: boolean;
  topic: string;
}

export interface RatingRow {
  call_id: string;
  score: number;
  rated_at: string;
  agent_id: string;
}

export interface AgentEventRow {
  agent_id: string;
  at: string;
  state: string;
  reason: string;
}

export interface AgentRow {
  agent_id: string;
  name: string;
  site: string;
  department: string;
  languages: string[];
  contract_hours_week: number | null;
  hired_at: string | null;
}

export function callRow(c: CallVisit): CallRow {
  return {
    call_id: c.callId,
    queue: c.queue,
    visit: c.visit ?? 0,
    channel: c.channel,
    language: c.language,
    site: c.site,
    caller_hash: c.callerHash,
    entered_at: toClickHouseTime(c.enteredAtMs),
    answered_at: c.answeredAtMs === null ? null : toClickHouseTime(c.answeredAtMs),
    ended_at: toClickHouseTime(c.endedAtMs),
    wait_s: c.waitSeconds,
    agent_id: c.agentId,
    talk_s: c.talkSeconds,
    hold_s: c.holdSeconds,
    wrap_s: c.wrapSeconds,
    transferred: c.transferred,
    callback: c.callback,
    self_service: c.selfService,
    topic: c.topic,
  };
}

export function ratingRow(r: Rating): RatingRow {
  return { call_id: r.callId, score: r.score, rated_at: toClickHouseTime(r.ratedAtMs), agent_id: r.agentId };
}

export function agentEventRow(e: AgentEvent): AgentEventRow {
  return { agent_id: e.agentId, at: toClickHouseTime(e.atMs), state: e.state, reason: e.reason };
}

export function agentRow(a: Agent): AgentRow {
  return {
    agent_id: a.agentId,
    name: a.name,
    site: a.site,
    department: a.department,
    languages: a.languages,
    contract_hours_week: a.contractHoursWeek,
    hired_at: a.hiredAt === '' ? null : a.hiredAt,
  };
}

const b = (v: boolean) => (v ? '1' : '0');

/**
 * One TabSeparated line of a record in COLUMNS_OF_KIND order plus `source` (calls, ratings and
 * agent events; agents go through row objects). Must list the same columns as those rows. Built
 * by one join, not a template: a template of 19 fields makes a string per piece (~1.6 KB of
 * garbage a visit), the join one string.
 */
export function tsvLineOf(kind: Exclude<EventKind, 'agents'>, record: EventByKind[EventKind], source: string): string {
  if (kind === 'calls') {
    const c = record as CallVisit;
    return [
      e(c.callId),
      e(c.queue),
      c.visit ?? 0,
      c.channel,
      e(c.language),
      e(c.site),
      e(c.callerHash),
      t(c.enteredAtMs),
      c.answeredAtMs === null ? '\\N' : t(c.answeredAtMs),
      t(c.endedAtMs),
      c.waitSeconds,
      e(c.agentId),
      c.talkSeconds,
      c.holdSeconds,
      c.wrapSeconds,
      b(c.transferred),
      b(c.callback),
      b(c.selfService),
      e(c.topic),
      e(source),
    ].join('\t');
  }
  if (kind === 'ratings') {
    const r = record as Rating;
    return [e(r.callId), r.score, t(r.ratedAtMs), e(r.agentId), e(source)].join('\t');
  }
  const a = record as AgentEvent;
  return [e(a.agentId), t(a.atMs), a.state, e(a.reason), e(source)].join('\t');
}

type RowOfKind = { calls: CallRow; ratings: RatingRow; 'agent-events': AgentEventRow; agents: AgentRow };

export function rowOf<K extends EventKind>(kind: K, record: EventByKind[K]): RowOfKind[K] {
  switch (kind) {
    case 'calls':
      return callRow(record as CallVisit) as RowOfKind[K];
    case 'ratings':
      return ratingRow(record as Rating) as RowOfKind[K];
    case 'agent-events':
      return agentEventRow(record as AgentEvent) as RowOfKind[K];
    default:
      return agentRow(record as Agent) as RowOfKind[K];
  }
}

/**
 * The idempotency key of a record as a string (DESIGN §4): calls (call_id, queue, visit), ratings
 * (call_id, rated_at), agent events (agent_id, at, state), agents: the whole row (a changed row
 * replaces the stored one; an identical one is a duplicate).
 */
export function keyOf<K extends EventKind>(kind: K, record: EventByKind[K]): string {
  switch (kind) {
    case 'calls': {
      const c = record as CallVisit;
      return `${c.callId}\u0000${c.queue}\u0000${c.visit ?? 0}`;
    }
    case 'ratings': {
      const r = record as Rating;
      return `${r.callId}\u0000${r.ratedAtMs}`;
    }
    case 'agent-events': {
      const e = record as AgentEvent;
      return `${e.agentId}\u0000${e.atMs}\u0000${e.state}`;
    }
    default:
      return JSON.stringify(agentRow(record as Agent));
  }
}
