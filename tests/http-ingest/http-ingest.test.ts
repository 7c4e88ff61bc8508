/**
 * HTTP ingest on a running `kezek serve` (issue 3): bearer token required (401 otherwise), gzip
 * bodies, NDJSON and queue_log lines streamed by concurrent senders through the server's one
 * batching writer; a queue_log sent over HTTP gives the KPIs of the same file ingested directly.
 * Needs the built dashboards (CI runs `vite build` first; built here when missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, Workspace } from '../kpi/harness.ts';
import {
  childJson,
  CONFIG,
  kpiArgs,
  randomChunks,
  spawnKezek,
  waitFor,
  type Spawned,
} from '../ingest-asterisk/helpers.ts';
import { queueLogSample } from '../ingest-asterisk/queue-log-sample.ts';

let TOKEN = '';
const ws = new Workspace('http-ingest');
const config = ws.config(CONFIG);
const sample = queueLogSample({ calls: 1000, seed: 21 });
let server: Spawned;
let url: string;

function built(): boolean {
  const manifest = join(REPO_ROOT, '.svelte-kit/output/server/manifest.js');
  return (
    existsSync(join(REPO_ROOT, 'build/handler.js')) &&
    existsSync(manifest) &&
    readFileSync(manifest, 'utf8').includes('api/ingest')
  );
}

beforeAll(async () => {
  if (!built()) execFileSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const created = await childJson<{ token: string }>([
    'tokens',
    'create',
    '--kinds',
    'calls,queue-log',
    '--db',
    ws.db,
    '--config',
    config,
    '--json',
  ]);
  TOKEN = created.token;
  server = spawnKezek(['serve', '--port', '0', '--db', ws.db, '--config', config]);
  await waitFor(() => /http:\/\/\S+/.test(server.stdout()), 60_000, `the server to start (${server.stderr()})`);
  url = /http:\/\/\S+/.exec(server.stdout())![0];
}, 300_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exit;
  }
});

const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    body: body as BodyInit,
    headers: { 'content-type': 'application/x-ndjson', ...headers },
  });
const auth = () => ({ authorization: `Bearer ${TOKEN}` });

describe('POST /api/ingest/*', () => {
  it('answers 401 without a token or with a wrong one, and stores nothing', async () => {
    const line = JSON.stringify({
      call_id: 'x1',
      queue: 'q',
      entered_at: '2026-10-05T04:00:00Z',
      ended_at: '2026-10-05T04:01:00Z',
    });
    const none = await post('/api/ingest/calls', line);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post('/api/ingest/calls', line, { authorization: 'Bearer wrong-token-000000000' })).status).toBe(401);
    expect((await post('/api/ingest/nonsense', line, auth())).status).toBe(404);
  });

  it('takes a gzip NDJSON body and answers with counts and reasons', async () => {
    const lines = [
      JSON.stringify({
        call_id: 'h1',
        queue: '1414-ru',
        entered_at: '2026-10-05T04:00:00Z',
        answered_at: '2026-10-05T04:00:10Z',
        ended_at: '2026-10-05T04:02:00Z',
      }),
      '{"call_id": "broken',
      JSON.stringify({
        call_id: 'h2',
        queue: '1414-kk',
        entered_at: '2026-10-05T04:00:00Z',
        ended_at: '2026-10-05T04:00:40Z',
      }),
    ];
    const body = gzipSync(lines.join('\n') + '\n');
    const res = await post('/api/ingest/calls', body, { ...auth(), 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary).toMatchObject({ read: 3, accepted: 2, duplicates: 0, rejected: 1 });
    expect(summary.rejects[0]).toMatchObject({ file: 'http:calls', line: 2 });
    const again = await (await post('/api/ingest/calls', body, { ...auth(), 'content-encoding': 'gzip' })).json();
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
  });

  it('takes a queue_log in ordered pieces while 3 other senders post calls, each acknowledged with its counts', async () => {
    const chunks = randomChunks(sample.lines, 4, 5).map((chunk, i) =>
      ws.file(chunk.join('\n') + '\n', `part-${i}.log`),
    );
    // One PBX sends its log in order (a visit may span requests); others send at the same time.
    const queueLog = async () => {
      const out = [];
      for (const file of chunks)
        out.push(
          await runCli(['ingest', file, '--server', url, '--token', TOKEN, '--format', 'asterisk-queue-log', '--json']),
        );
      return out;
    };
    const caller = async (sender: number) => {
      const answers = [];
      for (let request = 0; request < 20; request++) {
        const rows = Array.from({ length: 50 }, (_, i) => ({
          call_id: `s${sender}-${request}-${i}`,
          queue: 'web-chat',
          entered_at: `2026-10-0${sender}T05:00:00Z`,
          ended_at: `2026-10-0${sender}T05:01:00Z`,
        }));
        answers.push(
          await (await post('/api/ingest/calls', rows.map((r) => JSON.stringify(r)).join('\n'), auth())).json(),
        );
      }
      return answers;
    };
    const [results, ...senders] = await Promise.all([queueLog(), caller(1), caller(2), caller(3)]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const summaries = results.map((r) => JSON.parse(r.stdout));
    expect(summaries.reduce((sum, s) => sum + s.read, 0)).toBe(sample.lines.length);
    expect(summaries.reduce((sum, s) => sum + s.accepted, 0)).toBe(sample.distinctLines);
    expect(summaries.every((s) => s.rejected === 0)).toBe(true);
    for (const answers of senders)
      for (const a of answers) expect(a).toMatchObject({ read: 50, accepted: 50, rejected: 0 });
  });

  it('refuses a bad token from kezek ingest --server with exit 2', async () => {
    const r = await runCli([
      'ingest',
      ws.file('{}\n', 'x.ndjson'),
      '--server',
      url,
      '--token',
      'nope-nope-nope-nope',
      '--format',
      'kezek-ndjson',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/401/);
  });
});

describe('after the server stops', () => {
  it('the queue_log sent over HTTP gives the KPIs of the same file ingested directly', async () => {
    server.child.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
    const direct = join(ws.dir, 'direct-db');
    const whole = ws.file(sample.lines.join('\n') + '\n', 'whole.log');
    await childJson(['ingest', whole, '--format', 'asterisk-queue-log', '--db', direct, '--config', config, '--json']);
    // The HTTP database also holds NDJSON calls of 2026-10-01…05 (earlier than the queue_log's last call): compare later days.
    const range = { from: '2026-10-06', to: sample.to };
    const viaHttp = JSON.parse((await runCli(kpiArgs(ws.db, config, range))).stdout);
    expect(viaHttp.rows.length).toBeGreaterThan(10);
    expect(viaHttp).toEqual(await childJson(kpiArgs(direct, config, range)));
  });
});
