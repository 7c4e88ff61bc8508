/**
 * Which visits of a batch are new. A visit's key is (call_id, queue, visit), and most inputs
 * number their visits themselves: a key stored already, or earlier in the batch, is a duplicate.
 *
 * The queue_log assembler numbers the visits of a (call_id, queue) only while it remembers the
 * earlier ones (an hour of event time, or across runs through its checkpoint): a caller back in
 * the same queue later is numbered 0 again. Such visits (`identifiedBySpan`) are told apart by
 * their time: one call is in one queue once at a time, so a visit whose span overlaps a stored
 * visit of its (call_id, queue), or equals it, is that visit again (a re-sent line,
 * a file read twice), whatever its number; one that overlaps none is another visit, and takes the
 * first free number when its own is taken.
 */
import type { CallVisit } from '../src/domain/events.ts';
import type { IngestSummary } from './event-writer.ts';
import { countRow } from './row-store.ts';

/** A visit stored already: its key and its span. */
export interface StoredVisit {
  callId: string;
  queue: string;
  visit: number;
  enteredAtMs: number;
  endedAtMs: number;
}

export interface FreshVisits {
  /** In batch order: the visit is new and goes in as it is. */
  keep: boolean[];
  /** New visits whose number was taken: copies with the next free number, to insert as well. */
  renumbered: CallVisit[];
}

const callQueue = (callId: string, queue: string) => `${callId}\u0000${queue}`;

/**
 * The same visit seen twice: the spans share an instant inside both, or are equal (a visit of no
 * length). A visit entered the instant the previous one ended (a dialplan loop) is another.
 */
function overlapsAny(spans: readonly number[] | undefined, visit: CallVisit): boolean {
  if (!spans) return false;
  for (let i = 0; i < spans.length; i += 2) {
    const entered = spans[i];
    const ended = spans[i + 1];
    if (entered < visit.endedAtMs && visit.enteredAtMs < ended) return true;
    if (entered === visit.enteredAtMs && ended === visit.endedAtMs) return true;
  }
  return false;
}

/**
 * Sorts the batch's `visits` against those `stored` (of the same calls, at least) and each other:
 * each is counted into its tally (`tallies`, in batch order) as accepted or as a duplicate.
 */
export function freshVisits(
  visits: readonly CallVisit[],
  stored: readonly StoredVisit[],
  tallies: readonly IngestSummary[],
): FreshVisits {
  /** The keys taken, as `${callQueue}\0${visit}`. */
  const taken = new Set<string>();
  /** Entered and ended of the visits known, by callQueue: only when some visit is identified by it. */
  const spans = visits.some((v) => v.identifiedBySpan) ? new Map<string, number[]>() : null;
  const remember = (key: string, number: number, enteredAtMs: number, endedAtMs: number) => {
    taken.add(`${key}\u0000${number}`);
    if (!spans) return;
    const list = spans.get(key);
    if (list) list.push(enteredAtMs, endedAtMs);
    else spans.set(key, [enteredAtMs, endedAtMs]);
  };
  for (const s of stored) remember(callQueue(s.callId, s.queue), s.visit, s.enteredAtMs, s.endedAtMs);

  const keep: boolean[] = [];
  const renumbered: CallVisit[] = [];
  for (let i = 0; i < visits.length; i++) {
    const visit = visits[i];
    const key = callQueue(visit.callId, visit.queue);
    const own = visit.visit ?? 0;
    let number = own;
    let fresh: boolean;
    if (!spans || !visit.identifiedBySpan) fresh = !taken.has(`${key}\u0000${number}`);
    else {
      fresh = !overlapsAny(spans.get(key), visit);
      if (fresh && taken.has(`${key}\u0000${number}`)) {
        number = 0;
        while (taken.has(`${key}\u0000${number}`)) number++;
        renumbered.push({ ...visit, visit: number });
      }
    }
    keep.push(fresh && number === own);
    countRow(tallies[i], fresh);
    if (fresh) remember(key, number, visit.enteredAtMs, visit.endedAtMs);
  }
  return { keep, renumbered };
}
