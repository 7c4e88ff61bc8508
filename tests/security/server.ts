/**
 * Security-test harness: a temp database per test file, users and tokens created through the
 * CLI BEFORE the server opens the database (one process binds one data directory), a
 * `kezek serve --port 0` child, and sign-in through POST /api/session. Every user's password is
 * `passwordOf(name)`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, runKezek, startKezekServer } from '../support/kezek-process.ts';

export { REPO_ROOT };

export const passwordOf = (name: string) => `${name}-Passw0rd!`;

/** `node bin/kezek.js ARGS…` with optional standard input; rejects unless it exits 0. */
export function kezek(args: string[], input?: string, timeoutMs = 240_000): Promise<string> {
  return runKezek(args, { input, timeoutMs });
}

export interface UserSpec {
  name: string;
  role: 'admin' | 'supervisor' | 'planner' | 'hr';
  sites?: string[];
}

export interface ServerOptions {
  /** Days of demo history ending yesterday (0: an empty database). */
  days: number;
  users: UserSpec[];
  /** Tokens to create: their kinds; the values come back in `tokens` in the same order. */
  tokens?: string[][];
  config?: Record<string, unknown>;
  /** Runs against the database before the server starts (e.g. a seeding script). */
  prepare?: (db: string) => Promise<void>;
}

export interface SecurityServer {
  url: string;
  db: string;
  tokens: string[];
  /** Signs in; returns the Cookie header value. */
  signIn(name: string, password?: string): Promise<string>;
  /** A request with the session cookie (if any) and, for state-changing methods, a same-origin Origin. */
  request(
    path: string,
    init?: { cookie?: string | null; method?: string; body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  /** Stops the server and removes its database, unless `keep` (to read it afterwards). */
  close(options?: { keep?: boolean }): Promise<void>;
}

/** The build the server runs (vitest's global setup builds it when missing). */
export function assertBuilt(): void {
  if (!existsSync(join(REPO_ROOT, 'build', 'handler.js'))) throw new Error('build/ is missing: run npx vite build');
}

/** A local date in Asia/Almaty, `days` from today. */
export function almatyDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(Date.now());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export async function startSecurityServer(options: ServerOptions): Promise<SecurityServer> {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'kezek-security-'));
  const db = join(dir, 'data');
  if (options.days > 0) await kezek(['demo', '--days', String(options.days), '--end', almatyDate(-1), '--db', db]);
  for (const u of options.users) {
    await kezek(
      ['users', 'add', u.name, '--role', u.role, ...(u.sites ? ['--sites', u.sites.join(',')] : []), '--db', db],
      `${passwordOf(u.name)}\n`,
    );
  }
  const tokens: string[] = [];
  for (const kinds of options.tokens ?? []) {
    tokens.push(
      (
        JSON.parse(await kezek(['tokens', 'create', '--kinds', kinds.join(','), '--json', '--db', db])) as {
          token: string;
        }
      ).token,
    );
  }
  await options.prepare?.(db);
  let configFile: string | null = null;
  if (options.config) {
    configFile = join(dir, 'kezek.config.json');
    writeFileSync(configFile, JSON.stringify(options.config));
  }
  const { child, url } = await startKezekServer(db, configFile ? ['--config', configFile] : []);
  const request: SecurityServer['request'] = (path, init = {}) => {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { ...(init.cookie ? { cookie: init.cookie } : {}) };
    if (!['GET', 'HEAD'].includes(method)) headers.origin = url;
    return fetch(`${url}${path}`, {
      method,
      body: init.body,
      headers: { ...headers, ...init.headers },
      redirect: 'manual',
    });
  };
  return {
    url,
    db,
    tokens,
    request,
    async signIn(name, password = passwordOf(name)) {
      const res = await request('/api/session', {
        method: 'POST',
        body: JSON.stringify({ username: name, password }),
        headers: { 'content-type': 'application/json' },
      });
      if (res.status !== 200) throw new Error(`sign-in of ${name}: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kezek_session='));
      if (!cookie) throw new Error('no session cookie');
      return cookie.split(';')[0];
    },
    async close({ keep = false } = {}) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
