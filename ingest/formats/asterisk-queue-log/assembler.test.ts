import { describe, expect, it } from 'vitest';
import type { CallVisit } from '../../../src/domain/events.ts';
import type { ParsedRecord } from '../types.ts';
import { lineDigest, QueueLogAssembler, type QueueLogAssemblerOptions } from './assembler.ts';
import type { QueueLogEvent } from './event.ts';
import { parseQueueLogLine } from './parse-line.ts';

const NOW = Date.UTC(2024, 2, 2);
const T = 1709287200; // 2024-03-01T10:00:00Z
const OPTS: QueueLogAssemblerOptions = {
  hashCaller: (c) => `h(${c})`,
  queues: { support: { language: 'kk', site: 'Astana' } },
};

function events(text: string): QueueLogEvent[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const r = parseQueueLogLine(line.trim(), { nowMs: NOW });
      if (!r.ok || !r.event) throw new Error(`bad test line ${line}`);
      return r.event;
    });
}
const run = (a: QueueLogAssembler, evs: QueueLogEvent[]): ParsedRecord[] => evs.flatMap((e) => [...a.add(e)]);
const visits = (records: ParsedRecord[]): CallVisit[] =>
  records.filter((r) => r.kind === 'calls').map((r) => r.row as CallVisit);

const ANSWERED = `
  ${T}|1709287200.1|support|NONE|ENTERQUEUE||87011234567|1
  ${T + 2}|1709287200.1|support|PJSIP/1001|RINGNOANSWER|2000
  ${T + 12}|1709287200.1|support|PJSIP/1002|CONNECT|12|1709287212.5|3
  ${T + 107}|1709287200.1|support|PJSIP/1002|COMPLETECALLER|12|95|1`;

describe('QueueLogAssembler: visits (DESIGN §5)', () => {
  it('builds an answered visit: ENTERQUEUE → CONNECT → COMPLETECALLER', () => {
    expect(visits(run(new QueueLogAssembler(OPTS), events(ANSWERED)))).toEqual([
      {
        callId: '1709287200.1',
        queue: 'support',
        channel: 'voice',
        language: 'kk',
        site: 'Astana',
        callerHash: 'h(87011234567)',
        enteredAtMs: T * 1000,
        answeredAtMs: (T + 12) * 1000,
        endedAtMs: (T + 107) * 1000,
        waitSeconds: 12,
        agentId: '1002',
        talkSeconds: 95,
        holdSeconds: 0,
        wrapSeconds: 0,
        transferred: false,
        callback: false,
        selfService: false,
        topic: '',
        // Its number counts the visits remembered only: the writer tells visits by their spans.
        identifiedBySpan: true,
      },
    ]);
  });

  it('ends unanswered visits with the wait each verb reports', () => {
    const a = new QueueLogAssembler(OPTS);
    const out = visits(
      run(
        a,
        events(`
      ${T}|c1|support|NONE|ENTERQUEUE||anonymous|1
      ${T + 33}|c1|support|NONE|ABANDON|1|1|33
      ${T}|c2|support|NONE|ENTERQUEUE||555|1
      ${T + 300}|c2|support|NONE|EXITWITHTIMEOUT|1|1|300
      ${T}|c3|support|NONE|ENTERQUEUE||555|1
      ${T + 21}|c3|support|NONE|EXITWITHKEY|5|1|1|21
      ${T}|c4|support|NONE|ENTERQUEUE||555|1
      ${T + 9}|c4|support|NONE|EXITWITHKEY|5|1
      ${T}|c5|support|NONE|ENTERQUEUE||555|1
      ${T}|c5|support|NONE|EXITEMPTY|1|1|0
      ${T}|c6|support|NONE|ENTERQUEUE||555|1
      ${T + 17}|c6|support|NONE|WITHDRAW|1|1|17|reason`),
      ),
    );
    expect(out.map((v) => [v.callId, v.waitSeconds, v.answeredAtMs, v.agentId, v.talkSeconds])).toEqual([
      ['c1', 33, null, '', 0],
      ['c2', 300, null, '', 0],
      ['c3', 21, null, '', 0],
      ['c4', 9, null, '', 0], // old 2-field EXITWITHKEY: wait from the timestamps
      ['c5', 0, null, '', 0],
      ['c6', 17, null, '', 0],
    ]);
    expect(out[0].callerHash).toBe(''); // anonymous caller
  });

  it('ends transferred visits with hold and talk from each verb layout', () => {
    const out = visits(
      run(
        new QueueLogAssembler(OPTS),
        events(`
      ${T + 100}|t1|support|SIP/1001|TRANSFER|200|from-internal|10|90|1
      ${T + 100}|t2|support|PJSIP/1001|BLINDTRANSFER|200|from-internal|11|89|1
      ${T + 100}|t3|support|PJSIP/1001|ATTENDEDTRANSFER|BRIDGE|abc|12|88|1
      ${T + 100}|t4|support|PJSIP/1001|ATTENDEDTRANSFER|APP|Voicemail|13|87|1
      ${T + 100}|t5|support|PJSIP/1001|ATTENDEDTRANSFER|LINK|PJSIP/1001-01|Local/2@x-02;1|14|86|1`),
      ),
    );
    expect(
      out.map((v) => [
        v.callId,
        v.transferred,
        v.waitSeconds,
        v.talkSeconds,
        v.enteredAtMs / 1000,
        v.answeredAtMs! / 1000,
      ]),
    ).toEqual([
      ['t1', true, 10, 90, T, T + 10],
      ['t2', true, 11, 89, T, T + 11],
      ['t3', true, 12, 88, T, T + 12],
      ['t4', true, 13, 87, T, T + 13],
      ['t5', true, 14, 86, T, T + 14],
    ]);
  });

  it('builds a visit whose ENTERQUEUE is missing: entered = first event − wait (− talk)', () => {
    const [fromConnect] = visits(run(new QueueLogAssembler(OPTS), events(ANSWERED).slice(2)));
    expect(fromConnect.enteredAtMs).toBe(T * 1000);
    expect(fromConnect.callerHash).toBe('');
    const [fromEnd] = visits(run(new QueueLogAssembler(OPTS), events(ANSWERED).slice(3)));
    expect([fromEnd.enteredAtMs, fromEnd.answeredAtMs, fromEnd.waitSeconds]).toEqual([T * 1000, (T + 12) * 1000, 12]);
    const [abandon] = visits(run(new QueueLogAssembler(OPTS), events(`${T + 33}|c1|support|NONE|ABANDON|1|1|33`)));
    expect(abandon.enteredAtMs).toBe(T * 1000);
  });

  it('keeps a visit with no end pending, and counts identical duplicated lines once', () => {
    const a = new QueueLogAssembler(OPTS);
    const evs = events(ANSWERED);
    const doubled = [evs[0], evs[0], evs[1], evs[2], evs[2], evs[3], evs[3]];
    expect(visits(run(a, doubled.slice(0, 5)))).toEqual([]);
    expect(a.pending()).toHaveLength(2); // ENTERQUEUE, CONNECT (RINGNOANSWER is not held)
    const out = visits(run(a, doubled.slice(5)));
    expect(out).toHaveLength(1);
    expect(out[0].waitSeconds).toBe(12);
    expect(a.pending()).toEqual([]);
  });

  it('starts a new visit when the caller re-enters the same queue after the end', () => {
    const out = visits(
      run(
        new QueueLogAssembler(OPTS),
        events(`
      ${T}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 5}|c1|support|NONE|EXITWITHKEY|1|1|1|5
      ${T + 60}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 70}|c1|support|NONE|ABANDON|1|1|10`),
      ),
    );
    expect(out.map((v) => v.waitSeconds)).toEqual([5, 10]);
    // The second visit of (c1, support) is numbered 1: the store keeps it apart from the first.
    expect(out.map((v) => v.visit ?? 0)).toEqual([0, 1]);
  });

  it('takes no line from before the end of the visit remembered into a later visit (a re-sent older line)', () => {
    const a = new QueueLogAssembler(OPTS);
    const lines = events(`
      ${T}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 12}|c1|support|PJSIP/1002|CONNECT|12|c1.5|3
      ${T + 107}|c1|support|PJSIP/1002|COMPLETECALLER|12|95|1
      ${T - 30}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 600}|c1|support|PJSIP/1003|CONNECT|8|c1.6|2
      ${T + 700}|c1|support|PJSIP/1003|COMPLETEAGENT|8|100|1`);
    // The ENTERQUEUE at T − 30 (not the visit's: a piece of an older file sent again) comes after
    // the visit ended; the caller is back later, its own ENTERQUEUE not in the input.
    const out = visits(run(a, lines));
    expect(out.map((v) => [v.visit ?? 0, v.waitSeconds, (v.enteredAtMs - T * 1000) / 1000])).toEqual([
      [0, 12, 0],
      [1, 8, 592], // its start estimated from CONNECT's wait (600 − 8), not the stray line's T − 30
    ]);
    expect(a.stats()).toMatchObject({ openVisits: 0, expiredVisits: 0 });
  });

  it('starts a visit over at a later ENTERQUEUE: the open one never ends (its end lost)', () => {
    const a = new QueueLogAssembler(OPTS);
    const out = visits(
      run(
        a,
        events(`
      ${T}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 900}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 930}|c1|support|NONE|ABANDON|1|1|30`),
      ),
    );
    expect(out.map((v) => [v.waitSeconds, (v.enteredAtMs - T * 1000) / 1000])).toEqual([[30, 900]]);
    expect(a.stats()).toMatchObject({ openVisits: 0, expiredVisits: 1 });
  });

  it('keeps a call in several queues as one visit per queue, each remembered and forgotten on its own', () => {
    // c1 times out of `support` into `sales` (one call, two visits); `support` also has c1 again later.
    const a = new QueueLogAssembler({ ...OPTS, dedupeWindowMs: 600_000 });
    const lines = events(`
      ${T}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 30}|c1|support|NONE|EXITWITHTIMEOUT|1|1|30
      ${T + 30}|c1|sales|NONE|ENTERQUEUE||555|1
      ${T + 40}|c1|sales|PJSIP/1001|CONNECT|10|c1.2|1
      ${T + 100}|c1|sales|PJSIP/1001|COMPLETECALLER|10|60|1
      ${T + 700}|c1|sales|NONE|ENTERQUEUE||555|1
      ${T + 720}|c1|sales|NONE|ABANDON|1|1|20
      ${T + 1400}|c1|support|NONE|ENTERQUEUE||555|1
      ${T + 1405}|c1|support|NONE|ABANDON|1|1|5`);
    const first = visits(run(a, lines.slice(0, 5)));
    expect(first.map((v) => [v.queue, v.waitSeconds, v.talkSeconds])).toEqual([
      ['support', 30, 0],
      ['sales', 10, 60],
    ]);
    expect(a.stats()).toMatchObject({ openVisits: 0, rememberedVisits: 2, keys: 2 });
    // Within the dedupe window a resent line of either visit counts once.
    expect(run(a, [lines[1], lines[4]])).toEqual([]);
    // 600 s after `support` ended, its visit is forgotten while `sales` has a new open one.
    run(a, [lines[5]]);
    expect(a.stats()).toMatchObject({ openVisits: 1, rememberedVisits: 1, keys: 1 });
    expect(a.pending().map((e) => e.queue)).toEqual(['sales']);
    const restored = new QueueLogAssembler({ ...OPTS, dedupeWindowMs: 600_000 });
    restored.restore(JSON.parse(JSON.stringify(a.snapshot())));
    for (const b of [a, restored]) {
      // sales' re-entry is its visit 1 (the first is remembered, through the snapshot too); support's
      // first visit was forgotten 600 s after it ended, so its re-entry is numbered 0 again.
      expect(visits(run(b, lines.slice(6))).map((v) => [v.queue, v.waitSeconds, v.visit ?? 0])).toEqual([
        ['sales', 20, 1],
        ['support', 5, 0],
      ]);
      expect(b.stats()).toMatchObject({ openVisits: 0, rememberedVisits: 1, keys: 1 }); // sales' forgotten by then
    }
  });

  it('keeps the other queue of a call when the visit it entered last is forgotten first', () => {
    const a = new QueueLogAssembler({ ...OPTS, dedupeWindowMs: 600_000 });
    const out = visits(
      run(
        a,
        events(`
      ${T}|c2|support|NONE|ENTERQUEUE||555|1
      ${T + 1}|c2|sales|NONE|ENTERQUEUE||555|1
      ${T + 5}|c2|sales|NONE|ABANDON|1|1|4
      ${T + 900}|c3|support|NONE|ENTERQUEUE||777|1
      ${T + 1000}|c2|support|PJSIP/1001|CONNECT|1000|c2.2|1
      ${T + 1100}|c2|support|PJSIP/1001|COMPLETECALLER|1000|100|1`),
      ),
    );
    // support's visit still has its ENTERQUEUE (the caller) after sales' was forgotten at T + 900.
    expect(out.map((v) => [v.queue, v.callerHash, v.waitSeconds])).toEqual([
      ['sales', 'h(555)', 4],
      ['support', 'h(555)', 1000],
    ]);
    expect(a.stats()).toMatchObject({ openVisits: 1, keys: 2 }); // c3 open, c2 support remembered
  });

  it('ignores member, ring, DID, INFO and custom verbs for visits but turns members into agent events', () => {
    const out = run(
      new QueueLogAssembler(OPTS),
      events(`
      ${T}|c1|support|NONE|DID|777
      ${T}|c1|support|NONE|MYVERB|x
      ${T}|MANAGER|support|PJSIP/1001|ADDMEMBER|PAUSED`),
    );
    expect(out.map((r) => [r.kind, (r.row as { state: string }).state])).toEqual([
      ['agent-events', 'login'],
      ['agent-events', 'pause'],
    ]);
  });
});

describe('QueueLogAssembler: across batches and restarts', () => {
  // Interleaved calls, some split anywhere: every cut of the input into two passes, with the
  // pending events persisted and re-fed, gives the visits of one pass.
  const INPUT = events(`
    ${T}|a|support|NONE|ENTERQUEUE||111|1
    ${T + 1}|b|support|NONE|ENTERQUEUE||222|2
    ${T + 4}|a|support|SIP/1|CONNECT|4|x|2
    ${T + 4}|a|support|SIP/1|CONNECT|4|x|2
    ${T + 8}|b|support|NONE|ABANDON|2|2|7
    ${T + 9}|c|support|NONE|ENTERQUEUE||333|1
    ${T + 20}|c|support|SIP/2|CONNECT|11|y|1
    ${T + 50}|a|support|SIP/1|COMPLETEAGENT|4|46|1
    ${T + 60}|c|support|SIP/2|BLINDTRANSFER|200|ctx|11|40|1
    ${T + 61}|d|support|NONE|ENTERQUEUE||444|1`);

  it('pending() re-fed plus the rest equals one pass, at every cut', () => {
    const whole = run(new QueueLogAssembler(OPTS), INPUT);
    expect(visits(whole)).toHaveLength(3);
    for (let cut = 0; cut <= INPUT.length; cut++) {
      const first = new QueueLogAssembler(OPTS);
      const before = run(first, INPUT.slice(0, cut));
      const persisted = JSON.parse(JSON.stringify(first.pending())) as QueueLogEvent[];
      const after = run(new QueueLogAssembler(OPTS), [...persisted, ...INPUT.slice(cut)]);
      expect([...before, ...after], `cut ${cut}`).toEqual(whole);
    }
  });

  it('snapshot()/restore() also drops duplicates that straddle the restart', () => {
    const first = new QueueLogAssembler(OPTS);
    const before = run(first, INPUT.slice(0, 8)); // a completes
    const second = new QueueLogAssembler(OPTS);
    second.restore(JSON.parse(JSON.stringify(first.snapshot())));
    const after = run(second, [INPUT[7], ...INPUT.slice(8)]); // a's COMPLETEAGENT re-sent
    expect([...before, ...after]).toEqual(run(new QueueLogAssembler(OPTS), INPUT));
  });

  it('keeps completed visits in a snapshot as line digests, and still reads texts of older checkpoints', () => {
    const first = new QueueLogAssembler(OPTS);
    const before = run(first, INPUT.slice(0, 8)); // a completes
    const snapshot = first.snapshot();
    const text = JSON.stringify(snapshot.completed);
    for (const line of INPUT.slice(0, 8)) expect(text).not.toContain(line.raw); // digests only
    // A checkpoint of the earlier layout: the completed visits' line texts in `raws`.
    const legacy = {
      ...snapshot,
      completed: snapshot.completed.map(({ callId, queue, endMs }) => ({
        callId,
        queue,
        endMs,
        raws: INPUT.slice(0, 8)
          .filter((e) => e.callId === callId && e.queue === queue)
          .map((e) => e.raw),
      })),
    };
    const second = new QueueLogAssembler(OPTS);
    second.restore(JSON.parse(JSON.stringify(legacy)));
    const after = run(second, [INPUT[7], ...INPUT.slice(8)]); // a's COMPLETEAGENT re-sent
    expect([...before, ...after]).toEqual(run(new QueueLogAssembler(OPTS), INPUT));
  });

  it('tells lines apart by their digests', () => {
    // Lines that differ in one character, in order, or in length only.
    const lines = ['1|a|q|NONE|ENTERQUEUE||1|1', '1|a|q|NONE|ENTERQUEUE||1|2', '1|a|q|NONE|ENTERQUEUE||2|1', '', ' '];
    expect(new Set(lines.map(lineDigest)).size).toBe(lines.length);
    expect(lineDigest(lines[0])).toBe(lineDigest(`${lines[0]}`));
  });

  it('expires a visit whose end never comes after pendingTtlMs of event time', () => {
    const a = new QueueLogAssembler({ ...OPTS, pendingTtlMs: 3_600_000 });
    run(a, events(`${T}|lost|support|NONE|ENTERQUEUE||1|1`));
    run(a, events(`${T + 7200}|z|support|NONE|ENTERQUEUE||2|1`));
    expect(a.stats()).toMatchObject({ openVisits: 1, expiredVisits: 1 });
  });
});
