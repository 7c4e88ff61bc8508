/**
 * DESIGN §4: re-sending the same input never double counts. A second ingest of the same files
 * (or of the same rows in the other native format, or of a file repeating a row) reports the
 * rows as duplicates and changes no KPI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiRow } from '../../src/domain/kpi/kpi-row.ts';
import { ndjson, sameKpis, Workspace } from '../kpi/harness.ts';
import { GROUPINGS, SAMPLE_FROM, SAMPLE_TO, sampleEvents } from './sample-events.ts';

const ws = new Workspace('reingest');
const { calls, ratings } = sampleEvents();
const callsFile = ws.file(ndjson(calls), 'calls.ndjson');
const ratingsFile = ws.file(ndjson(ratings), 'ratings.ndjson');

async function snapshot(): Promise<Record<string, KpiRow[]>> {
  const out: Record<string, KpiRow[]> = {};
  for (const by of GROUPINGS) out[by] = await ws.kpi({ from: SAMPLE_FROM, to: SAMPLE_TO, by: by || undefined });
  return out;
}

let before: Record<string, KpiRow[]>;

function expectUnchanged(now: Record<string, KpiRow[]>): void {
  for (const by of GROUPINGS) {
    if (!sameKpis(now[by], before[by])) expect({ by, rows: now[by] }).toEqual({ by, rows: before[by] });
  }
}

beforeAll(async () => {
  expect(await ws.ingestFile(callsFile, 'calls')).toMatchObject({
    read: calls.length,
    accepted: calls.length,
    duplicates: 0,
    rejected: 0,
  });
  expect(await ws.ingestFile(ratingsFile, 'ratings')).toMatchObject({
    read: ratings.length,
    accepted: ratings.length,
    rejected: 0,
  });
  before = await snapshot();
  // The sample is not trivial: every kind of row is there.
  const [total] = before[''];
  expect(total.offered).toBeGreaterThan(100);
  expect(total.ratings).toBeGreaterThan(30);
  expect(total.callbacks * total.self_service * total.transferred * total.short_abandoned * total.lost).toBeGreaterThan(
    0,
  );
});

describe('re-ingest', () => {
  it('reports every row of a re-sent file as a duplicate and changes no KPI', async () => {
    expect(await ws.ingestFile(callsFile, 'calls')).toEqual({
      read: calls.length,
      accepted: 0,
      duplicates: calls.length,
      rejected: 0,
      rejects: [],
    });
    expect(await ws.ingestFile(ratingsFile, 'ratings')).toEqual({
      read: ratings.length,
      accepted: 0,
      duplicates: ratings.length,
      rejected: 0,
      rejects: [],
    });
    expectUnchanged(await snapshot());
  });

  it('treats the same rows in kezek-csv as duplicates too', async () => {
    const csv = await ws.exportText('calls', 'kezek-csv');
    expect(await ws.ingestFile(ws.file(csv, 'calls.csv'), 'calls', 'kezek-csv')).toMatchObject({
      accepted: 0,
      duplicates: calls.length,
    });
    expectUnchanged(await snapshot());
  });

  it('stores only the new rows of a file that overlaps the stored ones', async () => {
    const extra = {
      call_id: 'new-1',
      queue: 'q-vip',
      entered_at: '2026-03-03T04:00:00Z',
      ended_at: '2026-03-03T04:00:40Z',
    };
    const summary = await ws.ingest([...calls.slice(0, 10), extra, extra]);
    // 10 stored rows + the new row once; its second copy is a duplicate within the same input.
    expect(summary).toMatchObject({ read: 12, accepted: 1, duplicates: 11, rejected: 0 });
    const [total] = await ws.kpi({ from: SAMPLE_FROM, to: SAMPLE_TO });
    expect(total.offered).toBe(before[''][0].offered + 1);
    expect(total.lost).toBe(before[''][0].lost + 1); // a 40 s abandon
  });
});
