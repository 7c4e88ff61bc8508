/**
 * Issue 3: "back-pressure instead of unbounded memory when the database is slower than the
 * senders". The server's batching writer stores one full batch while the next fills; a sender
 * that finds the next one full too stops reading its body until the first is stored. Here the
 * database holds the first batch's insert until the test lets it go: the body (three batches of
 * NDJSON calls, produced only as it is read) must stall after about two batches, then be stored
 * whole once the insert goes through.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG, waitFor } from '../ingest-asterisk/helpers.ts';
import { Workspace } from '../kpi/harness.ts';
import type { ClickHouseClient } from '../../src/server/clickhouse/client.ts';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { migrate } from '../../src/server/clickhouse/migrate.ts';
import { databaseTarget, loadConfig } from '../../src/server/config.ts';
import { IngestBatcher, MAX_BATCH_ROWS } from '../../src/server/ingest-batcher.ts';
import { ingestBody } from '../../src/server/ingest-request.ts';
import { callerSalt } from '../../src/server/queries/installation.ts';

const ws = new Workspace('http-back-pressure');
const ROWS = 3 * MAX_BATCH_ROWS;
const CHUNK_ROWS = 1000;

let client: ClickHouseClient;
let batcher: IngestBatcher;
/** Set while the next insert into `call` is to wait for `release`. */
let hold: { reached: boolean; release: Promise<void> } | null = null;
let release = () => {};

beforeAll(async () => {
  const target = databaseTarget({ db: ws.db });
  client = await openClient(target);
  await migrate(client);
  const command = client.command;
  client.command = (async (params: Parameters<ClickHouseClient['command']>[0]) => {
    if (hold && !hold.reached && params.query.startsWith('INSERT INTO call (')) {
      hold.reached = true;
      await hold.release;
    }
    return command.call(client, params);
  }) as ClickHouseClient['command'];
  const ctx = { client, config: loadConfig(ws.config(CONFIG)), target };
  batcher = await new IngestBatcher(ctx, await callerSalt(client)).open();
});

/** NDJSON calls, made a chunk at a time as the reader pulls them; `pulled` counts the rows made. */
function callsBody() {
  const state = { pulled: 0 };
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= ROWS) return controller.close();
        const lines: string[] = [];
        for (let i = 0; i < CHUNK_ROWS; i++, state.pulled++) {
          const at = Date.UTC(2026, 9, 1) + state.pulled * 1000;
          lines.push(
            JSON.stringify({
              call_id: `bp${state.pulled}`,
              queue: '1414-ru',
              entered_at: new Date(at).toISOString(),
              ended_at: new Date(at + 60_000).toISOString(),
            }),
          );
        }
        controller.enqueue(encoder.encode(lines.join('\n') + '\n'));
      },
    },
    { highWaterMark: 1 },
  );
  return { body, state };
}

describe('HTTP ingest when the database is slower than the sender', () => {
  it('reads about two batches ahead, no more, and stores everything once the database goes on', async () => {
    hold = { reached: false, release: new Promise<void>((resolve) => (release = resolve)) };
    const { body, state } = callsBody();
    const answer = ingestBody(batcher, 'calls', 'kezek-ndjson', body, 'http:calls');
    await waitFor(() => hold!.reached, 60_000, 'the first batch insert');
    // The reader goes on with the next batch while the first is stored, then stops.
    let last = -1;
    await waitFor(
      () => {
        const stalled = state.pulled === last;
        last = state.pulled;
        return stalled && state.pulled > MAX_BATCH_ROWS;
      },
      60_000,
      'the reader to stall',
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(state.pulled).toBe(last); // it stays stalled while the insert is held
    // Two batches, plus what lies between two back-pressure checks (1,000 lines) and a few chunks in flight.
    expect(state.pulled).toBeLessThanOrEqual(2 * MAX_BATCH_ROWS + 5 * CHUNK_ROWS);
    expect(state.pulled).toBeLessThan(ROWS);

    release();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ read: ROWS, accepted: ROWS, duplicates: 0, rejected: 0 });
    const rs = await client.query({
      query: "SELECT count() AS n FROM call WHERE call_id LIKE 'bp%'",
      format: 'JSONEachRow',
    });
    expect((await rs.json<{ n: number }>())[0].n).toBe(ROWS);
  }, 180_000);
});
