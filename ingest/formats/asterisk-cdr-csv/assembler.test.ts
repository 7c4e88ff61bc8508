import { describe, expect, it } from 'vitest';
import type { CallVisit } from '../../../src/domain/events.ts';
import { CdrAssembler, type CdrAssemblerOptions } from './assembler.ts';
import type { CdrRecord, DirectCall } from './call.ts';
import { CdrParser, type CdrRow } from './parse-record.ts';

const NOW = Date.UTC(2024, 2, 2);
const T0 = Date.UTC(2024, 2, 1, 10, 0, 0);
const OPTS: CdrAssemblerOptions = {
  hashCaller: (c) => `h(${c})`,
  queues: { support: { language: 'ru', site: 'Taraz' } },
};

// 21-column Master.csv rows: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp,
// lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield,
// peeraccount, linkedid, sequence.
function rows(text: string): CdrRow[] {
  const parser = new CdrParser({ nowMs: NOW });
  return text
    .trim()
    .split('\n')
    .map((line, i) => {
      const r = parser.parse({ source: 'Master.csv', line: i + 1, text: line.trim() });
      if (!r.ok || r.row === null) throw new Error(`bad test row ${line}: ${JSON.stringify(r)}`);
      return r.row;
    });
}
const at = (s: number) =>
  `2024-03-01 10:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
const leg = (
  id: string,
  ch: string,
  dstch: string,
  app: string,
  data: string,
  s: number,
  a: number | null,
  e: number,
  disp: string,
  seq: number,
) =>
  `"","870111","1414","from-trunk","""A"" <870111>","${ch}","${dstch}","${app}","${data}","${at(s)}","${a === null ? '' : at(a)}","${at(e)}",${e - s},${a === null ? 0 : e - a},"${disp}","DOCUMENTATION","${id}.${seq}","","","${id}",${seq}`;

// A ringall queue call: two members rung, 1002 answers after 12 s and talks 95 s; then an IVR-only call.
const INPUT = rows(`
  ${leg('1709287200.1', 'PJSIP/trunk-00000001', 'PJSIP/1001-00000002', 'Queue', 'support,t,,,300', 0, null, 12, 'NO ANSWER', 1)}
  ${leg('1709287200.1', 'PJSIP/trunk-00000001', 'PJSIP/1002-00000003', 'Queue', 'support,t,,,300', 0, 12, 107, 'ANSWERED', 2)}
  ${leg('1709287300.5', 'PJSIP/trunk-00000009', '', 'Playback', 'goodbye', 100, 101, 130, 'ANSWERED', 5)}
  ${leg('1709287900.7', 'PJSIP/trunk-00000011', '', 'Queue', 'support', 1500, 1501, 1530, 'ANSWERED', 7)}`);

const run = (a: CdrAssembler, rs: CdrRow[]): CdrRecord[] => rs.flatMap((r) => [...a.add(r)]);
const byKey = (records: CdrRecord[]) => [...records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('CdrAssembler', () => {
  it('builds a queue visit from the Queue legs and a direct call from the rest', () => {
    const a = new CdrAssembler(OPTS);
    const early = run(a, INPUT);
    // The first two calls ended more than 15 min before the last row's end: complete already.
    expect(early.map((r) => r.kind)).toEqual(['calls', 'direct-calls']);
    const all = [...early, ...a.flush()];
    const visit = all[0].row as CallVisit;
    expect(visit).toEqual({
      callId: '1709287200.1',
      queue: 'support',
      channel: 'voice',
      language: 'ru',
      site: 'Taraz',
      callerHash: 'h(870111)',
      enteredAtMs: T0,
      answeredAtMs: T0 + 12_000,
      endedAtMs: T0 + 107_000,
      waitSeconds: 12,
      agentId: '1002',
      talkSeconds: 95,
      holdSeconds: 0,
      wrapSeconds: 0,
      transferred: false,
      callback: false,
      selfService: false,
      topic: '',
    });
    const direct = all[1].row as DirectCall;
    expect(direct).toMatchObject({
      callId: '1709287300.5',
      answeredAtMs: T0 + 101_000,
      agentId: '',
      disposition: 'ANSWERED',
      legs: 1,
      durationSeconds: 30,
    });
    // ANSWERED by the dialplan with no member channel: not answered by an agent.
    const unanswered = all[2].row as CallVisit;
    expect([unanswered.answeredAtMs, unanswered.waitSeconds, unanswered.agentId]).toEqual([null, 30, '']);
  });

  it('counts identical rows once and marks a queue-to-queue transfer', () => {
    const transfer = rows(`
      ${leg('9.1', 'PJSIP/t-01', 'PJSIP/1001-02', 'Queue', 'support', 0, 10, 60, 'ANSWERED', 1)}
      ${leg('9.1', 'PJSIP/t-01', 'PJSIP/1001-02', 'Queue', 'support', 0, 10, 60, 'ANSWERED', 1)}
      ${leg('9.1', 'PJSIP/t-01', 'PJSIP/2001-03', 'Queue', 'legal', 61, 70, 200, 'ANSWERED', 2)}`);
    const a = new CdrAssembler(OPTS);
    const out = [...run(a, transfer), ...a.flush()].map((r) => r.row as CallVisit);
    expect(out.map((v) => [v.queue, v.transferred, v.talkSeconds, v.agentId])).toEqual([
      ['support', true, 50, '1001'],
      ['legal', false, 130, '2001'],
    ]);
  });

  it('gives the same calls when the rows arrive in two passes with a restart between', () => {
    const one = new CdrAssembler(OPTS);
    const whole = byKey([...run(one, INPUT), ...one.flush()]);
    for (let cut = 0; cut <= INPUT.length; cut++) {
      const first = new CdrAssembler(OPTS);
      const before = run(first, INPUT.slice(0, cut));
      const second = new CdrAssembler(OPTS);
      second.restore(JSON.parse(JSON.stringify(first.snapshot())));
      const after = [...run(second, INPUT.slice(cut)), ...second.flush()];
      expect(byKey([...before, ...after]), `cut ${cut}`).toEqual(whole);
      // pending() alone, re-fed, gives the same calls too.
      const third = new CdrAssembler(OPTS);
      const refed = [...run(third, [...first.pending(), ...INPUT.slice(cut)]), ...third.flush()];
      expect(byKey([...before, ...refed]), `cut ${cut} (pending)`).toEqual(whole);
    }
  });

  it('amends a call emitted at the end of one input with its late legs from the next, after a restart', () => {
    const [noAnswer, answered] = INPUT; // call 1709287200.1: 1001 not answering, then 1002 answering
    const first = new CdrAssembler(OPTS);
    run(first, [noAnswer]);
    const stored = first.flush();
    expect(stored.map((r) => [r.amends, (r.row as CallVisit).agentId])).toEqual([[undefined, '']]);
    // The next `kezek ingest` restores the checkpoint: the call is remembered.
    const next = new CdrAssembler(OPTS);
    next.restore(JSON.parse(JSON.stringify(first.snapshot())));
    expect(run(next, [noAnswer])).toEqual([]); // a re-sent row: a duplicate
    expect(next.flush()).toEqual([]);
    run(next, [answered]);
    const amended = next.flush();
    expect(amended).toHaveLength(1);
    // Built from both legs, as one input of both gives it.
    const whole = new CdrAssembler(OPTS);
    expect(amended).toEqual(
      [...run(whole, [noAnswer, answered]), ...whole.flush()].map((r) => ({ ...r, amends: true })),
    );
    expect((amended[0].row as CallVisit).agentId).toBe('1002');
  });

  it('forgets an emitted call once the input is twice the grace past its end', () => {
    const a = new CdrAssembler({ ...OPTS, graceMs: 60_000 });
    const [noAnswer, answered, , later] = INPUT; // `later` ends 25 min after the first call
    run(a, [noAnswer, later]);
    a.flush();
    expect(a.stats()).toEqual({ openCalls: 0, rememberedCalls: 1 }); // only `later`, within 2 min of the watermark
    // The first call's late leg now starts a call of its own (not an amendment).
    run(a, [answered]);
    expect(a.flush().map((r) => r.amends)).toEqual([undefined]);
  });
});
