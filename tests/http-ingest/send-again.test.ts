/**
 * `kezek ingest FILE --server URL`: a file the server could not store (5xx) is sent again whole,
 * a few times, before the command gives up; a refusal (4xx) is not repeated. Against a small
 * HTTP server of the test's own that answers as told and keeps every body it received (gunzipped),
 * so the resent bodies can be compared with the file.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendDelaysMs } from '../../src/cli/commands/ingest.ts';
import { runCli, Workspace } from '../kpi/harness.ts';

const ws = new Workspace('send-again');
const lines = Array.from({ length: 50 }, (_, i) =>
  JSON.stringify({
    call_id: `c${i}`,
    queue: 'q',
    entered_at: '2026-11-01T06:00:00Z',
    ended_at: '2026-11-01T06:01:00Z',
  }),
);
const file = ws.file(lines.join('\n') + '\n', 'calls.ndjson');
const STORED = { read: 50, accepted: 50, duplicates: 0, rejected: 0, rejects: [] };

/** What the stub answers, request by request (the last one repeats). */
let answers: { status: number; body: unknown }[] = [];
let bodies: string[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(gunzipSync(Buffer.concat(chunks)).toString('utf8'));
      const { status, body } = answers[Math.min(bodies.length - 1, answers.length - 1)];
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Tries for `retryFor` s: by default 4 tries, after 0.5, 1 and 0.5 s (resendDelaysMs). */
const send = (retryFor = '2') =>
  runCli([
    ...['ingest', file, '--server', url, '--token', 'kzk_test'],
    ...['--retry-for', retryFor, '--format', 'kezek-ndjson', '--json'],
  ]);

describe('resendDelaysMs', () => {
  it('waits 0.5 s, doubling up to 8 s, the waits adding up to --retry-for', () => {
    expect(resendDelaysMs(0)).toEqual([]);
    expect(resendDelaysMs(2)).toEqual([500, 1000, 500]); // QA: --retry-for 3 gave up after 1.5 s
    expect(resendDelaysMs(3)).toEqual([500, 1000, 1500]);
    // The default 60 s: 0.5 + 1 + 2 + 4 + 8 × 6 = 55.5, and 4.5 more. QA measured a busy
    // `kezek serve` taking 15 s to stop and 6 s to start.
    expect(resendDelaysMs(60)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000, 8000, 4500]);
    expect(resendDelaysMs(60).reduce((a, b) => a + b)).toBe(60_000);
  });
});

describe('kezek ingest --server when the server cannot store a file', () => {
  it('sends the whole file again and reports the answer of the try that stored it', async () => {
    bodies = [];
    answers = [
      { status: 500, body: { error: 'storing this request failed (disk full): send it again' } },
      { status: 200, body: STORED },
    ];
    const r = await send();
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(STORED);
    expect(bodies).toEqual([lines.join('\n') + '\n', lines.join('\n') + '\n']);
    expect(r.stderr).toContain('answered 500: storing this request failed (disk full)');
    expect(r.stderr).toContain(`sending ${file} again in 0.5 s (try 2 of 4)`);
  });

  it("gives up after 4 tries with the server's message", async () => {
    bodies = [];
    answers = [{ status: 503, body: { error: 'the database is busy' } }];
    const r = await send();
    expect(r.code).toBe(1);
    expect(bodies.length).toBe(4);
    expect(r.stderr).toContain(`sending ${file} again in 0.5 s (try 4 of 4)`);
    expect(r.stderr).toContain('answered 503: the database is busy');
  });

  it('sends again while the server cannot be reached (a restart) and stores the file once it is back', async () => {
    bodies = [];
    answers = [{ status: 200, body: STORED }];
    const { port } = server.address() as AddressInfo;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const sending = send('5'); // tries at 0, 0.5, 1.5, 3.5 and 5 s
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const r = await sending;
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(STORED);
    expect(bodies).toEqual([lines.join('\n') + '\n']);
    expect(r.stderr).toContain(`cannot reach ${url}`);
    expect(r.stderr).toContain(`sending ${file} again in 0.5 s (try 2 of 5)`);
  });

  it('does not repeat a refused request (4xx): exit 2 with its message', async () => {
    bodies = [];
    answers = [{ status: 401, body: { error: 'unknown or revoked token' } }];
    const r = await send();
    expect(r.code).toBe(2);
    expect(bodies.length).toBe(1);
    expect(r.stderr).toContain('unknown or revoked token');
  });
});
