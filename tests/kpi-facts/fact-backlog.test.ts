/**
 * The contact and rating facts of ingested rows are refreshed for many batches at once
 * (fact-backlog.ts): when enough records wait, a while after a batch at the latest, or when the
 * writer is done; a failed refresh keeps its notes for the next one; and a process that dies
 * between a batch and its refresh leaves a note that the next process to open the database
 * refreshes. After each step the facts equal the oracle's recomputation from the raw tables.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCallerHasher } from '../../ingest/caller-hash.ts';
import { parseNdjsonLine } from '../../ingest/formats/kezek-native.ts';
import { openContext, type CommandContext } from '../../src/cli/context.ts';
import type { EventByKind, EventKind } from '../../src/domain/events.ts';
import { openDatabase } from '../../src/server/open-database.ts';
import { FactBacklog } from '../../src/server/queries/fact-backlog.ts';
import { deleteCalls, storedVisitEntries } from '../../src/server/queries/replace-calls.ts';
import { rollupDisagreements } from '../../src/server/queries/rollup.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';
import { insertRecords } from '../../src/server/queries/store-events.ts';
import { waitFor } from '../ingest-asterisk/helpers.ts';
import { answered, Workspace, type Fields } from '../kpi/harness.ts';
import { factsDiff } from './oracle.ts';

const ws = new Workspace('kpi-facts-backlog');
let ctx: CommandContext;
let hashCaller: (caller: string) => string;

/** Records as the NDJSON pipeline parses them. */
function records<K extends 'calls' | 'ratings'>(kind: K, rows: Fields[]): EventByKind[K][] {
  return rows.map((row) => {
    const outcome = parseNdjsonLine(kind as EventKind, JSON.stringify(row), { hashCaller, queues: {} });
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.records[0].row as EventByKind[K];
  });
}

/** A contact answered at `hour`, its caller's repeat two hours later, and a rating of the first. */
function batch(id: string, hour: number) {
  const at = (h: number) => `2026-04-02T${String(h).padStart(2, '0')}:00:00Z`;
  const caller = `+7702${id.replace(/\D/g, '').padStart(7, '0')}`;
  return {
    visits: records('calls', [
      answered(id, 'q', at(hour), 10, { caller }),
      answered(`${id}-r`, 'q', at(hour + 2), 10, { caller }),
    ]),
    ratings: records('ratings', [{ call_id: id, score: 4, rated_at: at(hour + 1) }]),
  };
}

/** Stores a batch as an EventWriter does: the note first, then the rows; returns the note. */
async function store(backlog: FactBacklog, b: ReturnType<typeof batch>) {
  const note = (await backlog.note(b.visits, b.ratings))!;
  await insertRecords(ctx.client, 'calls', b.visits, 'backlog-test');
  await insertRecords(ctx.client, 'ratings', b.ratings, 'backlog-test');
  return note;
}

const pendingNotes = async (client: ClickHouseClient) => {
  const rs = await client.query({
    query: 'SELECT count() AS n FROM fact_backlog FINAL WHERE done = 0',
    format: 'JSONEachRow',
  });
  return Number((await rs.json<{ n: number }>())[0].n);
};

const missing = async () => {
  const d = await factsDiff(ctx.client);
  return d.missingContacts + d.extraContacts + d.missingRatings + d.extraRatings;
};

beforeAll(async () => {
  ctx = await openContext({ db: ws.db, config: ws.defaultConfig });
  hashCaller = createCallerHasher(await callerSalt(ctx.client));
});

describe('the fact backlog', () => {
  it('refreshes when enough records wait, in the step that stores the batch reaching them', async () => {
    // Each batch holds 3 records (2 visits, 1 rating): the second reaches 6.
    const backlog = new FactBacklog(ctx.client, { records: 6, delayMs: 3_600_000 });
    await backlog.stored(await store(backlog, batch('a1', 4)));
    expect(await missing()).toBeGreaterThan(0);
    await backlog.stored(await store(backlog, batch('a2', 8)));
    expect(await missing()).toBe(0);
    expect(await pendingNotes(ctx.client)).toBe(0);
  });

  it('refreshes a stored batch after the delay without another write', async () => {
    const backlog = new FactBacklog(ctx.client, { records: 1_000, delayMs: 200 });
    await backlog.stored(await store(backlog, batch('b1', 12)));
    expect(await missing()).toBeGreaterThan(0);
    await waitFor(async () => (await missing()) === 0, 10_000, 'the delayed refresh');
    expect(await pendingNotes(ctx.client)).toBe(0);
  });

  it('keeps the notes of a failed refresh for the next one', async () => {
    const backlog = new FactBacklog(ctx.client, { records: 1_000, delayMs: 3_600_000 });
    await backlog.stored(await store(backlog, batch('c1', 14)));
    const command = ctx.client.command;
    ctx.client.command = (async () => {
      throw new Error('injected: the database refused this statement');
    }) as ClickHouseClient['command'];
    try {
      await expect(backlog.refresh()).rejects.toThrow(/injected/);
    } finally {
      ctx.client.command = command;
    }
    expect(await missing()).toBeGreaterThan(0);
    expect(await pendingNotes(ctx.client)).toBe(1);
    await backlog.refresh();
    expect(await missing()).toBe(0);
    expect(await pendingNotes(ctx.client)).toBe(0);
  });

  it('tries a failed background refresh again after the delay', async () => {
    const backlog = new FactBacklog(ctx.client, { records: 1_000, delayMs: 200 });
    const command = ctx.client.command;
    let failures = 0;
    ctx.client.command = (async (params: Parameters<ClickHouseClient['command']>[0]) => {
      if (failures === 0 && /contact_fact/.test(params.query)) {
        failures++;
        throw new Error('injected: the database refused this statement');
      }
      return command.call(ctx.client, params);
    }) as ClickHouseClient['command'];
    try {
      await backlog.stored(await store(backlog, batch('e1', 18)));
      await waitFor(() => failures === 1, 10_000, 'the first, failing refresh');
      await waitFor(async () => (await missing()) === 0, 10_000, 'the refresh tried again');
    } finally {
      ctx.client.command = command;
    }
    expect(await pendingNotes(ctx.client)).toBe(0);
  });

  it('leaves a note when the process dies before the refresh, which the next opening of the database refreshes', async () => {
    // The "dead" writer: its batch is stored, its refresh never comes.
    await store(new FactBacklog(ctx.client), batch('d1', 16));
    expect(await missing()).toBeGreaterThan(0);
    expect(await pendingNotes(ctx.client)).toBe(1);
    const next = await openDatabase(ctx.target);
    expect(await pendingNotes(next)).toBe(0);
    expect(await missing()).toBe(0);
  });

  it('rebuilds the rollups of replaced visits, also when the writer died before its refresh', async () => {
    const b = batch('r1', 18);
    const backlog = new FactBacklog(ctx.client);
    const first = (await backlog.note(b.visits, []))!;
    await insertRecords(ctx.client, 'calls', b.visits, 'backlog-test');
    await backlog.stored(first);
    await backlog.refresh();
    expect(await missing()).toBe(0);
    // An amended call (the CDR writer's replaceCall): its stored visit goes, its new one comes in.
    const [old] = b.visits;
    const amended = { ...old, answeredAtMs: null, waitSeconds: 60, agentId: '', talkSeconds: 0 };
    const note = (await backlog.note([amended], [], await storedVisitEntries(ctx.client, [old.callId])))!;
    expect(note.rollupMonths).toEqual([202604]);
    await deleteCalls(ctx.client, 'contact_fact', [old.callId]);
    await deleteCalls(ctx.client, 'call', [old.callId]);
    await insertRecords(ctx.client, 'calls', [amended], 'backlog-test');
    // The rollups summed the old visit and the new one: one offered too many on 2026-04-02.
    const april = [Date.UTC(2026, 3, 1), Date.UTC(2026, 4, 1)] as const;
    expect(await rollupDisagreements(ctx.client, ...april)).toContainEqual(
      expect.objectContaining({ table: 'call_interval', day: '2026-04-02', field: 'offered' }),
    );
    // The writer dies here; the next opening of the database rebuilds April from `call`.
    const next = await openDatabase(ctx.target);
    expect(await pendingNotes(next)).toBe(0);
    expect(await rollupDisagreements(ctx.client, ...april)).toEqual([]);
    expect(await missing()).toBe(0);
  });

  it("rebuilds the rollups a dead writer's batch may have missed (its views' inserts after the table's)", async () => {
    const b = batch('v1', 20);
    // The dead writer: its note and its visits are stored, the rollup rows of the visits are not.
    await store(new FactBacklog(ctx.client), b);
    const day = [Date.UTC(2026, 3, 2), Date.UTC(2026, 3, 3)] as const;
    for (const table of ['call_interval', 'call_agent_hour']) {
      const time = table === 'call_interval' ? 'interval_start' : 'hour_start';
      await ctx.client.command({ query: `DELETE FROM ${table} WHERE ${time} >= '2026-04-02 20:00:00'` });
    }
    expect(await rollupDisagreements(ctx.client, ...day)).toContainEqual(
      expect.objectContaining({ table: 'call_agent_hour', day: '2026-04-02', field: 'offered' }),
    );
    const next = await openDatabase(ctx.target);
    expect(await pendingNotes(next)).toBe(0);
    expect(await rollupDisagreements(ctx.client, ...day)).toEqual([]);
  });
});
