/**
 * Rejects of HTTP ingest under one source name (X-Kezek-Source): a live sender posts its input in
 * pieces, and each piece's rejects stay open; only the whole input sent again (X-Kezek-Whole: 1,
 * as `kezek ingest --server` sends a file) resolves the earlier ones, and its lines still bad are
 * rejected again. Before, every request naming a source resolved the rejects of the pieces before
 * it: a live sender's bad rows vanished from `kezek rejects` with its next post.
 * Needs the built dashboards (`npx vite build`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../kpi/harness.ts';
import { startSecurityServer } from '../security/server.ts';
import { runKezek } from '../support/kezek-process.ts';

const call = (id: string) =>
  JSON.stringify({ call_id: id, queue: 'q', entered_at: '2026-10-05T04:00:00Z', ended_at: '2026-10-05T04:01:00Z' });
/** A line cut short, as a sender that died mid-write leaves it. */
const cut = (id: string) => `{"call_id": "${id}`;

const LIVE = 'pbx-7/calls';
const file = join(mkdtempSync(join(tmpdir(), 'kezek-reject-pieces-')), 'calls.ndjson');
/** Every reject stored: its source (LIVE or the file), raw text and whether it is resolved. */
let rejects: [string, string, boolean][] = [];

beforeAll(async () => {
  const server = await startSecurityServer({ days: 0, users: [], tokens: [['calls']] });
  const [token] = server.tokens;
  const post = async (body: string, source: string) => {
    const res = await fetch(`${server.url}/api/ingest/calls`, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson', 'x-kezek-source': source },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rejected: 1 });
  };
  try {
    // Two pieces of a live input, each with a bad line.
    await post(`${call('a1')}\n${cut('a2')}\n`, LIVE);
    await post(`${call('b1')}\n${cut('b2')}\n`, LIVE);
    // A piece of a file, then the whole file sent by `kezek ingest --server`, one line still bad.
    await post(`${cut('c1')}\n`, file);
    writeFileSync(file, [call('c1'), cut('c2')].join('\n') + '\n');
    const sent = await runCli(['ingest', file, '--server', server.url, '--token', token, '--format', 'kezek-ndjson']);
    expect(sent.code, sent.stderr).toBe(0);
  } finally {
    await server.close({ keep: true });
  }
  const listed = await runKezek(['rejects', '--all', '--since', '2020-01-01', '--json', '--db', server.db]);
  rejects = (JSON.parse(listed) as { rejects: { source: string; raw: string; resolved: boolean }[] }).rejects
    .map((r): [string, string, boolean] => [r.source === LIVE ? 'live' : 'file', r.raw, r.resolved])
    .sort();
}, 300_000);

describe('HTTP rejects under one source name', () => {
  it('stay open across the pieces a live sender posts; the whole file resolves its own earlier ones', () => {
    expect(rejects).toEqual(
      [
        ['live', cut('a2'), false], // before: resolved by the next piece
        ['live', cut('b2'), false],
        ['file', cut('c1'), true], // sent again whole, and fixed
        ['file', cut('c2'), false], // still bad in the whole file
      ].sort(),
    );
  });
});
