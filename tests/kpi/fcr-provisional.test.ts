/**
 * DESIGN §5: `fcr_provisional` is true for a row holding an eligible contact that ended less than
 * fcr_window_h [72] hours before the latest ended_at stored (its repeats may still come).
 * Its own file and database: the flag depends on the latest ended_at of everything stored.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { abandoned, answered, plusMs, Workspace } from './harness.ts';

const ws = new Workspace('fcr-provisional');
const H72_MS = 72 * 3600 * 1000;

// answered(...) ends 60 s after the answer: p-old ends 04:01:10.000Z, p-new 1 ms later.
const P_OLD_END = '2026-03-20T04:01:10.000Z';
const LATEST_END = plusMs(P_OLD_END, H72_MS); // 2026-03-23T04:01:10.000Z

beforeAll(async () => {
  const summary = await ws.ingest([
    answered('p-old', 'q-old', '2026-03-20T04:00:00.000Z', 10, { caller: '+77020000001' }),
    answered('p-new', 'q-new', '2026-03-20T04:00:00.001Z', 10, { caller: '+77020000002' }),
    // Answered recently, but by an unknown caller: not eligible, so it makes no row provisional.
    answered('p-anon', 'q-anon', '2026-03-22T04:00:00Z', 10, { caller: 'anonymous' }),
    // The latest ended_at stored: exactly 72 h after p-old ended, 72 h − 1 ms after p-new.
    abandoned('p-last', 'q-last', plusMs(LATEST_END, -10_000), 10),
  ]);
  expect(summary).toMatchObject({ accepted: 4, rejected: 0 });
});

describe('fcr_provisional', () => {
  it('is true only for rows with an eligible contact that ended less than 72 h before the latest end', async () => {
    const rows = await ws.byGroup({ from: '2026-03-20', to: '2026-03-23', by: 'queue' });
    expect(rows['q-old'].fcr_provisional).toBe(false); // latest − ended = exactly 72 h: not less
    expect(rows['q-new'].fcr_provisional).toBe(true); //  72 h − 1 ms
    expect(rows['q-anon'].fcr_provisional).toBe(false); // no eligible contact
    expect(rows['q-last'].fcr_provisional).toBe(false); // unanswered: no eligible contact
    // The day row holds p-new, so it is provisional as a whole.
    expect((await ws.total({ from: '2026-03-20' })).fcr_provisional).toBe(true);
  });

  it('clears when later data moves the latest ended_at past the window', async () => {
    // One more visit ending 1 ms later: p-new ended exactly 72 h before the new latest end.
    await ws.ingest([abandoned('p-later', 'q-last', plusMs(LATEST_END, -9_999), 10)]);
    const rows = await ws.byGroup({ from: '2026-03-20', by: 'queue' });
    expect(rows['q-new'].fcr_provisional).toBe(false);
    expect((await ws.total({ from: '2026-03-20' })).fcr_provisional).toBe(false);
  });

  it('follows fcr_window_h from --config', async () => {
    // With a 96 h window both contacts ended less than 96 h before the latest end.
    const config = ws.config({ kpi: { fcr_window_h: 96 } });
    const rows = await ws.byGroup({ from: '2026-03-20', by: 'queue', config });
    expect(rows['q-old'].fcr_provisional).toBe(true);
    expect(rows['q-new'].fcr_provisional).toBe(true);
  });
});
