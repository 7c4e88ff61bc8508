/**
 * Which visits of a batch are new. A visit's key is (call_id, queue, visit), and most inputs
 * number their visits themselves: a key stored already, or earlier in the batch, is a duplicate.
 *
 * The queue_log assembler numbers the visits of a (call_id, queue) only while it remembers the
 * earlier ones (an hour of event time, or across runs through its checkpoint): a caller back in
 * the same queue later is numbered 0 again. Such visits (`identifiedBySpan`) are told apart by
 * their time: one call is in one queue once at a time, so a visit whose span overlaps a stored
 * visit of its (call_id, queue), or ends at the same instant, is that visit again (a re-sent line,
 * a file read twice), whatever its number; one that overlaps none is another visit, and takes the
 * next free number when its own is taken.
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

interface Visited {
  numbers: Set<number>;
  highest: number;
  spans: [enteredAtMs: number, endedAtMs: number][];
}

const callQueue = (callId: string, queue: string) => `${callId}\u0000${queue}`;

/** The same visit seen twice: the spans share an instant inside both, or the same end. */
function sameVisit([entered, ended]: readonly [number, number], visit: CallVisit): boolean {
  return ended === visit.endedAtMs || (entered < visit.endedAtMs && visit.enteredAtMs < ended);
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
  const known = new Map<string, Visited>();
  const remember = (key: string, number: number, span: [number, number]) => {
    let visited = known.get(key);
    if (!visited) known.set(key, (visited = { numbers: new Set(), highest: -1, spans: [] }));
    visited.numbers.add(number);
    visited.highest = Math.max(visited.highest, number);
    visited.spans.push(span);
  };
  for (const s of stored) remember(callQueue(s.callId, s.queue), s.visit, [s.enteredAtMs, s.endedAtMs]);

  const keep: boolean[] = [];
  const renumbered: CallVisit[] = [];
  for (let i = 0; i < visits.length; i++) {
    const visit = visits[i];
    const key = callQueue(visit.callId, visit.queue);
    const visited = known.get(key);
    let number = visit.visit ?? 0;
    let fresh: boolean;
    if (!visit.identifiedBySpan) fresh = !visited?.numbers.has(number);
    else {
      fresh = !visited?.spans.some((span) => sameVisit(span, visit));
      if (fresh && visited?.numbers.has(number)) {
        number = visited.highest + 1;
        renumbered.push({ ...visit, visit: number });
      }
    }
    keep.push(fresh && number === (visit.visit ?? 0));
    countRow(tallies[i], fresh);
    if (fresh) remember(key, number, [visit.enteredAtMs, visit.endedAtMs]);
  }
  return { keep, renumbered };
}
