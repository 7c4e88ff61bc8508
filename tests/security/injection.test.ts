/**
 * Injection attempts in every filter: answered without a server error (a clear 400/403/422 or
 * an empty result) and without effect (the data and the answers stay the same).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from './routes.ts';
import { almatyDate, startSecurityServer, type SecurityServer } from './server.ts';

const PAYLOADS = [
  "x' OR '1'='1",
  "'; DROP TABLE call; --",
  '{site:String}',
  "') UNION SELECT * FROM app_user --",
  '=HYPERLINK("http://evil.example")',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  'é'.repeat(5000),
  '-1',
  '1e309',
];
/** Every query parameter the routes read (kpi, supervisor views, payroll, planning, admin). */
const PARAMS = [
  'from',
  'to',
  'date',
  'by',
  'queue',
  'language',
  'site',
  'channel',
  'agent',
  'outcome',
  'page',
  'refresh',
  'days',
  'month',
  'lang',
  'format',
  'action',
  'week',
  'calls',
  'aht',
];

let server: SecurityServer;
let admin: string;
const day = almatyDate(-1);

beforeAll(async () => {
  server = await startSecurityServer({ days: 1, users: [{ name: 'boss', role: 'admin' }] });
  admin = await server.signIn('boss');
}, 300_000);
afterAll(() => server?.close());

async function kpiText(query: string): Promise<{ status: number; text: string }> {
  const res = await server.request(`/api/kpi?from=${day}&to=${day}&${query}`, { cookie: admin });
  return { status: res.status, text: await res.text() };
}

describe('GET /api/kpi', () => {
  it.each(['queue', 'language', 'site', 'channel', 'agent'])(
    'a %s filter that tries SQL matches nothing',
    async (name) => {
      for (const p of PAYLOADS) {
        const { status, text } = await kpiText(`${name}=${encodeURIComponent(p)}`);
        expect(status, `${name}=${p.slice(0, 30)}`).toBeLessThan(500);
        if (status === 200) expect(JSON.parse(text).rows[0].offered).toBe(0);
      }
    },
  );

  it.each(['from', 'to', 'by'])('a bad %s is a 4xx with a message', async (name) => {
    for (const p of PAYLOADS) {
      const query = new URLSearchParams({ from: day, to: day, [name]: p });
      const res = await server.request(`/api/kpi?${query}`, { cookie: admin });
      // 400 with a message; 431 when the URL is longer than the server takes.
      expect(res.status, `${name}=${p.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      if (res.status === 400) expect((await res.json()) as { error: string }).toHaveProperty('error');
    }
  });
});

describe('every page and API route', () => {
  const routes = dashboardRoutes().filter(
    (r) => r.methods.includes('GET') && !r.path.startsWith('/api/ingest') && r.path !== '/api/session',
  );

  it('answers injected parameters without a server error, and nothing changes', async () => {
    const before = await kpiText('by=site');
    const failures: string[] = [];
    for (const route of routes) {
      // A route that fails with no parameters at all is not this test's subject (its owner's).
      const baseline = await server.request(route.path, { cookie: admin });
      await baseline.arrayBuffer();
      if (baseline.status >= 500) continue;
      for (const p of PAYLOADS) {
        const query = new URLSearchParams(PARAMS.map((n) => [n, p])).toString();
        const res = await server.request(`${route.path}?${query}`, { cookie: admin });
        const text = await res.text();
        if (res.status >= 500)
          failures.push(`${route.path} with ${p.slice(0, 30)}: ${res.status} ${text.slice(0, 200)}`);
        if (res.status === 200 && /<script>alert\(1\)<\/script>/.test(text))
          failures.push(`${route.path} echoes script unescaped`);
      }
    }
    expect(failures).toEqual([]);
    const after = await kpiText('by=site');
    expect(after).toEqual(before);
    expect(JSON.parse(after.text).rows.length).toBeGreaterThan(1);
  });

  it('the users table is intact and the admin can still sign in', async () => {
    expect((await server.request('/admin', { cookie: await server.signIn('boss') })).status).toBe(200);
  });
});

describe('CSV exports', () => {
  it('neutralise formulas (a cell starting with = + - @ gets an apostrophe)', async () => {
    const res = await server.request(`/supervisor/calls/export.csv?date=${day}`, { cookie: admin });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const line of text.split('\r\n').slice(1, 2000)) {
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@]/);
    }
  });
});
