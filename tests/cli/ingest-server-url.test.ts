/**
 * `kezek ingest --server` given a server without its scheme (QA: `--server 127.0.0.1:34361`
 * failed three times with "Invalid URL; sending again", then exit 1): a usage error at once.
 */
import { describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';

const ws = new Workspace('ingest-server-url');

describe('ingest --server', () => {
  it('refuses a server address that is not an http(s) URL: exit 2, one line, nothing sent', async () => {
    const file = ws.file('{"call_id":"c1","queue":"q","entered_at":1795151400,"ended_at":1795151500}\n');
    for (const server of ['127.0.0.1:34361', 'localhost:3000', 'ftp://host/']) {
      const r = await runCli(['ingest', file, '--format', 'kezek-ndjson', '--server', server, '--token', 'T']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `kezek ingest: --server: expected the server's URL, like http://127.0.0.1:3000 (got ${server})\n`,
      );
    }
  });
});
