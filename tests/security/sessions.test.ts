/**
 * Sessions and hardening over HTTP: sign-in and out, lockout (429), expired and revoked
 * sessions, CSRF, security headers, ingest tokens scoped by kind, the audit log.
 */
import { execFile } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordOf, REPO_ROOT, startSecurityServer, type SecurityServer } from './server.ts';

let server: SecurityServer;
let expiredCookie = '';

/** Stores an already expired session of `name` before the server starts (fixtures/expired-session.ts). */
function seedExpiredSession(db: string, name: string): Promise<string> {
  return new Promise((done, fail) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'tests/security/fixtures/expired-session.ts', db, name],
      { cwd: REPO_ROOT, encoding: 'utf8' },
      (err, out, stderr) => (err ? fail(new Error(stderr || err.message)) : done(out.trim())),
    ),
  );
}

beforeAll(async () => {
  server = await startSecurityServer({
    days: 0,
    users: [
      { name: 'boss', role: 'admin' },
      { name: 'ann', role: 'hr' },
      { name: 'bob', role: 'planner' },
      { name: 'carl', role: 'supervisor' },
      { name: 'dora', role: 'hr' },
    ],
    tokens: [['ratings'], ['calls', 'agents']],
    prepare: async (db) => void (expiredCookie = `kezek_session=${await seedExpiredSession(db, 'ann')}`),
  });
}, 300_000);
afterAll(() => server?.close());

const json = { 'content-type': 'application/json' };
const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  server.request('/api/session', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
    headers: { ...json, ...headers },
  });

/** A form post to an action of the admin page, as its form sends it. */
const adminForm = (cookie: string, action: string, body: Record<string, string>) =>
  server.request(`/admin?/${action}`, {
    cookie,
    method: 'POST',
    body: new URLSearchParams(body).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

describe('POST /api/session', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, not Secure over plain HTTP', async () => {
    const res = await login('ann', passwordOf('ann'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ username: 'ann', role: 'hr' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kezek_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const res = await login('ann', passwordOf('ann'), {
      'x-forwarded-proto': 'https',
      origin: server.url.replace('http:', 'https:'),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('kezek_session='))).toMatch(/Secure/);
  });

  it.each([
    ['a wrong password', JSON.stringify({ username: 'ann', password: 'wrong-password' }), 401],
    ['an unknown user', JSON.stringify({ username: 'nobody', password: 'whatever-123' }), 401],
    ['no JSON', 'username=ann', 400],
    ['a number as password', JSON.stringify({ username: 'ann', password: 12345678901 }), 400],
  ])('answers %s with %i', async (_, body, status) => {
    const res = await server.request('/api/session', { method: 'POST', body, headers: json });
    expect(res.status).toBe(status);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('sessions', () => {
  it('refuses an expired session', async () => {
    const res = await server.request('/api/payroll?month=2026-01', { cookie: expiredCookie });
    expect(res.status).toBe(401);
  });

  it('DELETE /api/session revokes the session on the server, not only the cookie', async () => {
    const cookie = await server.signIn('carl');
    expect((await server.request('/api/session', { cookie })).status).toBe(200);
    const out = await server.request('/api/session', { cookie, method: 'DELETE' });
    expect(out.status).toBe(204);
    expect((await server.request('/api/session', { cookie })).status).toBe(401);
    expect((await server.request('/supervisor', { cookie })).status).toBe(303);
  });

  it('disabling a user (admin page) ends their sessions at once; a new password likewise', async () => {
    const admin = await server.signIn('boss');
    const carl = await server.signIn('carl');
    const form = (action: string, body: Record<string, string>) => adminForm(admin, action, body);
    expect((await form('password', { username: 'carl', password: 'another-passw0rd' })).status).toBe(200);
    expect((await server.request('/api/kpi?from=2026-01-01&to=2026-01-01', { cookie: carl })).status).toBe(401);
    const again = await server.signIn('carl', 'another-passw0rd');
    expect((await form('disable', { username: 'carl' })).status).toBe(200);
    expect((await server.request('/api/kpi?from=2026-01-01&to=2026-01-01', { cookie: again })).status).toBe(401);
    expect((await login('carl', 'another-passw0rd')).status).toBe(401);
  });

  it('refuses a page in the UI language, naming the role (QA: the 403 page was English whatever the language)', async () => {
    const bob = await server.signIn('bob'); // a planner
    const res = await server.request('/hr', { cookie: `kezek_lang=ru; ${bob}` });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('<title>kezek · Нет доступа</title>');
    expect(html).toContain('Роль «планировщик» не может открыть /hr.');
    // The API keeps its one English message.
    const api = await server.request('/api/payroll?month=2026-01', { cookie: `kezek_lang=ru; ${bob}` });
    expect(await api.json()).toEqual({ error: 'the planner role cannot open /api/payroll' });
  });

  it('an admin cannot take away their own admin role: no admin would be left to manage users from the web', async () => {
    const admin = await server.signIn('boss');
    const res = await adminForm(admin, 'role', { username: 'boss', role: 'planner' });
    // SvelteKit answers an action's failure to a non-browser client as JSON.
    const answer = await res.json();
    expect(answer).toMatchObject({ type: 'failure', status: 400 });
    expect(answer.data).toContain('you cannot take away your own admin role');
    expect(await (await server.request('/api/session', { cookie: admin })).json()).toMatchObject({ role: 'admin' });
  });

  it('sends hr from / to its own home /hr, as a page and as a client-side navigation', async () => {
    const ann = await server.signIn('ann'); // signing in without a `next` goes to /
    const page = await server.request('/', { cookie: ann });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/hr']);
    const data = await server.request('/__data.json', { cookie: ann });
    expect(await data.json()).toEqual({ type: 'redirect', location: '/hr' });
    expect((await server.request('/supervisor', { cookie: ann })).status).toBe(403);
  });
});

describe('CSRF and headers', () => {
  it('refuses a cross-origin JSON POST and DELETE', async () => {
    const evil = { ...json, origin: 'http://evil.example' };
    expect(
      (
        await server.request('/api/session', {
          method: 'POST',
          body: JSON.stringify({ username: 'boss', password: passwordOf('boss') }),
          headers: evil,
        })
      ).status,
    ).toBe(403);
    const cookie = await server.signIn('boss');
    expect(
      (await server.request('/api/session', { cookie, method: 'DELETE', headers: { origin: 'http://evil.example' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await server.request('/api/session', {
          cookie,
          method: 'DELETE',
          headers: { origin: '', 'sec-fetch-site': 'cross-site' },
        })
      ).status,
    ).toBe(403);
    expect((await server.request('/api/session', { cookie })).status).toBe(200);
  });

  // The content types a cross-site HTML form can send (SvelteKit's own check, turned off in
  // svelte.config.js, covered exactly these); csrf.ts refuses them by their origin alone.
  it.each([
    ['application/x-www-form-urlencoded', { origin: 'http://evil.example' }],
    ['multipart/form-data; boundary=x', { origin: 'http://evil.example' }],
    ['text/plain', { origin: 'http://evil.example' }],
    // Origin "null": a form in a sandboxed frame, or on a page with Referrer-Policy no-referrer.
    ['application/x-www-form-urlencoded', { origin: 'null' }],
    // No Origin at all, but the browser's Fetch Metadata says cross-site.
    ['application/x-www-form-urlencoded', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a cross-site %s form post to an admin action (%o) by its own check', async (type, headers) => {
    const cookie = await server.signIn('boss');
    // fetch itself, not server.request: that one adds this site's Origin.
    const res = await fetch(`${server.url}/admin?/add`, {
      method: 'POST',
      body: 'username=mallory&role=admin&password=mallory-password',
      headers: { cookie, 'content-type': type, ...headers },
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/a (cross-site )?POST (from another origin .*)?is refused/);
    expect(await (await server.request('/admin/__data.json', { cookie })).text()).not.toContain('mallory');
  });

  it('sends a strict CSP without inline script, and the other headers', async () => {
    const page = await server.request('/login');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    const api = await server.request('/api/kpi');
    for (const res of [page, api]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});

describe('API refusals', () => {
  it('answer {error} with the status on every /api route, as the session and ingest routes do', async () => {
    const boss = await server.signIn('boss');
    for (const path of ['/api/kpi?from=2026-13-01&to=2026-11-01', '/api/payroll?month=2026-13']) {
      const res = await server.request(path, { cookie: boss });
      expect(res.status).toBe(400);
      expect(Object.keys(await res.json())).toEqual(['error']);
    }
  });
});

describe('ingest tokens', () => {
  const post = (kind: string, token: string | null) =>
    server.request(`/api/ingest/${kind}`, {
      method: 'POST',
      body: '',
      headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it('a token scoped to ratings posts ratings and not calls', async () => {
    const [ratings] = server.tokens;
    expect((await post('ratings', ratings)).status).toBe(200);
    expect((await post('calls', ratings)).status).toBe(403);
    expect((await post('agent-events', ratings)).status).toBe(403);
  });

  it('no token, a wrong one, or a session cookie is 401', async () => {
    expect((await post('calls', null)).status).toBe(401);
    expect((await post('calls', 'kzk_not-a-real-token')).status).toBe(401);
    const cookie = await server.signIn('boss');
    const res = await server.request('/api/ingest/calls', {
      cookie,
      method: 'POST',
      body: '',
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res.status).toBe(401);
  });

  it('a revoked token is refused', async () => {
    const admin = await server.signIn('boss');
    const created = await server.request('/admin?/token', {
      cookie: admin,
      method: 'POST',
      body: 'kinds=calls&name=probe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const text = await created.text();
    const token = /kzk_[A-Za-z0-9_-]{43}/.exec(text)![0];
    const id = /tok_[0-9a-f]{12}/.exec(text)![0];
    expect((await post('calls', token)).status).toBe(200);
    await server.request('/admin?/revoke', {
      cookie: admin,
      method: 'POST',
      body: `token_id=${id}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await post('calls', token)).status).toBe(401);
  });
});

describe('the audit log', () => {
  it('records sign-ins, failures, lockouts, user and token changes, readable by admin only', async () => {
    const admin = await server.signIn('boss');
    const res = await server.request('/admin/audit/__data.json', { cookie: admin });
    const text = await res.text();
    for (const action of [
      'login',
      'login_failed',
      'logout',
      'user_add',
      'user_password',
      'user_disable',
      'token_create',
      'token_revoke',
    ]) {
      expect(text).toContain(`"${action}"`);
    }
    expect(text).not.toContain(passwordOf('boss'));
    expect(text).not.toContain('another-passw0rd');
    expect((await server.request('/admin/audit', { cookie: await server.signIn('ann') })).status).toBe(403);
    expect((await server.request('/admin/audit?action=nope', { cookie: admin })).status).toBe(400);
  });
});

/** POST /api/session from another loopback address (the rate limit counts per address). */
function loginFrom(localAddress: string, username: string, password: string): Promise<number> {
  const url = new URL('/api/session', server.url);
  const body = JSON.stringify({ username, password });
  return new Promise((done, fail) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', origin: server.url, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

describe('the sign-in rate limit', () => {
  it('locks an account after at most 10 failures in 15 minutes, from any address (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push(await loginFrom(`127.0.0.${10 + i}`, 'bob', `wrong-${i}-password`));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Even the right password, from a fresh address, waits out the window.
    expect(await loginFrom('127.0.0.40', 'bob', passwordOf('bob'))).toBe(429);
  });

  it('locks an address after at most 10 failures over many accounts; other addresses go on', async () => {
    for (let i = 0; i < 10; i++) expect(await loginFrom('127.0.0.50', `guess${i}`, 'wrong-password')).toBe(401);
    expect(await loginFrom('127.0.0.50', 'dora', passwordOf('dora'))).toBe(429);
    expect(await loginFrom('127.0.0.51', 'dora', passwordOf('dora'))).toBe(200);
  });

  it('records the lockout in the audit log', async () => {
    const admin = await server.signIn('boss');
    const text = await (await server.request('/admin/audit/__data.json?action=login_locked', { cookie: admin })).text();
    expect(text).toContain('"login_locked"');
  });
});
