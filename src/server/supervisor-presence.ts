/**
 * Who was logged in and who was on pause in each interval, from agent state events (pure).
 * A session runs from login to logout, the next login or `closeMs` (the end of the day asked
 * for); a pause runs until the operator's next state change and never outlives its session.
 * An operator counts in an interval when a session (or pause) overlaps it.
 */
import type { AgentEventRow } from './queries/supervisor.ts';

export interface Presence {
  loggedIn: number[];
  paused: number[];
}

type Span = [startMs: number, endMs: number];

/** Logged-in and pause spans of one operator's events (sorted by time). */
export function agentSpans(events: AgentEventRow[], closeMs: number): { sessions: Span[]; pauses: Span[] } {
  const sessions: Span[] = [];
  const pauses: Span[] = [];
  let sessionStart: number | null = null;
  let pauseStart: number | null = null;
  const endPause = (at: number) => {
    if (pauseStart !== null && at > pauseStart) pauses.push([pauseStart, at]);
    pauseStart = null;
  };
  for (const e of events) {
    if (e.state === 'login') {
      if (sessionStart !== null) sessions.push([sessionStart, e.at_ms]);
      endPause(e.at_ms);
      sessionStart = e.at_ms;
    } else if (e.state === 'logout') {
      if (sessionStart !== null) sessions.push([sessionStart, e.at_ms]);
      endPause(e.at_ms);
      sessionStart = null;
    } else if (e.state === 'pause') {
      endPause(e.at_ms);
      pauseStart = e.at_ms;
    } else if (e.state === 'unpause') {
      endPause(e.at_ms);
    }
  }
  if (sessionStart !== null) sessions.push([sessionStart, Math.max(sessionStart, closeMs)]);
  endPause(closeMs);
  return { sessions, pauses };
}

/** Counts per interval [starts[i], starts[i] + intervalMs). */
export function presenceByInterval(
  events: AgentEventRow[],
  starts: number[],
  intervalMs: number,
  closeMs: number,
): Presence {
  const loggedIn = starts.map(() => 0);
  const paused = starts.map(() => 0);
  const byAgent = new Map<string, AgentEventRow[]>();
  for (const e of events) {
    const list = byAgent.get(e.agent_id) ?? [];
    list.push(e);
    byAgent.set(e.agent_id, list);
  }
  const mark = (spans: Span[], counts: number[]) => {
    starts.forEach((s, i) => {
      if (spans.some(([a, b]) => a < s + intervalMs && b > s)) counts[i]++;
    });
  };
  for (const list of byAgent.values()) {
    list.sort((a, b) => a.at_ms - b.at_ms);
    const { sessions, pauses } = agentSpans(list, closeMs);
    mark(sessions, loggedIn);
    mark(pauses, paused);
  }
  return { loggedIn, paused };
}
