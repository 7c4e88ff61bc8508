/**
 * Every route of dashboards/ × every role (anonymous included) over real HTTP: the access the
 * issue asks for (routes.ts), and every route named in the policy (default deny catches the rest).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessRule } from '../../src/server/auth/policy.ts';
import { dashboardRoutes, expectedAccess, ROLES, type Role } from './routes.ts';
import { startSecurityServer, type SecurityServer } from './server.ts';

const routes = dashboardRoutes();
let server: SecurityServer;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  server = await startSecurityServer({ days: 2, users: ROLES.map((role) => ({ name: `u-${role}`, role })) });
  for (const role of ROLES) cookies.set(role, await server.signIn(`u-${role}`));
}, 300_000);
afterAll(() => server?.close());

describe('the route list', () => {
  it('finds the routes of dashboards/', () => {
    expect(routes.map((r) => r.id)).toEqual(
      expect.arrayContaining(['/', '/login', '/admin', '/api/session', '/api/kpi']),
    );
  });
  it.each(routes.map((r) => [r.id, r]))('%s is in the access policy and in the issue’s table', (_, route) => {
    expect(
      expectedAccess(route.path),
      `add ${route.id} to tests/security/routes.ts and src/server/auth/policy.ts`,
    ).not.toBeNull();
    expect(accessRule(route.path).access).not.toBe('deny');
  });
});

/** The request a route gets in the matrix: its first method (GET when it has one). */
function methodOf(route: (typeof routes)[number]): string {
  return route.methods.includes('GET') ? 'GET' : (route.methods[0] ?? 'GET');
}

async function call(route: (typeof routes)[number], cookie: string | null, data = false) {
  const method = methodOf(route);
  const path = data ? `${route.path === '/' ? '' : route.path}/__data.json` : route.path;
  const body = method === 'GET' ? undefined : route.path === '/lang' ? 'lang=en&to=/' : '{}';
  const type = route.path === '/lang' ? 'application/x-www-form-urlencoded' : 'application/json';
  const res = await server.request(path, { cookie, method, body, headers: body ? { 'content-type': type } : {} });
  return Object.assign(res, { text: await res.text() });
}

const isApi = (path: string) => path.startsWith('/api/');

describe.each(routes.map((r) => [r.id, r]))('%s', (_, route) => {
  const expected = expectedAccess(route.path);

  it('anonymous', async () => {
    const res = await call(route, null);
    if (expected === 'public') return expect(res.headers.get('location') ?? '').not.toMatch(/^\/login/);
    if (expected === 'ingest') return expect(res.status).toBe(401);
    if (isApi(route.path) || methodOf(route) !== 'GET') return expect(res.status).toBe(401);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
  });

  it.each(ROLES)('as %s', async (role) => {
    const res = await call(route, cookies.get(role)!);
    if (expected === 'public') return expect([401, 403]).not.toContain(res.status);
    // Ingest takes a bearer token only: a session cookie is no token.
    if (expected === 'ingest') return expect(res.status).toBe(401);
    if (expected!.includes(role)) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.headers.get('location') ?? '').not.toMatch(/^\/login/);
    } else if (route.path === '/' && res.status === 303) {
      expect(res.headers.get('location')).toBe('/hr'); // hr's home
    } else {
      expect(res.status).toBe(403);
    }
  });

  if (route.kind === 'page' && Array.isArray(expected)) {
    it('its __data.json is guarded like the page', async () => {
      // SvelteKit's client follows {type: 'redirect'} from a data request.
      const anon = await call(route, null, true);
      expect(anon.status).toBe(200);
      expect(JSON.parse(anon.text)).toMatchObject({
        type: 'redirect',
        location: expect.stringMatching(/^\/login\?next=/),
      });
      const outsider = ROLES.find((r) => !expected.includes(r));
      if (outsider && route.path !== '/') expect((await call(route, cookies.get(outsider)!, true)).status).toBe(403);
    });
  }
});

describe('default deny', () => {
  it.each(['/nope', '/api/nope', '/api/admin', '/supervisorx', '/hr..'])('%s is closed to everyone', async (path) => {
    const anon = await server.request(path);
    expect([303, 401, 404]).toContain(anon.status);
    if (anon.status === 303) expect(anon.headers.get('location')).toMatch(/^\/login/);
    const admin = await server.request(path, { cookie: cookies.get('admin')! });
    expect([403, 404]).toContain(admin.status);
  });
});
