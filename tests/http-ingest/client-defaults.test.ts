/**
 * POST /api/ingest/* as common clients send it by default (QA's reports): a body without
 * Content-Type (`curl -H 'Content-Type:'`, fetch with a Buffer or a stream), form and text
 * content types without Origin (curl --data-binary, Python urllib, fetch with a string); a file
 * named in Cyrillic sent by `kezek ingest --server` (its name travels in X-Kezek-Source); and
 * what a refused format parameter is told. Needs the built dashboards (`npx vite build`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendFile } from '../../ingest/send-to-server.ts';
import { runChild, runCli } from '../kpi/harness.ts';
import { startSecurityServer, type SecurityServer } from '../security/server.ts';

let server: SecurityServer;
let token = '';
const dir = mkdtempSync(join(tmpdir(), 'kezek-client-defaults-'));

beforeAll(async () => {
  server = await startSecurityServer({
    days: 0,
    users: [{ name: 'boss', role: 'admin' }],
    tokens: [['calls', 'queue-log']],
  });
  [token] = server.tokens;
}, 300_000);
afterAll(() => server?.close());

/** Two valid calls with ids of their own, as NDJSON. */
const twoCalls = (prefix: string) =>
  [1, 2]
    .map((i) =>
      JSON.stringify({
        call_id: `${prefix}-${i}`,
        queue: 'web-chat',
        entered_at: '2026-10-05T04:00:00Z',
        ended_at: '2026-10-05T04:01:00Z',
      }),
    )
    .join('\n') + '\n';

/** A POST with the token and exactly these headers: no Content-Type or Origin unless given. */
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${token}`, ...headers },
    duplex: 'half',
  } as RequestInit);

const NDJSON = { 'content-type': 'application/x-ndjson' };

const streamOf = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

describe('a body without Content-Type', () => {
  // fetch sends a Uint8Array with Content-Length and a stream chunked, neither with a Content-Type.
  it.each([
    ['a Buffer (Content-Length)', (text: string) => ({ body: Buffer.from(text), headers: {} })],
    ['a stream (Transfer-Encoding: chunked)', (text: string) => ({ body: streamOf(Buffer.from(text)), headers: {} })],
    ['a gzip Buffer', (text: string) => ({ body: gzipSync(text), headers: { 'content-encoding': 'gzip' } })],
    ['a gzip stream', (text: string) => ({ body: streamOf(gzipSync(text)), headers: { 'content-encoding': 'gzip' } })],
  ])('is read and stored: %s', async (name, request) => {
    const text = twoCalls(`untyped ${name}`);
    const first = request(text);
    const res = await post('/api/ingest/calls', first.body, first.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
    // Sent again, its rows are found in the database.
    const again = request(text);
    expect(await (await post('/api/ingest/calls', again.body, again.headers)).json()).toMatchObject({
      read: 2,
      accepted: 0,
      duplicates: 2,
    });
  });

  it('answers zeros only when there truly is no body', async () => {
    const res = await post('/api/ingest/calls', new Uint8Array(0));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ read: 0, accepted: 0, duplicates: 0, rejected: 0, rejects: [] });
  });
});

describe('form and text content types without Origin (SvelteKit refused them as cross-site forms)', () => {
  it.each([
    ['curl --data-binary and Python urllib', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['fetch with a string body (text/plain;charset=UTF-8, set by fetch)', {}],
  ])('are accepted and stored: %s', async (name, headers) => {
    const res = await post('/api/ingest/calls', twoCalls(`typed ${name}`), headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ read: 2, accepted: 2, rejected: 0 });
  });
});

describe('X-Kezek-Source', () => {
  const badLine = '{"call_id": "broken';

  it('kezek ingest --server sends a Cyrillic file name; its rejects are stored under that name', async () => {
    const file = join(dir, 'звонки-calls.ndjson');
    writeFileSync(file, twoCalls('cyrillic').split('\n')[0] + '\n' + badLine + '\n');
    const r = await runCli([
      'ingest',
      file,
      '--server',
      server.url,
      '--token',
      token,
      '--format',
      'kezek-ndjson',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(summary.rejects[0]).toEqual(expect.objectContaining({ file, line: 2 }));
    // The rejects page lists stored rejects by their source.
    const rejects = await server.request('/supervisor/rejects/__data.json', { cookie: await server.signIn('boss') });
    expect(await rejects.text()).toContain(file);
  });

  it("takes an older client's unencoded ASCII name as it is", async () => {
    const res = await post('/api/ingest/calls', badLine, {
      ...NDJSON,
      'x-kezek-source': '/var/log/pbx/calls-2026.ndjson',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).rejects[0]).toMatchObject({ file: '/var/log/pbx/calls-2026.ndjson', line: 1 });
  });

  it.each([
    ['a broken percent escape', '/tmp/%E0%A4%A'],
    ['an escape of no UTF-8 character', '/tmp/%FF.log'],
    ['unencoded bytes above ASCII (sent raw by curl from a UTF-8 shell)', '/tmp/\u00d0\u00b7.log'],
  ])('refuses %s with 400 naming the header', async (_, value) => {
    const res = await post('/api/ingest/calls', twoCalls('never-stored'), { ...NDJSON, 'x-kezek-source': value });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/X-Kezek-Source/);
  });
});

describe('kezek ingest --server says what failed', () => {
  it('a file that cannot be read is not reported as an unreachable server', async () => {
    const missing = join(dir, 'gone.ndjson');
    const err = await sendFile(server.url, token, missing, '/api/ingest/calls').catch((e: Error) => e);
    expect(String(err)).toContain(`cannot read ${missing}`);
    expect(String(err)).toContain('ENOENT');
  });

  it('a server that is not listening is reported as "cannot reach"', async () => {
    // A port just freed by the system: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const file = join(dir, 'calls.ndjson');
    writeFileSync(file, twoCalls('unsent'));
    const url = `http://127.0.0.1:${port}`;
    // Tried once (--retry-for 0): the retries themselves are send-again.test.ts's.
    const r = await runCli([
      ...['ingest', file, '--server', url, '--token', token],
      ...['--format', 'kezek-ndjson', '--retry-for', '0'],
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kezek ingest: failed: cannot reach ${url}: connect ECONNREFUSED 127.0.0.1:${port}\n`);
  });
});

describe('a command on the database the server holds', () => {
  it('says which server holds it and how to read and ingest through it (QA: it suggested ingest for kpi)', async () => {
    const r = await runChild(['rejects', '--db', server.db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `kezek rejects: cannot open the database ${server.db}: another process holds it (the dashboard server ` +
        `${server.url} holds it: read through it (its pages and /api), ingest with kezek ingest --server ${server.url} --token T)`,
    );
  });
});

describe('a format parameter the endpoint does not take', () => {
  it('on queue-log: the answer says it takes queue_log lines without a format, and what event kinds take', async () => {
    const res = await post('/api/ingest/queue-log?format=asterisk-queue-log', '', NDJSON);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatch(/queue-log takes Asterisk queue_log lines .*no format parameter/);
    expect(error).toMatch(/calls, ratings, agent-events and agents take kezek-ndjson .*kezek-csv/);
  });

  it('on an event kind: the answer says what it takes and where queue_log lines go', async () => {
    const res = await post('/api/ingest/calls?format=asterisk-queue-log', '', NDJSON);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatch(/calls takes kezek-ndjson .*kezek-csv/);
    expect(error).toContain('/api/ingest/queue-log');
  });
});
