/**
 * DESIGN §7: `export` writes stored events in the native format (callers stay hashed) and
 * `ingest` of the output into another database gives the same KPIs. This process holds the first
 * database; the second and third live in child processes (`node bin/kezek.js --db …`), one fed
 * with the NDJSON export, the other with the CSV export. The other database has its own caller
 * salt, so FCR repeats survive only if caller_hash is taken as it is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/domain/kpi/kpi-row.ts';
import { runChild, sameKpis, Workspace } from '../kpi/harness.ts';
import { GROUPINGS, SAMPLE_FROM, SAMPLE_TO, sampleEvents } from './sample-events.ts';

const ws = new Workspace('export-source');
const { calls, ratings } = sampleEvents(240, 2026);

/** KPI rows of every grouping, in the database this process holds. */
async function kpisHere(): Promise<Record<string, KpiRow[]>> {
  const out: Record<string, KpiRow[]> = {};
  for (const by of GROUPINGS) out[by] = await ws.kpi({ from: SAMPLE_FROM, to: SAMPLE_TO, by: by || undefined });
  return out;
}

async function child(args: string[]): Promise<string> {
  const r = await runChild(args);
  if (r.code !== 0) throw new Error(`kezek ${args[0]} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Ingests exported files into a new database in child processes and reads its KPIs there. */
async function kpisInNewDatabase(format: 'kezek-ndjson' | 'kezek-csv', files: { calls: string; ratings: string }) {
  const db = join(mkdtempSync(join(tmpdir(), `kezek-export-target-${format}-`)), 'data');
  const common = ['--db', db, '--config', ws.defaultConfig, '--json'];
  const ingested = {
    calls: JSON.parse(await child(['ingest', files.calls, '--format', format, '--kind', 'calls', ...common])),
    ratings: JSON.parse(await child(['ingest', files.ratings, '--format', format, '--kind', 'ratings', ...common])),
  };
  const kpis: Record<string, KpiRow[]> = {};
  for (const by of GROUPINGS) {
    const args = ['kpi', '--from', SAMPLE_FROM, '--to', SAMPLE_TO, ...common, ...(by ? ['--by', by] : [])];
    kpis[by] = JSON.parse(await child(args)).rows;
  }
  return { ingested, kpis };
}

let source: Record<string, KpiRow[]>;
const exported: Record<string, { calls: string; ratings: string }> = {};
let targets: Record<string, Awaited<ReturnType<typeof kpisInNewDatabase>>>;

beforeAll(async () => {
  await ws.ingest(calls, 'calls');
  await ws.ingest(ratings, 'ratings');
  source = await kpisHere();
  for (const format of ['kezek-ndjson', 'kezek-csv'] as const) {
    const ext = format === 'kezek-csv' ? 'csv' : 'ndjson';
    exported[format] = {
      calls: ws.file(await ws.exportText('calls', format), `export-calls.${ext}`),
      ratings: ws.file(await ws.exportText('ratings', format), `export-ratings.${ext}`),
    };
  }
  // The two new databases are independent: fill and read them side by side.
  const [nd, csv] = await Promise.all([
    kpisInNewDatabase('kezek-ndjson', exported['kezek-ndjson']),
    kpisInNewDatabase('kezek-csv', exported['kezek-csv']),
  ]);
  targets = { 'kezek-ndjson': nd, 'kezek-csv': csv };
});

describe('export → ingest into a new database', () => {
  it('exports hashed callers, never the raw ones', async () => {
    const rows = await ws.exported('calls');
    expect(rows).toHaveLength(calls.length);
    expect(rows.every((r) => !('caller' in r) && typeof r.caller_hash === 'string')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('+7701');
    expect((await ws.exported('ratings')).length).toBe(ratings.length);
  });

  it.each(['kezek-ndjson', 'kezek-csv'] as const)('gives the same KPIs for every grouping (%s)', (format) => {
    const target = targets[format];
    expect(target.ingested.calls).toMatchObject({ read: calls.length, accepted: calls.length, rejected: 0 });
    expect(target.ingested.ratings).toMatchObject({ read: ratings.length, accepted: ratings.length, rejected: 0 });
    for (const by of GROUPINGS) {
      // On a mismatch, show the rows side by side.
      if (!sameKpis(target.kpis[by], source[by]))
        expect({ by, rows: target.kpis[by] }).toEqual({ by, rows: source[by] });
    }
    // FCR is not trivially 1 or null: repeats carried over through caller_hash.
    const [total] = target.kpis[''];
    expect(total.fcr).toBeGreaterThan(0);
    expect(total.fcr).toBeLessThan(1);
  });

  it('re-reads its own export into the same database as duplicates only', async () => {
    const again = await ws.ingestFile(exported['kezek-ndjson'].calls, 'calls');
    expect(again).toMatchObject({ read: calls.length, accepted: 0, duplicates: calls.length, rejected: 0 });
    const after = await kpisHere();
    for (const by of GROUPINGS) expect(sameKpis(after[by], source[by])).toBe(true);
  });
});
