/**
 * contact_fact and rating_fact on a generated history: after `kezek demo` (its bulk path) they
 * equal a recomputation from the raw tables, the KPIs read from them equal the raw KPI query for
 * every window and grouping, and running the demo again changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openContext, type CommandContext } from '../../src/cli/context.ts';
import { fetchKpis, kpiSqlPair, type KpiGroup, type KpiRequest, type KpiResult } from '../../src/server/queries/kpi.ts';
import { fetchKpisFast } from '../../src/server/queries/rollup-kpi.ts';
import { runCli, Workspace } from '../kpi/harness.ts';
import { factsChecksum, factsDiff } from './oracle.ts';

const ws = new Workspace('kpi-facts-demo');
const DEMO = ['demo', '--days', '4', '--end', '2026-03-10', '--seed', '7'];
let ctx: CommandContext;

beforeAll(async () => {
  const r = await runCli([...DEMO, '--db', ws.db, '--config', ws.defaultConfig, '--json']);
  expect(r.code, r.stderr).toBe(0);
  ctx = await openContext({ db: ws.db, config: ws.defaultConfig });
}, 120_000);

function request(by: KpiGroup[], fcrWindowH: number, from = '2026-03-07', to = '2026-03-10'): KpiRequest {
  return { from, to, by, timezone: ctx.config.timezone, kpi: { ...ctx.config.kpi, fcr_window_h: fcrWindowH } };
}

/**
 * Sums of floats (wait, handle time) depend on the order ClickHouse adds them in: rates and means
 * agree to 1e-9 (relative); counts, groups and flags exactly.
 */
function expectSame(actual: KpiResult, expected: KpiResult, label = ''): void {
  const tolerant = (r: KpiResult) => ({
    ...r,
    rows: r.rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([, v]) => typeof v !== 'number' || Number.isInteger(v))),
    ),
  });
  expect(tolerant(actual), label).toEqual(tolerant(expected));
  actual.rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) {
      const want = (expected.rows[i] as unknown as Record<string, unknown>)[k];
      if (typeof v === 'number' && !Number.isInteger(v))
        expect(Math.abs(v - Number(want)), `${label} ${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
    }
  });
}

/** The KPIs with ratings and FCR from the raw tables only (kpi-ratings-raw.sql, kpi-fcr-raw.sql). */
async function rawKpis(req: KpiRequest) {
  const { raw } = kpiSqlPair(req.by);
  return fetchKpis(ctx.client, req, { facts: raw, raw });
}

describe('facts after kezek demo', () => {
  it('equal a recomputation from the raw tables', async () => {
    const diff = await factsDiff(ctx.client);
    expect(diff.contacts).toBeGreaterThan(50_000);
    expect(diff.ratings).toBeGreaterThan(10_000);
    expect(diff).toMatchObject({ missingContacts: 0, extraContacts: 0, missingRatings: 0, extraRatings: 0 });
  });

  it('give the raw KPI numbers for every grouping and FCR window', async () => {
    const groupings: KpiGroup[][] = [[], ['day'], ['queue', 'language'], ['agent'], ['site', 'channel']];
    for (const by of groupings) {
      for (const hours of [24, 72, 100]) {
        const req = request(by, hours);
        const [facts, raw] = await Promise.all([fetchKpis(ctx.client, req), rawKpis(req)]);
        expect(facts.rows.length).toBeGreaterThan(0);
        expectSame(facts, raw, `${by.join(',')} ${hours} h`);
      }
    }
  });

  it('give the raw numbers through the dashboards rollup path, with filters', async () => {
    const req = { ...request(['day', 'queue'], 72), filters: { languages: ['kk'] } };
    const [fast, raw] = await Promise.all([fetchKpisFast(ctx.client, req), rawKpis(req)]);
    const { source, ...result } = fast;
    expect(source).toBe('interval');
    expectSame(result, raw);
  });

  it('fall back to the raw query for a window past the horizon, with the same numbers', async () => {
    const req = request(['day'], 24 * 30);
    expectSame(await fetchKpis(ctx.client, req), await rawKpis(req));
  });

  it('do not change when the demo runs again', async () => {
    const before = await factsChecksum(ctx.client);
    const r = await runCli([...DEMO, '--db', ws.db, '--config', ws.defaultConfig, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ accepted: 0 });
    expect(await factsChecksum(ctx.client)).toEqual(before);
    expect(await factsDiff(ctx.client)).toMatchObject({
      missingContacts: 0,
      extraContacts: 0,
      missingRatings: 0,
      extraRatings: 0,
    });
  }, 120_000);
});
