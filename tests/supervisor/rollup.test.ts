/**
 * The rollups of 0004_rollups.sql equal a recomputation from raw visits: the KPI engine read
 * through them (fetchKpisFast) gives `kezek kpi`'s numbers for every grouping they serve, also
 * after re-ingest; a duplicate that bypasses the ingest dedupe is found and repaired.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openContext, type CommandContext } from '../../src/cli/context.ts';
import type { KpiRow } from '../../src/domain/kpi/kpi-row.ts';
import { fetchKpis, type KpiGroup } from '../../src/server/queries/kpi.ts';
import { fetchKpisFast } from '../../src/server/queries/rollup-kpi.ts';
import { rebuildRollupMonths, rollupDisagreements } from '../../src/server/queries/rollup.ts';
import { regroup, sumKpiRows } from '../../src/server/supervisor-sum.ts';
import { abandoned, answered, ndjson, Workspace } from '../kpi/harness.ts';

const ws = new Workspace('rollup');
let ctx: CommandContext;
// Two local days in Asia/Almaty (UTC+5); 2026-03-09T18:50Z is 23:50 local, the last interval of the 9th.
const calls = [
  answered('a1', '1414-ru', '2026-03-09T04:00:00.000Z', 20, {
    caller: 'c1',
    agent_id: 'ag1',
    site: 'Astana',
    language: 'ru',
    talk_s: 100,
    hold_s: 5,
    wrap_s: 10,
  }),
  answered('a2', '1414-ru', '2026-03-09T04:05:00.000Z', 20.001, {
    caller: 'c2',
    agent_id: 'ag2',
    site: 'Taraz',
    language: 'ru',
    talk_s: 50,
    transferred: true,
  }),
  answered('a2', '1414-kk', '2026-03-09T04:07:00.000Z', 3, {
    caller: 'c2',
    agent_id: 'ag3',
    site: 'Taraz',
    language: 'kk',
    talk_s: 70,
  }),
  abandoned('b1', '1414-ru', '2026-03-09T04:10:00.000Z', 4.999, { caller: 'c3', site: 'Astana', language: 'ru' }),
  abandoned('b2', '1414-ru', '2026-03-09T04:11:00.000Z', 5, { caller: 'c3', site: 'Astana', language: 'ru' }),
  abandoned('b3', '1414-kk', '2026-03-09T18:50:00.000Z', 30, { caller: 'c4', language: 'kk', channel: 'chat' }),
  answered('s1', '1414-bot', '2026-03-09T20:00:00.000Z', 0, { self_service: true, caller: 'c5' }),
  answered('k1', '1414-ru', '2026-03-10T05:00:00.000Z', 1, {
    callback: true,
    caller: 'c1',
    agent_id: 'ag1',
    site: 'Astana',
    language: 'ru',
  }),
  answered('a3', '1414-ru', '2026-03-10T05:30:00.000Z', 45.5, {
    caller: 'c1',
    agent_id: 'ag2',
    site: 'Taraz',
    language: 'ru',
    talk_s: 33.3,
    hold_s: 0.1,
  }),
];
const ratings = [
  { call_id: 'a1', score: 5, rated_at: '2026-03-09T04:10:00Z' },
  { call_id: 'a2', score: 2, rated_at: '2026-03-09T05:00:00Z' },
  { call_id: 'a3', score: 4, rated_at: '2026-03-10T06:00:00Z', agent_id: 'ag9' },
];
const callsFile = ws.file(ndjson(calls), 'calls.ndjson');
const GROUPINGS: KpiGroup[][] = [
  [],
  ['day'],
  ['hour'],
  ['interval'],
  ['queue', 'language'],
  ['site', 'channel'],
  ['agent'],
  ['day', 'agent', 'queue'],
];

/**
 * Counts compare exactly; sums of seconds are Float64 added in another order in a rollup, so
 * means agree to 12 significant digits (e.g. 10.6 vs 10.600000000000001), far below display.
 */
const close = (rows: KpiRow[]) =>
  rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(12)) : v])),
  );

async function both(by: KpiGroup[], filters = {}): Promise<[KpiRow[], KpiRow[], string]> {
  const req = { from: '2026-03-09', to: '2026-03-10', by, filters, timezone: ctx.config.timezone, kpi: ctx.config.kpi };
  const [raw, fast] = await Promise.all([fetchKpis(ctx.client, req), fetchKpisFast(ctx.client, req)]);
  return [close(raw.rows) as KpiRow[], close(fast.rows) as KpiRow[], fast.source];
}

beforeAll(async () => {
  await ws.ingestFile(callsFile);
  await ws.ingest(ratings, 'ratings');
  ctx = await openContext({ db: ws.db, config: ws.defaultConfig });
});

describe('rollups', () => {
  it('serve the day view: a query by queue × language × site × channel adds up to the total and to each breakdown', async () => {
    const [detail] = await both(['queue', 'language', 'site', 'channel']);
    const [total] = await both([]);
    expect(close([sumKpiRows(detail)])).toEqual(total);
    for (const g of ['queue', 'site'] as const) {
      const [byGroup] = await both([g]);
      expect(close(regroup(detail, g))).toEqual(byGroup);
    }
  });

  it('give the numbers of the raw KPI query for every grouping they serve', async () => {
    for (const by of GROUPINGS) {
      const [raw, fast, source] = await both(by);
      expect(source, by.join(',')).toBe(
        by.includes('interval') && by.includes('agent') ? 'raw' : by.includes('agent') ? 'agentHour' : 'interval',
      );
      expect(fast, by.join(',')).toEqual(raw);
    }
    const [rawFiltered, fastFiltered] = await both([], { sites: ['Taraz'], agents: ['ag2'] });
    expect(fastFiltered).toEqual(rawFiltered);
    const [raw] = await both([]);
    // Hand count for 2026-03-09..10 (DESIGN §5): offered = a1, a2 ×2 visits, b1, b2, b3, a3 = 7;
    // b1 (4.999 s) is a short abandon, b2 (5 s) neither, b3 (30 s) lost; within 20 s: a1 (20 s), a2-kk (3 s).
    expect(raw[0]).toMatchObject({
      offered: 7,
      answered: 4,
      short_abandoned: 1,
      lost: 1,
      answered_within_sl: 2,
      self_service: 1,
      callbacks: 1,
      transferred: 1,
    });
  });

  it('agree with a recomputation from call FINAL, also after the same file is ingested again', async () => {
    const again = await ws.ingestFile(callsFile);
    expect(again.accepted).toBe(0);
    expect(
      await rollupDisagreements(ctx.client, Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z')),
    ).toEqual([]);
    const [raw, fast] = await both(['interval']);
    expect(fast).toEqual(raw);
  });

  it('find a duplicate that bypassed the ingest dedupe and are rebuilt to agree again', async () => {
    const dup = {
      call_id: 'b3',
      queue: '1414-kk',
      channel: 'chat',
      language: 'kk',
      site: '',
      caller_hash: '',
      entered_at: '2026-03-09 18:50:00.000',
      answered_at: null,
      ended_at: '2026-03-09 18:50:30.000',
      wait_s: 30,
      agent_id: '',
      talk_s: 0,
      hold_s: 0,
      wrap_s: 0,
      transferred: false,
      callback: false,
      self_service: false,
      topic: '',
      source: 'test',
    };
    await ctx.client.insert({ table: 'call', values: [dup], format: 'JSONEachRow' });
    const found = await rollupDisagreements(
      ctx.client,
      Date.parse('2026-03-01T00:00:00Z'),
      Date.parse('2026-04-01T00:00:00Z'),
    );
    expect(found).toContainEqual({ table: 'call_interval', day: '2026-03-09', field: 'lost', rollup: 2, raw: 1 });
    await rebuildRollupMonths(ctx.client, [202603]);
    expect(
      await rollupDisagreements(ctx.client, Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-04-01T00:00:00Z')),
    ).toEqual([]);
    // Once `call` has merged the duplicate away, raw and rollup KPIs agree again.
    await ctx.client.command({ query: 'OPTIMIZE TABLE call FINAL' });
    const [raw, fast] = await both(['queue']);
    expect(fast).toEqual(raw);
    expect(raw.find((r) => r.group.queue === '1414-kk')?.lost).toBe(1);
  });
});
