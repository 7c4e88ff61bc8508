/**
 * DESIGN §5, first-contact resolution. Per contact (call_id), attributed to the period, queue and
 * agent of its first answered visit. Eligible = an answered visit and a known caller. Resolved =
 * no visit transferred, not a call-back, and no other contact (different call_id, any queue,
 * channel and outcome, call-backs included, self-service excluded) of the same caller entering
 * after the contact's first entered_at and no later than fcr_window_h [72] h after its last
 * ended_at. Every scenario has its own queue (the queue of its first answered visit) and caller,
 * and is read with `--by queue` over local day 2026-03-10 (Asia/Almaty, [03-09T19:00Z, 03-10T19:00Z)).
 * Repeats are unanswered visits, so they are never eligible contacts themselves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/domain/kpi/kpi-row.ts';
import { abandoned, answered, fcrFields, plusMs, Workspace } from './harness.ts';

const ws = new Workspace('fcr');
const H72_MS = 72 * 3600 * 1000;

// answered(...) ends 60 s after the answer: entered 04:00:00, answered 04:00:10, ended 04:01:10.
const F1_END = '2026-03-10T04:01:10.000Z';

const CALLS = [
  // Window edges. f1's repeat enters exactly 72 h after f1's last ended_at → a repeat.
  answered('f1', 'q-edge-in', '2026-03-10T04:00:00Z', 10, { caller: '+77010000001' }),
  abandoned('f1-r', 'q-other', plusMs(F1_END, H72_MS), 10, { caller: '+77010000001', channel: 'telegram' }),
  // f2's repeat enters 72 h + 1 ms after f2's last ended_at → not a repeat.
  answered('f2', 'q-edge-out', '2026-03-10T04:00:00Z', 10, { caller: '+77010000002' }),
  abandoned('f2-r', 'q-other', plusMs(F1_END, H72_MS + 1), 10, { caller: '+77010000002' }),

  // Unknown callers (trimmed, any case): never eligible. 'unknown2' is a known caller.
  answered('f3a', 'q-anon', '2026-03-10T05:00:00Z', 10, { caller: 'anonymous' }),
  answered('f3b', 'q-anon', '2026-03-10T05:01:00Z', 10, { caller: '  Unknown ' }),
  answered('f3c', 'q-anon', '2026-03-10T05:02:00Z', 10, { caller: 'PRIVATE' }),
  answered('f3d', 'q-anon', '2026-03-10T05:03:00Z', 10, { caller: 'Restricted' }),
  answered('f3e', 'q-anon', '2026-03-10T05:04:00Z', 10, { caller: 'none' }),
  answered('f3f', 'q-anon', '2026-03-10T05:05:00Z', 10, { caller: '   ' }),
  answered('f3g', 'q-anon', '2026-03-10T05:06:00Z', 10), // no caller field
  answered('f3h', 'q-anon', '2026-03-10T05:07:00Z', 10, { caller: 'unknown2' }),

  // f4: a transfer leg with the same call_id: one contact, two visits. First answered visit
  // q-transfer / ag-T1 (flagged transferred), second q-second / ag-T2 → not resolved.
  answered('f4', 'q-transfer', '2026-03-10T06:00:00Z', 10, {
    caller: '+77010000004',
    agent_id: 'ag-T1',
    transferred: true,
  }),
  answered('f4', 'q-second', '2026-03-10T06:02:00Z', 10, { caller: '+77010000004', agent_id: 'ag-T2' }),

  // f5: first visit unanswered on local 03-09 23:50, second visit (same call_id) answered on
  // local 03-10 00:00:30 by ag-5 → FCR belongs to 03-10, q-first-answer, ag-5; resolved.
  abandoned('f5', 'q-first-miss', '2026-03-09T18:50:00Z', 40, { caller: '+77010000005' }),
  answered('f5', 'q-first-answer', '2026-03-09T19:00:30Z', 10, { caller: '+77010000005', agent_id: 'ag-5' }),

  // f6: a call-back contact (answered): eligible, never resolved; not offered.
  answered('f6', 'q-callback', '2026-03-10T07:00:00Z', 10, { caller: '+77010000006', callback: true }),

  // f7: a later call-back to the same caller is a repeat of f7 (call-backs included).
  answered('f7', 'q-cb-repeat', '2026-03-10T08:00:00Z', 10, { caller: '+77010000007' }),
  answered('f7-cb', 'q-other', '2026-03-11T08:00:00Z', 10, { caller: '+77010000007', callback: true }),

  // f8: a later self-service contact of the same caller is not a repeat.
  answered('f8', 'q-selfservice', '2026-03-10T09:00:00Z', 10, { caller: '+77010000008' }),
  answered('f8-ss', 'robot', '2026-03-10T10:00:00Z', 0, { caller: '+77010000008', self_service: true }),

  // f9e then f9: f9 enters after f9e's first entered_at (inside f9e's window) → f9e is not
  // resolved; nothing follows f9 → f9 is resolved (only later contacts count).
  answered('f9e', 'q-earlier', '2026-03-10T11:00:00Z', 10, { caller: '+77010000009', agent_id: 'ag-9' }),
  answered('f9', 'q-later', '2026-03-10T12:00:00Z', 10, { caller: '+77010000009', agent_id: 'ag-9' }),

  // f10: the window runs from the contact's *last* ended_at. Its first visit ends 13:00:40, its
  // second (same call_id) 14:01:10; f10-r enters 03-13 13:30:00, 72 h 29 min after the first
  // end but within 72 h of the last → a repeat.
  abandoned('f10', 'q-miss-10', '2026-03-10T13:00:00Z', 40, { caller: '+77010000010' }),
  answered('f10', 'q-last-end', '2026-03-10T14:00:00Z', 10, { caller: '+77010000010' }),
  abandoned('f10-r', 'q-other', '2026-03-13T13:30:00Z', 10, { caller: '+77010000010' }),
];

let queues: Record<string, KpiRow>;

beforeAll(async () => {
  expect(await ws.ingest(CALLS)).toMatchObject({ accepted: CALLS.length, rejected: 0 });
  queues = await ws.byGroup({ from: '2026-03-10', by: 'queue' });
});

describe('FCR window edges', () => {
  it('counts a contact exactly 72 h after the last ended_at as a repeat', () => {
    expect(fcrFields(queues['q-edge-in'])).toEqual({ fcr_eligible: 1, fcr: 0 });
  });

  it('does not count a contact 72 h + 1 ms after the last ended_at as a repeat', () => {
    expect(fcrFields(queues['q-edge-out'])).toEqual({ fcr_eligible: 1, fcr: 1 });
  });

  it('follows fcr_window_h from --config', async () => {
    // With a 96 h window f2-r (72 h + 1 ms after f2) is a repeat too.
    const config = ws.config({ kpi: { fcr_window_h: 96 } });
    const rows = await ws.byGroup({ from: '2026-03-10', by: 'queue', config });
    expect(fcrFields(rows['q-edge-out'])).toEqual({ fcr_eligible: 1, fcr: 0 });
    // A shorter window: with 0.5 h, f9e (ended 11:01:10) is followed by f9 (12:00:00) only after
    // its window closed at 11:31:10 → f9e is resolved.
    const short = ws.config({ kpi: { fcr_window_h: 0.5 } });
    const rowsShort = await ws.byGroup({ from: '2026-03-10', by: 'queue', config: short });
    expect(fcrFields(rowsShort['q-earlier'])).toEqual({ fcr_eligible: 1, fcr: 1 });
    expect(fcrFields(rowsShort['q-edge-in'])).toEqual({ fcr_eligible: 1, fcr: 1 });
  });
});

describe('FCR eligibility and resolution', () => {
  it('does not make contacts of unknown or anonymous callers eligible', () => {
    // f3a–f3g are unknown callers; only f3h ('unknown2', compared as given) is eligible.
    expect(queues['q-anon'].answered).toBe(8);
    expect(fcrFields(queues['q-anon'])).toEqual({ fcr_eligible: 1, fcr: 1 });
  });

  it('does not resolve a transferred contact, and counts a transfer leg as one contact with two visits', () => {
    expect(queues['q-transfer']).toMatchObject({ offered: 1, answered: 1, transferred: 1, fcr_eligible: 1, fcr: 0 });
    // The second visit of f4 is offered in q-second, but the contact belongs to its first answered visit.
    expect(queues['q-second']).toMatchObject({ offered: 1, answered: 1, fcr_eligible: 0, fcr: null });
  });

  it('attributes FCR to the queue, agent and day of the first answered visit', async () => {
    expect(queues['q-first-answer']).toMatchObject({ offered: 1, fcr_eligible: 1, fcr: 1 });
    const days = await ws.byGroup({ from: '2026-03-09', to: '2026-03-10', by: 'day,queue' });
    expect(days['2026-03-09|q-first-miss']).toMatchObject({ offered: 1, answered: 0, fcr_eligible: 0 });
    expect(days['2026-03-10|q-first-answer']).toMatchObject({ fcr_eligible: 1, fcr: 1 });
    const agents = await ws.byGroup({ from: '2026-03-10', by: 'agent' });
    expect(fcrFields(agents['ag-T1'])).toEqual({ fcr_eligible: 1, fcr: 0 }); // f4's first answered visit
    expect(fcrFields(agents['ag-T2'])).toEqual({ fcr_eligible: 0, fcr: null });
    expect(fcrFields(agents['ag-5'])).toEqual({ fcr_eligible: 1, fcr: 1 });
    expect(fcrFields(agents['ag-9'])).toEqual({ fcr_eligible: 2, fcr: 1 / 2 }); // f9e no, f9 yes
  });

  it('does not resolve a call-back contact, and keeps it out of offered', () => {
    expect(queues['q-callback']).toMatchObject({ offered: 0, callbacks: 1, fcr_eligible: 1, fcr: 0 });
  });

  it('counts a later call-back to the same caller as a repeat', () => {
    expect(fcrFields(queues['q-cb-repeat'])).toEqual({ fcr_eligible: 1, fcr: 0 });
  });

  it('does not count a later self-service contact as a repeat', () => {
    expect(fcrFields(queues['q-selfservice'])).toEqual({ fcr_eligible: 1, fcr: 1 });
    expect(queues['robot']).toMatchObject({ self_service: 1, offered: 0, fcr_eligible: 0 });
  });

  it("measures the window from the contact's last ended_at", () => {
    expect(fcrFields(queues['q-last-end'])).toEqual({ fcr_eligible: 1, fcr: 0 });
  });

  it('only counts contacts entering after the first entered_at as repeats', () => {
    expect(fcrFields(queues['q-earlier'])).toEqual({ fcr_eligible: 1, fcr: 0 });
    expect(fcrFields(queues['q-later'])).toEqual({ fcr_eligible: 1, fcr: 1 });
  });

  it('adds up over the day', async () => {
    // Eligible on 03-10: f1, f2, f3h, f4, f5, f6, f7, f8, f9e, f9, f10 = 11.
    // Resolved: f2, f3h, f5, f8, f9 = 5 → fcr 5 / 11.
    const row = await ws.total({ from: '2026-03-10' });
    expect(fcrFields(row)).toEqual({ fcr_eligible: 11, fcr: 5 / 11 });
  });

  it('does not count the repeats themselves: unanswered contacts are not eligible', async () => {
    // 03-13: f1-r, f2-r and f10-r, all unanswered.
    const row = await ws.total({ from: '2026-03-13' });
    expect(row).toMatchObject({ offered: 3, answered: 0, fcr_eligible: 0, fcr: null });
  });
});
