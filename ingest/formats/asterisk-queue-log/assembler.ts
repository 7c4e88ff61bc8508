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
 * `stats().expiredVisits`; their lines were accepted and stored as lines all the same.
 */
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
  /** Events of completed-but-remembered visits first, then of open visits, per key. */
  events: QueueLogEvent[];
}

interface VisitState {
  open: QueueLogEvent[] | null;
  openLastMs: number;
  closed: QueueLogEvent[] | null;
  closedEndMs: number;
}

const NO_RECORDS: readonly ParsedRecord[] = Object.freeze([]);
const SWEEP_EVERY_MS = 5 * 60_000;

function holds(list: QueueLogEvent[] | null, raw: string): boolean {
  if (list === null) return false;
  for (let i = 0; i < list.length; i++) if (list[i].raw === raw) return true;
  return false;
}

export class QueueLogAssembler {
  private readonly visits = new Map<string, VisitState>();
  private readonly dedupeWindowMs: number;
  private readonly pendingTtlMs: number;
  private watermarkMs = -Infinity;
  private nextSweepMs = -Infinity;
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
    if (event.timeMs > this.watermarkMs) {
      this.watermarkMs = event.timeMs;
      if (event.timeMs >= this.nextSweepMs) this.sweep();
    }
    if (MEMBER_VERBS.has(event.verb)) {
      if (this.silent) return NO_RECORDS;
      const rows = agentEventsOf(event, this.opts);
      return rows.length === 0 ? NO_RECORDS : rows.map((row) => ({ kind: 'agent-events', row }));
    }
    if (!VISIT_VERBS.has(event.verb) || event.queue === '' || event.queue === 'NONE') return NO_RECORDS;
    const key = `${event.callId}\u0000${event.queue}`;
    let state = this.visits.get(key);
    if (state === undefined) {
      state = { open: null, openLastMs: 0, closed: null, closedEndMs: 0 };
      this.visits.set(key, state);
    }
    if (holds(state.closed, event.raw) || holds(state.open, event.raw)) return NO_RECORDS;
    if (state.open === null) state.open = [event];
    else state.open.push(event);
    state.openLastMs = Math.max(state.openLastMs, event.timeMs);
    if (!END_VERBS.has(event.verb)) return NO_RECORDS;

    const events = state.open;
    state.closed = events;
    state.closedEndMs = event.timeMs;
    state.open = null;
    if (this.silent) return NO_RECORDS;
    const visit = buildVisit(events, this.opts);
    return visit === null ? NO_RECORDS : [{ kind: 'calls', row: visit }];
  }

  /** Events of the visits still open, in arrival order per visit: persist them, or re-feed them. */
  pending(): QueueLogEvent[] {
    const out: QueueLogEvent[] = [];
    for (const state of this.visits.values()) if (state.open) out.push(...state.open);
    return out;
  }

  /** Everything a restart needs: open visits, recently completed ones (for duplicates), watermark. */
  snapshot(): QueueLogSnapshot {
    const events: QueueLogEvent[] = [];
    for (const state of this.visits.values()) {
      if (state.closed) events.push(...state.closed);
      if (state.open) events.push(...state.open);
    }
    return { watermarkMs: this.watermarkMs, events };
  }

  /** Rebuilds the state of `snapshot()` on a fresh assembler without emitting anything. */
  restore(snapshot: QueueLogSnapshot): void {
    this.silent = true;
    try {
      for (const event of snapshot.events) this.add(event);
    } finally {
      this.silent = false;
    }
    this.watermarkMs = Math.max(this.watermarkMs, snapshot.watermarkMs);
  }

  stats(): { openVisits: number; rememberedVisits: number; expiredVisits: number } {
    let open = 0;
    for (const state of this.visits.values()) if (state.open) open++;
    return { openVisits: open, rememberedVisits: this.visits.size - open, expiredVisits: this.expired };
  }

  private sweep(): void {
    this.nextSweepMs = this.watermarkMs + SWEEP_EVERY_MS;
    const closedBefore = this.watermarkMs - this.dedupeWindowMs;
    const openBefore = this.watermarkMs - this.pendingTtlMs;
    for (const [key, state] of this.visits) {
      if (state.closed && state.closedEndMs < closedBefore) state.closed = null;
      if (state.open && state.openLastMs < openBefore) {
        state.open = null;
        this.expired++;
      }
      if (state.open === null && state.closed === null) this.visits.delete(key);
    }
  }
}
