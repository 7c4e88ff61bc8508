/**
 * A new installation: `kezek serve` on a database without users creates the admin with a random
 * password, prints it once on standard error, and that password signs in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { assertBuilt, REPO_ROOT } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'kezek-security-first-'));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

it('prints the first admin’s password once, and it signs in', async () => {
  assertBuilt();
  child = spawn(process.execPath, ['bin/kezek.js', 'serve', '--port', '0', '--db', join(dir, 'data')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => void (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => void (err += c.toString()));
  const deadline = Date.now() + 60_000;
  while (!/with the password\s+(\S+)/.test(err) || !/kezek serves/.test(out)) {
    if (Date.now() > deadline) throw new Error(`no URL or password: ${out} ${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = /kezek serves (\S+)/.exec(out)![1];
  const password = /with the password\s+(\S+)/.exec(err)![1];
  expect(out).not.toContain(password); // stdout stays machine-readable
  expect((await fetch(`${url}/`, { redirect: 'manual' })).status).toBe(303);
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  expect((await fetch(`${url}/admin`, { headers: { cookie } })).status).toBe(200);
});
