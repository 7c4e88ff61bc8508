/**
 * Assembles queue_log events into CallVisits and agent events, across batches, files, log
 * rotation and restarts.
 *
 * Events are grouped by (callId, queue) in arrival order. A visit completes when its end event
 * arrives (DESIGN §5: no end event → not counted yet); it is then built from all its events,
 * sorted by time. After that the key is remembered for `dedupeWindowMs` of event time so that a
 * duplicated line arriving later counts once; a *different* event for that key starts a new
 * visit (the caller re-entered the same queue).
 *
 * State for a restart: `pending()` lists the events of open visits — re-feeding them with
 * `add` before the new input gives exactly the visits of one pass. `snapshot()`/`restore()`
 * also carry the recently completed visits and the event-time watermark, so that duplicates
 * straddling the restart still count once. Open visits idle for `pendingTtlMs` of event time
 * (a call whose end was never logged, e.g. Asterisk crashed) are dropped and counted in
 * `stats().expiredVisits`, and so is an open visit that a later ENTERQUEUE of its (callId, queue)
 * starts over; their lines were accepted and stored as lines all the same.
 */
import { fmix32 } from '../../../src/domain/demo/prng.ts';
import type { ParsedRecord } from '../types.ts';
import { agentEventsOf } from './agent-events.ts';
import { END_VERBS, MEMBER_VERBS, VISIT_VERBS, type QueueLogEvent } from './event.ts';
import { buildVisit, type VisitOptions } from './visit.ts';

export interface QueueLogAssemblerOptions extends VisitOptions {
  /** How long a completed visit's lines are remembered to drop duplicates (event time, default 1 h). */
  dedupeWindowMs?: number;
  /** An open visit with no event for this long (event time) is dropped (default 24 h). */
  pendingTtlMs?: number;
}

export interface QueueLogSnapshot {
  watermarkMs: number;
  /** Events of the open visits, in arrival order per visit. */
  open: QueueLogEvent[];
  /**
   * The recently completed visits, for dropping duplicates: the digests of their lines
   * (`lineDigest`; checkpoints written before digests hold the texts in `raws`).
   */
  completed: {
    callId: string;
    queue: string;
    endMs: number;
    /** The visit's number (CallVisit.visit; absent in checkpoints written before it, and for 0). */
    visit?: number;
    digests?: string[];
    raws?: string[];
  }[];
}

interface VisitState {
  callId: string;
  queue: string;
  /** The state of another queue the same call is in (rare: a call moved between queues), or null. */
  otherQueue: VisitState | null;
  open: QueueLogEvent[] | null;
  openLastMs: number;
  /** The number of the open visit: 0, or one more than the remembered visit's (a re-entry). */
  openVisit: number;
  /**
   * The lines of the completed visits of this key remembered (all of them since the key was last
   * forgotten: a re-sent line of a call's first visit in a queue is a duplicate after its second
   * ended too): their texts until the next snapshot, then their digests (small in memory and
   * checkpoints; most visits are forgotten before a snapshot needs them, so few lines are ever
   * digested).
   */
  closed: string[] | null;
  closedDigested: boolean;
  /** When the last of them ended, and its number. */
  closedEndMs: number;
  closedVisit: number;
}

const NO_RECORDS: readonly ParsedRecord[] = Object.freeze([]);

/**
 * A 64-bit digest of a line as text: two 32-bit FNV-1a lanes (different offsets and primes), each
 * finished with MurmurHash3's fmix32. It tells a repeated line of one visit from a new one; two
 * different lines of a visit share a digest with odds of about 2^-64.
 */
export function lineDigest(raw: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${fmix32(a).toString(36)}.${fmix32(b ^ raw.length).toString(36)}`;
}

function heldAsClosed(state: VisitState, raw: string): boolean {
  const list = state.closed;
  if (list === null) return false;
  const line = state.closedDigested ? lineDigest(raw) : raw;
  for (let i = 0; i < list.length; i++) if (list[i] === line) return true;
  return false;
}

function holdsEvent(list: QueueLogEvent[] | null, raw: string): boolean {
  if (list === null) return false;
  for (let i = 0; i < list.length; i++) if (list[i].raw === raw) return true;
  return false;
}

export class QueueLogAssembler {
  /**
   * The state of each (callId, queue), by callId: the states of one call's queues are chained by
   * `otherQueue` (no key string is built per line).
   */
  private readonly visits = new Map<string, VisitState>();
  /** Completed visits in completion order, to forget them after the dedupe window. */
  private closedQueue: { state: VisitState; endMs: number }[] = [];
  private closedHead = 0;
  private readonly dedupeWindowMs: number;
  private readonly pendingTtlMs: number;
  private watermarkMs = -Infinity;
  private nextOpenSweepMs = -Infinity;
  private expired = 0;
  private silent = false;

  constructor(private readonly opts: QueueLogAssemblerOptions) {
    this.dedupeWindowMs = opts.dedupeWindowMs ?? 3_600_000;
    this.pendingTtlMs = opts.pendingTtlMs ?? 86_400_000;
  }

  /**
   * Takes one accepted event; returns the records it completes: the CallVisit it ends, or the
   * agent events of a member verb. The returned array must not be modified.
   */
  add(event: QueueLogEvent): readonly ParsedRecord[] {
    if (event.timeMs > this.watermarkMs) this.advance(event.timeMs);
    if (MEMBER_VERBS.has(event.verb)) {
      if (this.silent) return NO_RECORDS;
      const rows = agentEventsOf(event, this.opts);
      return rows.length === 0 ? NO_RECORDS : rows.map((row) => ({ kind: 'agent-events', row }));
    }
    if (!VISIT_VERBS.has(event.verb) || event.queue === '' || event.queue === 'NONE') return NO_RECORDS;
    const state = this.stateOf(event.callId, event.queue);
    if (heldAsClosed(state, event.raw) || holdsEvent(state.open, event.raw)) return NO_RECORDS;
    // A line from before the end of the visit remembered last belongs to that visit or an earlier
    // one (a re-sent older file): it cannot start or join a later visit. It is stored as a line.
    if (state.closed !== null && event.timeMs < state.closedEndMs) return NO_RECORDS;
    if (state.open !== null && event.verb === 'ENTERQUEUE' && event.timeMs > state.openLastMs) {
      // A visit starts with its ENTERQUEUE: the open one, every event of which came before this
      // one, never ends (its end was lost, or its lines were a piece of a visit stored already).
      state.open = null;
      this.expired++;
    }
    if (state.open === null) {
      state.open = [event];
      state.openVisit = state.closed === null ? 0 : state.closedVisit + 1;
    } else state.open.push(event);
    if (event.timeMs > state.openLastMs) state.openLastMs = event.timeMs;
    if (!END_VERBS.has(event.verb)) return NO_RECORDS;

    const events = state.open;
    const number = state.openVisit;
    this.close(
      state,
      events.map((e) => e.raw),
      false,
      event.timeMs,
      number,
    );
    if (this.silent) return NO_RECORDS;
    const visit = buildVisit(events, this.opts);
    if (visit === null) return NO_RECORDS;
    if (number > 0) visit.visit = number;
    // The number counts only the visits remembered: a re-entry after they were forgotten is
    // numbered 0 again, and told from the first visit by its time (fresh-visits.ts).
    visit.identifiedBySpan = true;
    return [{ kind: 'calls', row: visit }];
  }

  /** The latest event time taken (epoch ms; -Infinity before the first). */
  get watermark(): number {
    return this.watermarkMs;
  }

  /** Events of the visits still open, in arrival order per visit: persist them, or re-feed them. */
  pending(): QueueLogEvent[] {
    const out: QueueLogEvent[] = [];
    for (const state of this.states()) if (state.open) out.push(...state.open);
    return out;
  }

  /** Everything a restart needs: open visits, recently completed ones (for duplicates), watermark. */
  snapshot(): QueueLogSnapshot {
    const completed: QueueLogSnapshot['completed'] = [];
    for (const state of this.states()) {
      if (state.closed === null) continue;
      if (!state.closedDigested) {
        state.closed = state.closed.map(lineDigest);
        state.closedDigested = true;
      }
      completed.push({
        callId: state.callId,
        queue: state.queue,
        endMs: state.closedEndMs,
        ...(state.closedVisit > 0 ? { visit: state.closedVisit } : {}),
        digests: [...state.closed],
      });
    }
    return { watermarkMs: this.watermarkMs, open: this.pending(), completed };
  }

  /** Rebuilds the state of `snapshot()` on a fresh assembler without emitting anything. */
  restore(snapshot: QueueLogSnapshot): void {
    for (const c of [...snapshot.completed].sort((a, b) => a.endMs - b.endMs)) {
      const lines = c.digests ?? (c.raws ?? []).map(lineDigest);
      this.close(this.stateOf(c.callId, c.queue), lines, true, c.endMs, c.visit ?? 0);
    }
    this.silent = true;
    try {
      for (const event of snapshot.open) this.add(event);
    } finally {
      this.silent = false;
    }
    if (snapshot.watermarkMs > this.watermarkMs) this.advance(snapshot.watermarkMs);
  }

  /** Open and remembered visits, the (callId, queue) keys held for them, and visits expired. */
  stats(): { openVisits: number; rememberedVisits: number; keys: number; expiredVisits: number } {
    let open = 0;
    let closed = 0;
    const states = this.states();
    for (const state of states) {
      if (state.open) open++;
      if (state.closed) closed++;
    }
    return { openVisits: open, rememberedVisits: closed, keys: states.length, expiredVisits: this.expired };
  }

  private stateOf(callId: string, queue: string): VisitState {
    const first = this.visits.get(callId) ?? null;
    for (let state = first; state; state = state.otherQueue) if (state.queue === queue) return state;
    const state: VisitState = {
      callId,
      queue,
      otherQueue: first,
      open: null,
      openLastMs: -Infinity,
      openVisit: 0,
      closed: null,
      closedDigested: false,
      closedEndMs: -Infinity,
      closedVisit: 0,
    };
    this.visits.set(callId, state);
    return state;
  }

  /** Every state (a copy of the list: forget() may run while it is walked). */
  private states(): VisitState[] {
    const out: VisitState[] = [];
    for (const first of this.visits.values()) {
      for (let state: VisitState | null = first; state; state = state.otherQueue) out.push(state);
    }
    return out;
  }

  /** Drops a state from `visits`. */
  private forget(state: VisitState): void {
    const first = this.visits.get(state.callId) ?? null;
    if (first === state) {
      if (state.otherQueue) this.visits.set(state.callId, state.otherQueue);
      else this.visits.delete(state.callId);
      return;
    }
    for (let s = first; s; s = s.otherQueue) {
      if (s.otherQueue === state) {
        s.otherQueue = state.otherQueue;
        return;
      }
    }
  }

  /**
   * A visit of `state` ends: its lines join those of the visits remembered. `lines` are its texts,
   * or (`digested`) their lineDigests.
   */
  private close(state: VisitState, lines: string[], digested: boolean, endMs: number, visit: number): void {
    if (state.closed === null) {
      state.closed = lines;
      state.closedDigested = digested;
    } else if (state.closedDigested || digested) {
      const known = state.closedDigested ? state.closed : state.closed.map(lineDigest);
      state.closed = known.concat(digested ? lines : lines.map(lineDigest));
      state.closedDigested = true;
    } else {
      state.closed = state.closed.concat(lines);
    }
    state.closedEndMs = endMs;
    state.closedVisit = visit;
    state.open = null;
    state.openLastMs = -Infinity;
    this.closedQueue.push({ state, endMs });
  }

  private advance(timeMs: number): void {
    this.watermarkMs = timeMs;
    const forgetBefore = timeMs - this.dedupeWindowMs;
    const queue = this.closedQueue;
    while (this.closedHead < queue.length && queue[this.closedHead].endMs < forgetBefore) {
      const { state, endMs } = queue[this.closedHead++];
      if (state.closedEndMs === endMs) {
        state.closed = null;
        if (state.open === null) this.forget(state);
      }
    }
    if (this.closedHead > 1024 && this.closedHead * 2 > queue.length) {
      this.closedQueue = queue.slice(this.closedHead);
      this.closedHead = 0;
    }
    // Open visits are swept rarely: an hour's worth of a busy queue is a few thousand entries.
    if (timeMs < this.nextOpenSweepMs) return;
    this.nextOpenSweepMs = timeMs + Math.min(this.pendingTtlMs / 4, 3_600_000);
    const openBefore = timeMs - this.pendingTtlMs;
    for (const state of this.states()) {
      if (state.open && state.openLastMs < openBefore) {
        state.open = null;
        this.expired++;
        if (state.closed === null) this.forget(state);
      }
    }
  }
}
