/**
 * contact_fact and rating_fact kept current as events arrive in separate ingests (each one a
 * write through the EventWriter): a late repeat contact makes an earlier contact unresolved, a
 * re-rating replaces the rating, a rating stored before its call is attributed once the call
 * arrives, and re-ingesting a file changes nothing. After every step the facts equal a
 * recomputation from the raw tables.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openContext, type CommandContext } from '../../src/cli/context.ts';
import { abandoned, answered, fcrFields, Workspace } from '../kpi/harness.ts';
import { factsChecksum, factsDiff } from './oracle.ts';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import { parseNdjsonLine } from '../../ingest/formats/kezek-native.ts';
import type { CallVisit } from '../../src/domain/events.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';
import { insertRecords } from '../../src/server/queries/store-events.ts';

const ws = new Workspace('kpi-facts-incremental');
let ctx: CommandContext;
const DAY = { from: '2026-03-10', to: '2026-03-10' };

async function expectExact(): Promise<void> {
  expect(await factsDiff(ctx.client)).toMatchObject({
    missingContacts: 0,
    extraContacts: 0,
    missingRatings: 0,
    extraRatings: 0,
  });
}

async function contactFact(callId: string): Promise<Record<string, unknown>[]> {
  const rs = await ctx.client.query({
    query:
      'SELECT queue, toString(next_contact_at) AS next FROM contact_fact FINAL WHERE call_id = {id:String} AND deleted = 0',
    query_params: { id: callId },
    format: 'JSONEachRow',
  });
  return rs.json();
}

async function ratingFact(callId: string): Promise<Record<string, unknown>[]> {
  const rs = await ctx.client.query({
    query:
      'SELECT score, queue, agent, toString(rated_at) AS at FROM rating_fact FINAL WHERE call_id = {id:String} AND deleted = 0',
    query_params: { id: callId },
    format: 'JSONEachRow',
  });
  return rs.json();
}

beforeAll(async () => {
  // i1 (caller 1) on 03-10, answered; nothing follows yet.
  await ws.ingest([answered('i1', 'q-i1', '2026-03-10T04:00:00Z', 10, { caller: '+77020000001', agent_id: 'ag-1' })]);
  ctx = await openContext({ db: ws.db, config: ws.defaultConfig });
});

describe('facts maintained as events arrive', () => {
  it('turn an earlier contact unresolved when a later contact of its caller arrives', async () => {
    expect(fcrFields(await ws.total(DAY))).toEqual({ fcr_eligible: 1, fcr: 1 });
    expect(await contactFact('i1')).toEqual([{ queue: 'q-i1', next: null }]);
    // The repeat (an abandon 2 days later) comes in a later ingest.
    await ws.ingest([abandoned('i1-r', 'q-other', '2026-03-12T04:00:00Z', 40, { caller: '+77020000001' })]);
    expect(await contactFact('i1')).toEqual([{ queue: 'q-i1', next: '2026-03-12 04:00:00.000' }]);
    expect(fcrFields(await ws.total(DAY))).toEqual({ fcr_eligible: 1, fcr: 0 });
    await expectExact();
  });

  it('count a later visit of a contact that started before this one', async () => {
    // i2 starts at 06:00; i2-x (same caller) started at 05:00 unanswered but has a second visit at
    // 06:30, inside i2's window: i2 is a repeat-followed contact even though i2-x started first.
    await ws.ingest([answered('i2', 'q-i2', '2026-03-10T06:00:00Z', 10, { caller: '+77020000002' })]);
    await ws.ingest([
      abandoned('i2-x', 'q-x1', '2026-03-10T05:00:00Z', 40, { caller: '+77020000002' }),
      abandoned('i2-x', 'q-x2', '2026-03-10T06:30:00Z', 40, { caller: '+77020000002' }),
    ]);
    expect(await contactFact('i2')).toEqual([{ queue: 'q-i2', next: '2026-03-10 06:30:00.000' }]);
    await expectExact();
  });

  it('move a contact to its earlier first answered visit when that visit arrives late', async () => {
    await ws.ingest([answered('i3', 'q-late', '2026-03-10T09:00:00Z', 10, { caller: '+77020000003' })]);
    await ws.ingest([
      answered('i3', 'q-early', '2026-03-10T08:00:00Z', 10, { caller: '+77020000003', transferred: true }),
    ]);
    expect(await contactFact('i3')).toEqual([{ queue: 'q-early', next: null }]);
    expect(fcrFields((await ws.byGroup({ ...DAY, by: 'queue' }))['q-early'])).toEqual({ fcr_eligible: 1, fcr: 0 });
    await expectExact();
  });

  it.each([
    ["a short span (only its callers' visits read)", '7', []],
    ["a long span (every caller's visits read)", '8', [answered('far8', 'q-far', '2026-03-29T04:01:30Z', 10)]],
  ])(
    'keep the next contact of an earlier contact that a later refresh of %s reaches only by its second visit',
    async (_, n, alsoStored) => {
      // x starts at 04:00 on 03-20 and has a second visit at 04:02; y (same caller) at 04:01 is its
      // next contact. z comes 8 days later, at 04:01:30: x's second visit lies inside the horizon
      // before z, so x is refreshed, but its first visit and y lie before that horizon, and the
      // refresh must still read y.
      const caller = { caller: `+7702000000${n}` };
      await ws.ingest([
        answered(`x${n}`, 'q-xa', '2026-03-20T04:00:00Z', 10, caller),
        answered(`y${n}`, 'q-y', '2026-03-20T04:01:00Z', 10, caller),
        answered(`x${n}`, 'q-xb', '2026-03-20T04:02:00Z', 10, { ...caller, transferred: true }),
      ]);
      const expected = [{ queue: 'q-xa', next: '2026-03-20 04:01:00.000' }];
      expect(await contactFact(`x${n}`)).toEqual(expected);
      await ws.ingest([answered(`z${n}`, 'q-z', '2026-03-28T04:01:30Z', 10, caller), ...alsoStored]);
      expect(await contactFact(`x${n}`)).toEqual(expected);
      await expectExact();
    },
  );

  it('keep the latest rating of a re-rated call', async () => {
    await ws.ingest([{ call_id: 'i1', score: 5, rated_at: '2026-03-10T05:00:00Z' }], 'ratings');
    expect(await ratingFact('i1')).toEqual([{ score: 5, queue: 'q-i1', agent: 'ag-1', at: '2026-03-10 05:00:00.000' }]);
    await ws.ingest([{ call_id: 'i1', score: 2, rated_at: '2026-03-10T07:00:00Z' }], 'ratings');
    expect(await ratingFact('i1')).toEqual([{ score: 2, queue: 'q-i1', agent: 'ag-1', at: '2026-03-10 07:00:00.000' }]);
    expect(await ws.total(DAY)).toMatchObject({ ratings: 1, avg_rating: 2 });
    await expectExact();
  });

  it('attribute a rating stored before its call once the call arrives', async () => {
    await ws.ingest([{ call_id: 'i4', score: 4, rated_at: '2026-03-10T11:00:00Z' }], 'ratings');
    expect(await ratingFact('i4')).toEqual([{ score: 4, queue: '', agent: '', at: '2026-03-10 11:00:00.000' }]);
    await ws.ingest([answered('i4', 'q-i4', '2026-03-10T10:00:00Z', 10, { caller: '+77020000004', agent_id: 'ag-4' })]);
    expect(await ratingFact('i4')).toEqual([{ score: 4, queue: 'q-i4', agent: 'ag-4', at: '2026-03-10 11:00:00.000' }]);
    await expectExact();
  });

  it('change nothing when a file is ingested again', async () => {
    const rows = [
      answered('i5', 'q-i5', '2026-03-10T12:00:00Z', 10, { caller: '+77020000005' }),
      abandoned('i5-r', 'q-other', '2026-03-10T13:00:00Z', 10, { caller: '+77020000005' }),
    ];
    const path = ws.file(rows.map((r) => JSON.stringify(r)).join('\n') + '\n', 'again.ndjson');
    await ws.ingestFile(path);
    const before = await factsChecksum(ctx.client);
    const kpis = await ws.kpi({ ...DAY, by: 'queue' });
    expect(await ws.ingestFile(path)).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await factsChecksum(ctx.client)).toEqual(before);
    expect(await ws.kpi({ ...DAY, by: 'queue' })).toEqual(kpis);
    await expectExact();
  });

  it('mend the facts when an input is replayed after a crash between its insert and their refresh', async () => {
    const rows = [
      answered('i6', 'q-i6', '2026-03-10T14:00:00Z', 10, { caller: '+77020000006' }),
      answered('i6-r', 'q-i6', '2026-03-10T15:00:00Z', 10, { caller: '+77020000006' }),
    ];
    const text = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
    // The crash: the visits are stored, the process dies before the facts are refreshed.
    const opts = { hashCaller: createCallerHasher(await callerSalt(ctx.client)), queues: {} };
    const visits = text
      .trim()
      .split('\n')
      .map((line) => {
        const outcome = parseNdjsonLine('calls', line, opts);
        if (!outcome.ok) throw new Error(outcome.reason);
        return outcome.records[0].row as CallVisit;
      });
    await insertRecords(ctx.client, 'calls', visits, 'crash.ndjson');
    expect((await factsDiff(ctx.client)).missingContacts).toBe(2);
    // The restart replays the input: every row is a duplicate, and the facts are mended.
    expect(await ws.ingestFile(ws.file(text, 'crash.ndjson'))).toMatchObject({ accepted: 0, duplicates: 2 });
    await expectExact();
  });
});
