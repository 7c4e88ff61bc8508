import { describe, expect, it } from 'vitest';
import { visit as demoVisit } from '../src/domain/demo/visit.ts';
import type { CallVisit } from '../src/domain/events.ts';
import { emptySummary } from './event-writer.ts';
import { freshVisits, type StoredVisit } from './fresh-visits.ts';

const MIN = 60_000;
/** An unanswered visit of call c1 in queue q entered at minute `from` and ended at minute `to`. */
function visit(from: number, to: number, extra: Partial<CallVisit> = {}): CallVisit {
  const v = demoVisit(
    'c1',
    'q',
    'voice',
    'ru',
    's',
    '',
    from * MIN,
    null,
    to * MIN,
    '',
    0,
    0,
    0,
    false,
    false,
    false,
    '',
  );
  return { ...v, ...extra };
}
const stored = (number: number, from: number, to: number): StoredVisit => ({
  callId: 'c1',
  queue: 'q',
  visit: number,
  enteredAtMs: from * MIN,
  endedAtMs: to * MIN,
});

function sort(visits: CallVisit[], before: StoredVisit[]) {
  const tallies = visits.map(() => emptySummary());
  const out = freshVisits(visits, before, tallies);
  return {
    keep: out.keep,
    renumbered: out.renumbered.map((v) => [v.visit, v.enteredAtMs / MIN]),
    accepted: tallies.map((t) => t.accepted),
  };
}

describe('freshVisits', () => {
  it('takes visits numbered by their input by key alone: stored or repeated in the batch is a duplicate', () => {
    // Visit 0 is stored (minutes 0–5); the batch brings 0 again (other times), 1, and 1 again.
    expect(
      sort([visit(100, 105), visit(10, 12, { visit: 1 }), visit(20, 22, { visit: 1 })], [stored(0, 0, 5)]),
    ).toEqual({
      keep: [false, true, false],
      renumbered: [],
      accepted: [0, 1, 0],
    });
  });

  it('numbers anew a queue_log visit whose number is taken by a visit at other times', () => {
    const late = visit(100, 105, { identifiedBySpan: true });
    // Stored: 0 (minutes 0–5) and 1 (10–12): the re-entry at minute 100 takes the first free number, 2.
    expect(sort([late], [stored(0, 0, 5), stored(1, 10, 12)])).toEqual({
      keep: [false],
      renumbered: [[2, 100]],
      accepted: [1],
    });
  });

  it('takes a queue_log visit that overlaps a stored visit, or equals it, for that visit, whatever its number', () => {
    const batch = [
      visit(11, 12, { identifiedBySpan: true }), // inside stored 1 (10–12), numbered 0
      visit(9, 12, { identifiedBySpan: true, visit: 3 }), // its start estimated otherwise, same end
      visit(0, 5, { identifiedBySpan: true }), // stored 0 itself
      visit(20, 20, { identifiedBySpan: true }), // stored 2, of no length
    ];
    expect(sort(batch, [stored(0, 0, 5), stored(1, 10, 12), stored(2, 20, 20)])).toEqual({
      keep: [false, false, false, false],
      renumbered: [],
      accepted: [0, 0, 0, 0],
    });
  });

  it('keeps a visit of no length entered the instant the previous one ended (a dialplan loop)', () => {
    // QA: ENTERQUEUE at minute 5, EXITEMPTY at once, after a visit that ended at minute 5.
    expect(sort([visit(5, 5, { identifiedBySpan: true })], [stored(0, 0, 5)])).toEqual({
      keep: [false],
      renumbered: [[1, 5]],
      accepted: [1],
    });
  });

  it('keeps a queue_log visit entered the instant the previous one ended, and one with a free number', () => {
    const batch = [
      visit(5, 8, { identifiedBySpan: true, visit: 1 }),
      visit(30, 31, { identifiedBySpan: true, visit: 4 }),
    ];
    expect(sort(batch, [stored(0, 0, 5)])).toEqual({ keep: [true, true], renumbered: [], accepted: [1, 1] });
  });

  it('tells re-entries in one batch apart, and the batch repeating one of them', () => {
    const batch = [
      visit(0, 5, { identifiedBySpan: true }),
      visit(100, 105, { identifiedBySpan: true }), // numbered 0 again by a forgetful assembler
      visit(200, 203, { identifiedBySpan: true }),
      visit(100, 105, { identifiedBySpan: true }), // the second one again
    ];
    expect(sort(batch, [])).toEqual({
      keep: [true, false, false, false],
      renumbered: [
        [1, 100],
        [2, 200],
      ],
      accepted: [1, 1, 1, 0],
    });
  });

  it('keeps other calls and queues apart', () => {
    const batch = [
      visit(0, 5, { identifiedBySpan: true, queue: 'other' }),
      visit(0, 5, { identifiedBySpan: true, callId: 'c2' }),
    ];
    expect(sort(batch, [stored(0, 0, 5)])).toEqual({ keep: [true, true], renumbered: [], accepted: [1, 1] });
  });
});
