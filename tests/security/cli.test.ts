/**
 * `kezek users` and `kezek tokens` in-process (main(argv, io)) against a temp database: the
 * password from standard input, argon2id hashes, hashed tokens, exit codes, the audit.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { fetchAudit } from '../../src/server/auth/audit-store.ts';
import { secretDigest } from '../../src/server/auth/secrets.ts';

const db = join(mkdtempSync(join(tmpdir(), 'kezek-security-cli-')), 'data');

async function run(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    stdin: Readable.from([input]),
  };
  const code = await main([...args, '--db', db], io);
  return { code, stdout, stderr };
}

async function query<T>(sql: string): Promise<T[]> {
  const client = await openClient({ kind: 'embedded', path: db });
  return (await client.query({ query: sql, format: 'JSONEachRow' })).json<T>();
}

describe('kezek users', () => {
  it('adds a user with the first line of standard input as an argon2id-hashed password', async () => {
    const r = await run(
      ['users', 'add', 'Ann', '--role', 'supervisor', '--sites', 'Astana,Taraz'],
      'correct horse battery\nignored second line\n',
    );
    expect(r).toMatchObject({ code: 0 });
    const [row] = await query<{ password_hash: string; sites: string[] }>(
      "SELECT password_hash, sites FROM app_user FINAL WHERE username = 'ann'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('correct horse');
    expect(row.sites).toEqual(['Astana', 'Taraz']);
  });

  it.each([
    [['users', 'add', 'bob', '--role', 'boss'], 'long-enough-password\n'],
    [['users', 'add', 'bob', '--role', 'hr'], 'short\n'],
    [['users', 'add', 'bob', '--role', 'hr'], ''],
    [['users', 'add', 'bob'], 'long-enough-password\n'],
    [['users', 'add', 'bob', '--role', 'hr', '--sites', 'Astana'], 'long-enough-password\n'],
    [['users', 'add', 'ann', '--role', 'hr'], 'long-enough-password\n'],
    [['users', 'add', 'bad name!', '--role', 'hr'], 'long-enough-password\n'],
    [['users', 'set-role', 'nobody', 'hr'], ''],
    [['users', 'frobnicate'], ''],
  ])('refuses %j with exit 2 and one line', async (args, input) => {
    const r = await run(args, input);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists, changes role and sites, resets, disables', async () => {
    expect((await run(['users', 'set-sites', 'ann', 'Shymkent'])).code).toBe(0);
    expect((await run(['users', 'reset-password', 'ann'], 'another long password\n')).code).toBe(0);
    expect((await run(['users', 'disable', 'ann'])).code).toBe(0);
    const list = JSON.parse((await run(['users', 'list', '--json'])).stdout) as { users: Record<string, unknown>[] };
    expect(list.users).toEqual([
      expect.objectContaining({ username: 'ann', role: 'supervisor', sites: ['Shymkent'], disabled: true }),
    ]);
    expect(JSON.stringify(list)).not.toContain('argon2');
    expect((await run(['users', 'set-role', 'ann', 'planner'])).code).toBe(0);
    const after = JSON.parse((await run(['users', 'list', '--json'])).stdout) as {
      users: { role: string; sites: string[] }[];
    };
    expect(after.users[0]).toMatchObject({ role: 'planner', sites: [] });
  });
});

describe('kezek tokens', () => {
  it('prints a token once and stores only its SHA-256', async () => {
    const r = await run(['tokens', 'create', '--kinds', 'ratings,calls', '--name', 'pbx']);
    expect(r.code).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^kzk_[A-Za-z0-9_-]{43}$/);
    const rows = await query<{ token_hash: string; kinds: string[] }>(
      'SELECT token_hash, kinds FROM ingest_token FINAL',
    );
    expect(rows).toEqual([{ token_hash: secretDigest(token), kinds: ['ratings', 'calls'] }]);
    const list = (await run(['tokens', 'list'])).stdout;
    expect(list).not.toContain(token);
    const id = /tok_[0-9a-f]{12}/.exec(list)![0];
    expect((await run(['tokens', 'revoke', id])).code).toBe(0);
    expect((await run(['tokens', 'list', '--json'])).stdout).toContain('"revoked":true');
  });

  it.each([
    [['tokens', 'create']],
    [['tokens', 'create', '--kinds', 'calls,nope']],
    [['tokens', 'revoke', 'tok_nothere']],
    [['tokens', 'revoke']],
  ])('refuses %j with exit 2', async (args) => {
    expect((await run(args)).code).toBe(2);
  });

  it('audits every change, without passwords or tokens', async () => {
    const client = await openClient({ kind: 'embedded', path: db });
    const events = await fetchAudit(client, { limit: 100 });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'user_add',
        'user_sites',
        'user_password',
        'user_disable',
        'user_role',
        'token_create',
        'token_revoke',
      ]),
    );
    const text = JSON.stringify(events);
    expect(text).not.toContain('correct horse');
    expect(text).not.toContain('kzk_');
  });
});
