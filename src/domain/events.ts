/**
 * The event model of kezek (DESIGN §4), as plain data. Parsers of every input format produce
 * these records; the ingest pipeline validates them, hashes callers and stores them.
 *
 * Times are epoch milliseconds (UTC instants); durations are seconds (may be fractional).
 */

export const CHANNELS = ['voice', 'chat', 'telegram', 'email', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENT_KINDS = ['calls', 'ratings', 'agent-events', 'agents'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const AGENT_STATES = ['login', 'logout', 'pause', 'unpause'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** One queue visit of one contact (`call_id`). Key: (call_id, queue). */
export interface CallVisit {
  callId: string;
  queue: string;
  /**
   * The visit's number among the visits of its (call_id, queue), part of the key: 0 (or absent)
   * the first, 1 a re-entry of the same queue by the same call, and so on.
   */
  visit?: number;
  /**
   * The number counts only the visits its assembler still remembered (Asterisk queue_log): the
   * visit is told from the others of its (call_id, queue) by its time span (ingest/fresh-visits.ts).
   */
  identifiedBySpan?: boolean;
  channel: Channel;
  language: string;
  site: string;
  /** Salted hash of the caller, or '' when the caller is unknown (DESIGN §5). */
  callerHash: string;
  enteredAtMs: number;
  answeredAtMs: number | null;
  endedAtMs: number;
  /**
   * Seconds waited: answered − entered when answered, ended − entered otherwise; for Asterisk
   * queue_log the wait the event reports.
   */
  waitSeconds: number;
  agentId: string;
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  transferred: boolean;
  callback: boolean;
  selfService: boolean;
  topic: string;
}

/** A caller's rating of a call. Key: (call_id, rated_at). */
export interface Rating {
  callId: string;
  score: number; // integer 1–5
  ratedAtMs: number;
  /** '' when not given: the rating then belongs to the call's last answered visit's agent. */
  agentId: string;
}

/** An agent state change. Key: (agent_id, at, state). */
export interface AgentEvent {
  agentId: string;
  atMs: number;
  state: AgentState;
  reason: string;
}

/** An operator. A later row for the same agent replaces it. */
export interface Agent {
  agentId: string;
  name: string;
  site: string;
  department: string;
  languages: string[];
  contractHoursWeek: number | null;
  /** Local date YYYY-MM-DD, or '' when unknown. */
  hiredAt: string;
}

export interface EventByKind {
  calls: CallVisit;
  ratings: Rating;
  'agent-events': AgentEvent;
  agents: Agent;
}

/**
 * A caller is unknown when, trimmed, it is empty or one of these words, ignoring case (DESIGN §5).
 */
const UNKNOWN_CALLERS = new Set(['', 'anonymous', 'unknown', 'restricted', 'private', 'none']);

export function isUnknownCaller(caller: string): boolean {
  return UNKNOWN_CALLERS.has(caller.trim().toLowerCase());
}

/** wait_s of a visit as DESIGN §5 defines it, from its timestamps. */
export function visitWaitSeconds(enteredAtMs: number, answeredAtMs: number | null, endedAtMs: number): number {
  return ((answeredAtMs ?? endedAtMs) - enteredAtMs) / 1000;
}
