/**
 * Builds the CallVisit of one (callId, queue) from its events (DESIGN §5, Asterisk queue_log):
 * ENTERQUEUE starts it (data2 = caller id); CONNECT answers it (data1 = wait); an end verb ends
 * it — answered (COMPLETE*, TRANSFER family, the latter transferred) or unanswered (ABANDON,
 * EXITWITHTIMEOUT, EXITWITHKEY, EXITEMPTY, WITHDRAW) — with the wait, and talk, it reports.
 *
 * - Missing ENTERQUEUE: entered = the first of CONNECT/end's time − wait (− talk when that
 *   event is the end of an answered visit).
 * - wait_s is the reported wait: CONNECT's holdtime, else the end's holdtime/waittime; the old
 *   2-field EXITWITHKEY reports none, so it is end − ENTERQUEUE (0 without ENTERQUEUE).
 * - Answered without CONNECT: answered = end − talk.
 * - hold_s is time on hold *during* the talk, which queue_log only has from the CALLERONHOLD /
 *   CALLEROFFHOLD verbs of QueueMetrics tools; Asterisk's own "holdtime" field is the queue
 *   wait and becomes wait_s (counting it in hold_s too would add the wait to AHT). Set
 *   `queueHoldtimeAsHold` to store it as hold_s as well.
 */
import { isUnknownCaller, type CallVisit } from '../../../src/domain/events.ts';
import type { CallerHasher, QueueMap } from '../types.ts';
import { agentIdOf, type AgentIdOptions } from './agent-id.ts';
import { ANSWERED_END_VERBS, END_VERBS, type QueueLogEvent } from './event.ts';
import { connectWaitSeconds, endFigures } from './verb-layouts.ts';

export interface VisitOptions extends AgentIdOptions {
  hashCaller: CallerHasher;
  queues: QueueMap;
  queueHoldtimeAsHold?: boolean;
}

/** The visit's end event (the first end verb in time order), or undefined while it is pending. */
export function visitEnd(events: readonly QueueLogEvent[]): QueueLogEvent | undefined {
  let end: QueueLogEvent | undefined;
  for (const e of events) if (END_VERBS.has(e.verb) && (end === undefined || e.timeMs < end.timeMs)) end = e;
  return end;
}

/** Seconds between CALLERONHOLD and the next CALLEROFFHOLD (or the end), summed. */
function onHoldSeconds(sorted: readonly QueueLogEvent[], endMs: number): number {
  let total = 0;
  let since: number | null = null;
  for (const e of sorted) {
    if (e.verb === 'CALLERONHOLD' && since === null) since = e.timeMs;
    else if (e.verb === 'CALLEROFFHOLD' && since !== null) {
      total += e.timeMs - since;
      since = null;
    }
  }
  if (since !== null) total += Math.max(0, endMs - since);
  return total / 1000;
}

/**
 * The events sorted by time (a stable sort). A visit's lines nearly always arrive in time order:
 * they are then returned as they are, sparing a copy and a sort for every call.
 */
function inTimeOrder(events: readonly QueueLogEvent[]): readonly QueueLogEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i].timeMs < events[i - 1].timeMs) return [...events].sort((a, b) => a.timeMs - b.timeMs);
  }
  return events;
}

/** The CallVisit of a complete visit's events (any order); null when it has no end event. */
export function buildVisit(events: readonly QueueLogEvent[], opts: VisitOptions): CallVisit | null {
  const sorted = inTimeOrder(events);
  const end = visitEnd(sorted);
  if (end === undefined) return null;
  let enter: QueueLogEvent | undefined;
  let connect: QueueLogEvent | undefined;
  for (const e of sorted) {
    if (e.timeMs > end.timeMs) break;
    if (e.verb === 'ENTERQUEUE' && enter === undefined) enter = e;
    else if (e.verb === 'CONNECT' && connect === undefined) connect = e;
  }
  const figures = endFigures(end);
  const answered = ANSWERED_END_VERBS.has(end.verb);
  const talkSeconds = answered ? figures.talkSeconds : 0;
  let waitSeconds: number;
  let enteredAtMs: number;
  let answeredAtMs: number | null = null;
  if (answered) {
    waitSeconds = connect ? connectWaitSeconds(connect) : (figures.waitSeconds ?? 0);
    answeredAtMs = connect ? connect.timeMs : end.timeMs - talkSeconds * 1000;
    enteredAtMs = enter ? enter.timeMs : answeredAtMs - waitSeconds * 1000;
  } else {
    const derived = enter ? (end.timeMs - enter.timeMs) / 1000 : 0;
    waitSeconds = figures.waitSeconds ?? derived;
    enteredAtMs = enter ? enter.timeMs : end.timeMs - waitSeconds * 1000;
  }
  const rawCaller = enter?.data[1] ?? '';
  const place = opts.queues[end.queue];
  return {
    callId: end.callId,
    queue: end.queue,
    channel: 'voice',
    language: place?.language ?? '',
    site: place?.site ?? '',
    callerHash: isUnknownCaller(rawCaller) ? '' : opts.hashCaller(rawCaller),
    enteredAtMs,
    answeredAtMs,
    endedAtMs: end.timeMs,
    waitSeconds,
    agentId: answered ? agentIdOf(connect?.agent ?? end.agent, opts) || agentIdOf(end.agent, opts) : '',
    talkSeconds,
    holdSeconds: opts.queueHoldtimeAsHold && answered ? waitSeconds : onHoldSeconds(sorted, end.timeMs),
    wrapSeconds: 0,
    transferred: figures.transferred,
    callback: false,
    selfService: false,
    topic: '',
  };
}
