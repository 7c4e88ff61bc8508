/**
 * Lanes of the embedded engine (concurrentClient): other connections to the same data, whose
 * parameters are written into the SQL. The values a lane binds must mean what the main
 * connection's bound parameters mean, for every type the writers use.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../cli/context.ts';
import { Workspace } from '../../../tests/kpi/harness.ts';
import { concurrentClient, engineOf, isEmbeddedClient, type ClickHouseClient } from './client.ts';

const ws = new Workspace('lanes');
let main: ClickHouseClient;
let lane: ClickHouseClient;

beforeAll(async () => {
  main = (await openContext({ db: ws.db, config: ws.defaultConfig })).client;
  lane = concurrentClient(main, 'test');
}, 60_000);

const one = async (client: ClickHouseClient, query: string, params: Record<string, unknown>) => {
  const rs = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return (await rs.json<Record<string, unknown>>())[0];
};

describe('a lane of the embedded engine', () => {
  it('is the same engine: one lane per name, embedded, the main client behind it', () => {
    expect(concurrentClient(main, 'test')).toBe(lane);
    expect(concurrentClient(main, 'other')).not.toBe(lane);
    expect(isEmbeddedClient(lane)).toBe(true);
    expect(engineOf(lane)).toBe(main);
    expect(engineOf(main)).toBe(main);
  });

  it('sees the rows the main connection writes, and the other way round', async () => {
    await main.command({ query: 'CREATE TABLE lane_rows (k String, n UInt32) ENGINE = MergeTree ORDER BY k' });
    await main.command({ query: 'INSERT INTO lane_rows VALUES ({k:String}, 1)', query_params: { k: 'main' } });
    await lane.command({ query: 'INSERT INTO lane_rows VALUES ({k:String}, 2)', query_params: { k: 'lane' } });
    const count = 'SELECT groupArray(k) AS ks FROM (SELECT k FROM lane_rows ORDER BY k)';
    expect(await one(lane, count, {})).toEqual({ ks: ['lane', 'main'] });
    expect(await one(main, count, {})).toEqual({ ks: ['lane', 'main'] });
  });

  it('binds every writer type as the main connection does, tricky strings included', async () => {
    const params = {
      s: "it's a \\ back\tslash\nline \u0001 қазақ 🙂",
      t: '2026-03-01 23:59:59.123',
      ids: ["a'b", 'c\\d', ''],
      ns: [1, -2, 9007199254740991],
      u: 18446744073709551615n,
      f: 0.1,
      z: null,
    };
    const query = `SELECT {s:String} AS s, length({s:String}) AS len, toString({t:DateTime64(3, 'UTC')}) AS t,
                          {ids:Array(String)} AS ids, {ns:Array(Int64)} AS ns, toString({u:UInt64}) AS u,
                          {f:Float64} AS f, {z:Nullable(String)} AS z`;
    const bound = await one(main, query, params);
    expect(bound.s).toBe(params.s); // the reference: the engine's own binding
    expect(await one(lane, query, params)).toEqual(bound);
  });

  it('fails as the main connection does on a placeholder without a value, and not on one in a comment', async () => {
    const query = '-- {note:String}\nSELECT {v:UInt8} AS v';
    await expect(one(main, query, { x: 1 })).rejects.toThrow('Substitution `v` is not set');
    await expect(one(lane, query, { x: 1 })).rejects.toThrow('Substitution `v` is not set');
    expect(await one(lane, query, { v: 3 })).toEqual({ v: 3 });
  });

  it('keeps the values of a query too long with them written in bound (it still runs)', async () => {
    // 40,000 ids of 12 characters: ~600 KB as literals, over the engine's max_query_size.
    const ids = Array.from({ length: 40_000 }, (_, i) => `id-${String(i).padStart(9, '0')}`);
    const query = 'SELECT count() AS n, max(id) AS last FROM (SELECT arrayJoin({ids:Array(String)}) AS id)';
    expect(await one(lane, query, { ids })).toEqual({ n: 40_000, last: 'id-000039999' });
  });
});
