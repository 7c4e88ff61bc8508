import { describe, expect, it } from 'vitest';
import { csrfRefusal } from './csrf.ts';
import { accessRule, allowedSitesOf, decide, homeOf, refusedSite, type Principal } from './policy.ts';

const user = (role: Principal['role'], sites: string[] = []): Principal => ({ username: 'u', role, sites });

describe('accessRule', () => {
  it.each([
    ['/', ['supervisor', 'planner', 'admin']],
    ['/supervisor', ['supervisor', 'planner', 'admin']],
    ['/supervisor/calls/42', ['supervisor', 'planner', 'admin']],
    ['/api/kpi', ['supervisor', 'planner', 'admin']],
    ['/planner/staffing/export', ['planner', 'admin']],
    ['/api/roster/week', ['planner', 'admin']],
    ['/hr/operators/7', ['hr', 'admin']],
    ['/api/payroll/export', ['hr', 'admin']],
    ['/admin/audit', ['admin']],
  ])('%s is for %j', (path, roles) => {
    const rule = accessRule(path);
    expect(rule).toMatchObject({ access: 'roles', roles: expect.arrayContaining(roles) });
    if (rule.access === 'roles') expect(rule.roles).toHaveLength(roles.length);
  });

  it('marks supervisor views and /api/kpi as site-scoped, nothing else', () => {
    expect(accessRule('/supervisor/operators')).toMatchObject({ siteScoped: true });
    expect(accessRule('/api/kpi')).toMatchObject({ siteScoped: true });
    expect(accessRule('/planner')).toMatchObject({ siteScoped: false });
  });

  it.each(['/login', '/api/session', '/lang', '/favicon.svg', '/_app/immutable/x.js'])('%s is public', (path) => {
    expect(accessRule(path).access).toBe('public');
  });

  it('ingest is by token', () => expect(accessRule('/api/ingest/calls').access).toBe('ingest'));

  it.each([
    '/nope',
    '/api',
    '/api/other',
    '/supervisorx',
    '/hrm',
    '/adminx/y',
    '/a/../admin',
    '/hr//x',
    '/hr%2fx',
    '/hr\\x',
  ])('denies %s', (path) => {
    expect(accessRule(path).access).toBe('deny');
  });

  it('takes the page rule for __data.json and ignores a trailing slash', () => {
    expect(accessRule('/hr/__data.json')).toEqual(accessRule('/hr'));
    expect(accessRule('/__data.json')).toEqual(accessRule('/'));
    expect(accessRule('/admin/')).toEqual(accessRule('/admin'));
  });
});

describe('decide', () => {
  const hrOnly = accessRule('/hr');
  it('sends anonymous to sign in, refuses the wrong role, allows the right one', () => {
    expect(decide(hrOnly, null)).toBe('sign-in');
    expect(decide(hrOnly, user('supervisor'))).toBe('forbidden');
    expect(decide(hrOnly, user('hr'))).toBe('allow');
    expect(decide(hrOnly, user('admin'))).toBe('allow');
  });
  it('denies unlisted routes even to an admin', () => {
    expect(decide(accessRule('/new-route'), user('admin'))).toBe('forbidden');
    expect(decide(accessRule('/new-route'), null)).toBe('sign-in');
  });
  it('lets anyone reach public routes', () => expect(decide(accessRule('/login'), null)).toBe('allow'));
});

describe('sites', () => {
  it('limits only supervisors with sites', () => {
    expect(allowedSitesOf(user('supervisor', ['Astana']))).toEqual(['Astana']);
    expect(allowedSitesOf(user('supervisor'))).toBeNull();
    expect(allowedSitesOf(user('admin', ['Astana']))).toBeNull();
    expect(allowedSitesOf(null)).toBeNull();
  });
  it('refuses any site outside the limit, in lists too', () => {
    expect(refusedSite(['Astana'], ['Astana'])).toBeNull();
    expect(refusedSite(['Astana,Taraz'], ['Astana'])).toBe('Taraz');
    expect(refusedSite(['', ' '], ['Astana'])).toBeNull();
    expect(refusedSite(['Taraz'], null)).toBeNull();
  });
  it('homes hr and site-limited supervisors on their area', () => {
    expect(homeOf(user('hr'))).toBe('/hr');
    expect(homeOf(user('supervisor', ['Astana']))).toBe('/supervisor');
    expect(homeOf(user('planner'))).toBe('/');
  });
});

describe('csrfRefusal', () => {
  const url = new URL('http://127.0.0.1:3000/api/session');
  const h = (init: Record<string, string>) => new Headers(init);
  it('lets safe methods and same-origin requests through', () => {
    expect(csrfRefusal('GET', url, h({ origin: 'http://evil.example' }))).toBeNull();
    expect(csrfRefusal('POST', url, h({ origin: 'http://127.0.0.1:3000' }))).toBeNull();
    expect(csrfRefusal('DELETE', url, h({}))).toBeNull();
  });
  it('refuses cross-origin state changes', () => {
    expect(csrfRefusal('POST', url, h({ origin: 'http://evil.example' }))).toMatch(/another origin/);
    expect(csrfRefusal('PUT', url, h({ origin: 'null' }))).toMatch(/another origin/);
    expect(csrfRefusal('DELETE', url, h({ 'sec-fetch-site': 'cross-site' }))).toMatch(/cross-site/);
  });
  it('exempts bearer-token ingest', () => {
    expect(
      csrfRefusal('POST', new URL('http://127.0.0.1:3000/api/ingest/calls'), h({ origin: 'http://evil.example' })),
    ).toBeNull();
  });
});
