import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import callsSchema from '../../schemas/calls.schema.json' with { type: 'json' };
import ratingsSchema from '../../schemas/ratings.schema.json' with { type: 'json' };
import eventsSchema from '../../schemas/agent-events.schema.json' with { type: 'json' };
import agentsSchema from '../../schemas/agents.schema.json' with { type: 'json' };
import type { EventKind } from '../../src/domain/events.ts';
import { NativeCsvParser, parseNdjsonLine } from './kezek-native.ts';

const opts = {
  hashCaller: (c: string) => (c ? `h(${c})` : ''),
  queues: { '1414-kk': { language: 'kk', site: 'Astana' } },
};
const ajv = new Ajv({ strict: false });
const schemas: Record<EventKind, object> = {
  calls: callsSchema,
  ratings: ratingsSchema,
  'agent-events': eventsSchema,
  agents: agentsSchema,
};

const valid: [EventKind, object][] = [
  ['calls', { call_id: 'c1', queue: '1414-kk', entered_at: '2026-11-20T10:00:00+05:00', ended_at: 1795151400 }],
  ['ratings', { call_id: 'c1', score: 5, rated_at: '2026-11-20T05:05:00Z' }],
  ['agent-events', { agent_id: 'a1', at: 1795151400, state: 'pause', reason: 'lunch' }],
  ['agents', { agent_id: 'a1', name: 'Aigerim', languages: ['kk', 'ru'], hired_at: '2024-02-01' }],
];
const missingRequired: [EventKind, object][] = [
  ['calls', { queue: '1414-kk', entered_at: 1795151400, ended_at: 1795151400 }],
  ['ratings', { call_id: 'c1', rated_at: 1795151400 }],
  ['agent-events', { agent_id: 'a1', at: 1795151400 }],
  ['agents', { name: 'nobody' }],
];

describe('native formats and their JSON Schemas agree', () => {
  it.each(valid)('accepts a valid %s row in both', (kind, row) => {
    expect(ajv.validate(schemas[kind], row)).toBe(true);
    expect(parseNdjsonLine(kind, JSON.stringify(row), opts).ok).toBe(true);
  });
  it.each(missingRequired)('rejects a %s row without a required field in both', (kind, row) => {
    expect(ajv.validate(schemas[kind], row)).toBe(false);
    const outcome = parseNdjsonLine(kind, JSON.stringify(row), opts);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/^field \w+: required$/);
  });
});

describe('calls', () => {
  it('takes language and site from the queue map, hashes the caller and derives the wait', () => {
    const outcome = parseNdjsonLine(
      'calls',
      JSON.stringify({
        call_id: 7,
        queue: '1414-kk',
        caller: '+77011234567',
        entered_at: '2026-11-20T10:00:00+05:00',
        answered_at: '2026-11-20T05:00:12.5Z',
        ended_at: 1795151400,
      }),
      opts,
    );
    expect(outcome.ok && outcome.records[0]).toMatchObject({
      kind: 'calls',
      // 05:00:12.5Z − 05:00:00Z (= 10:00 at +05:00) = 12.5 s
      row: {
        callId: '7',
        language: 'kk',
        site: 'Astana',
        callerHash: 'h(+77011234567)',
        waitSeconds: 12.5,
        channel: 'voice',
      },
    });
  });
  it('reads the visit number (the call entered the same queue again), 0 when absent', () => {
    const call = { call_id: 'c', queue: 'q', entered_at: 1795151400, ended_at: 1795151500 };
    const visit = (row: object) => {
      const outcome = parseNdjsonLine('calls', JSON.stringify(row), opts);
      return outcome.ok ? ((outcome.records[0].row as { visit?: number }).visit ?? 0) : outcome.reason;
    };
    expect([
      visit(call),
      visit({ ...call, visit: 0 }),
      visit({ ...call, visit: 2 }),
      visit({ ...call, visit: '1' }),
    ]).toEqual([0, 0, 2, 1]);
    for (const bad of [-1, 1.5, 70000, 'x']) {
      expect(visit({ ...call, visit: bad })).toBe(
        `field visit: expected an integer 0–65535, got ${JSON.stringify(bad)}`,
      );
    }
    expect(ajv.validate(callsSchema, { ...call, visit: 2 })).toBe(true);
    expect(ajv.validate(callsSchema, { ...call, visit: -1 })).toBe(false);
  });

  it('rejects an answer outside the visit and names the field', () => {
    const outcome = parseNdjsonLine(
      'calls',
      JSON.stringify({ call_id: 1, queue: 'q', entered_at: 1795151400, answered_at: 1795150400, ended_at: 1795151500 }),
      opts,
    );
    expect(outcome).toEqual({ ok: false, reason: 'field answered_at: not between entered_at and ended_at' });
  });
});

describe('kezek-csv', () => {
  it('maps cells by the header and checks the field count', () => {
    const csv = new NativeCsvParser('ratings', opts);
    expect(csv.record('call_id,score,rated_at')).toEqual({ ok: true, records: [] });
    expect(csv.record('"c,1",4,1795151400')).toMatchObject({
      ok: true,
      records: [{ row: { callId: 'c,1', score: 4 } }],
    });
    expect(csv.record('c2,4')).toEqual({ ok: false, reason: 'expected 3 fields as in the header, got 2' });
  });
});

describe('numbers out of range', () => {
  const reason = (kind: EventKind, row: object) => {
    const outcome = parseNdjsonLine(kind, JSON.stringify(row), opts);
    return outcome.ok ? null : outcome.reason;
  };

  it('name the unit of the field: hours for contract_hours_week (QA: it said seconds)', () => {
    expect(reason('agents', { agent_id: 'a3', contract_hours_week: -4 })).toBe(
      'field contract_hours_week: expected hours ≥ 0, got -4',
    );
    expect(
      reason('calls', { call_id: 'c', queue: 'q', entered_at: 1795151400, ended_at: 1795151500, talk_s: -5 }),
    ).toBe('field talk_s: expected seconds ≥ 0, got -5');
  });

  it('refuse a talk, hold or wrap-up over a day, a wait over a week, a contract week over 168 h', () => {
    const visit = { call_id: 'c', queue: 'q', entered_at: 1795151400, ended_at: 1795151500 };
    expect(reason('calls', { ...visit, talk_s: 86_400, hold_s: 86_400, wrap_s: 86_400 })).toBeNull();
    // A source's own wait is taken even when the visit's times say otherwise (QA: Asterisk's
    // ABANDON reported 300 s for a 100 s visit, and its export was refused on re-ingest).
    expect(reason('calls', { ...visit, wait_s: 300 })).toBeNull();
    expect(reason('calls', { ...visit, wait_s: 604_800 })).toBeNull(); // an e-mail answered a week later
    expect(reason('calls', { ...visit, wait_s: 604_801 })).toBe(
      'field wait_s: expected at most 604800 seconds, got 604801',
    );
    expect(reason('calls', { ...visit, talk_s: 87_000_000_000 })).toBe(
      'field talk_s: expected at most 86400 seconds, got "87000000000"', // quoted: 7+ digits may be a number
    );
    expect(reason('calls', { ...visit, hold_s: 86_401 })).toBe(
      'field hold_s: expected at most 86400 seconds, got 86401',
    );
    expect(reason('calls', { ...visit, wrap_s: 1e20 })).toBe(
      'field wrap_s: expected at most 86400 seconds, got "100000000000000000000"',
    );
    expect(reason('agents', { agent_id: 'a3', contract_hours_week: 168 })).toBeNull();
    expect(reason('agents', { agent_id: 'a3', contract_hours_week: 400 })).toBe(
      'field contract_hours_week: expected at most 168 hours, got 400',
    );
  });

  it('say a score is an integer 1–5, whatever is wrong with it', () => {
    for (const score of [-1, 'x', 6, 2.5]) {
      expect(reason('ratings', { call_id: 'c', score, rated_at: 1795151400 })).toBe(
        `field score: expected an integer 1–5, got ${JSON.stringify(score)}`,
      );
    }
  });
});
