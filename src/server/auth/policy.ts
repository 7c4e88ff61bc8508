/**
 * Who may open which route (DESIGN §10, issue 8) — pure: a path in, a rule out. hooks.server.ts
 * applies it to every request before any route runs. Anything not listed is denied to everyone,
 * so a route added later stays closed until it is given a line here.
 */

export const ROLES = ['admin', 'supervisor', 'planner', 'hr'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export type AccessRule =
  /** Anyone, signed in or not. */
  | { access: 'public' }
  /** A bearer token scoped to the kind named in the path (POST /api/ingest/KIND). */
  | { access: 'ingest' }
  /** A signed-in user with one of `roles`; `siteScoped`: a site-limited supervisor sees only their sites. */
  | { access: 'roles'; roles: readonly Role[]; siteScoped: boolean }
  /** Nobody: the route is not in the policy. */
  | { access: 'deny' };

const SUPERVISION: readonly Role[] = ['supervisor', 'planner', 'admin'];
const PLANNING: readonly Role[] = ['planner', 'admin'];
const PAY: readonly Role[] = ['hr', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

/**
 * The policy: a path prefix and its rule. A prefix matches the path itself and everything below
 * it (`/hr` matches `/hr` and `/hr/operators/7`, never `/hrx`); `exact` matches only the path.
 * The longest matching prefix wins.
 */
export const POLICY: readonly { prefix: string; exact?: boolean; rule: AccessRule }[] = [
  // The home page is the whole centre's morning view (hooks send hr and site-limited supervisors on).
  { prefix: '/', exact: true, rule: { access: 'roles', roles: SUPERVISION, siteScoped: false } },
  { prefix: '/login', rule: { access: 'public' } },
  { prefix: '/api/session', rule: { access: 'public' } },
  { prefix: '/lang', rule: { access: 'public' } },
  { prefix: '/favicon.svg', rule: { access: 'public' } },
  { prefix: '/robots.txt', rule: { access: 'public' } },
  { prefix: '/_app', rule: { access: 'public' } },
  { prefix: '/supervisor', rule: { access: 'roles', roles: SUPERVISION, siteScoped: true } },
  { prefix: '/api/kpi', rule: { access: 'roles', roles: SUPERVISION, siteScoped: true } },
  { prefix: '/planner', rule: { access: 'roles', roles: PLANNING, siteScoped: false } },
  { prefix: '/api/roster', rule: { access: 'roles', roles: PLANNING, siteScoped: false } },
  { prefix: '/hr', rule: { access: 'roles', roles: PAY, siteScoped: false } },
  { prefix: '/api/payroll', rule: { access: 'roles', roles: PAY, siteScoped: false } },
  { prefix: '/admin', rule: { access: 'roles', roles: ADMIN, siteScoped: false } },
  { prefix: '/api/ingest', rule: { access: 'ingest' } },
];

const DENY: AccessRule = { access: 'deny' };

function matches(path: string, prefix: string, exact: boolean): boolean {
  if (exact) return path === prefix;
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/**
 * The rule for a URL path. SvelteKit's data requests (`/x/__data.json`) take the rule of their
 * page; a path with `..`, `//`, a backslash or an encoded slash is denied rather than guessed at.
 */
export function accessRule(pathname: string): AccessRule {
  let path = pathname.replace(/\/__data\.json$/, '') || '/';
  if (/\.\.|\/\/|\\|%2f|%5c|%2e/i.test(path)) return DENY;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  let best: { length: number; rule: AccessRule } | null = null;
  for (const entry of POLICY) {
    if (matches(path, entry.prefix, entry.exact ?? false) && (!best || entry.prefix.length > best.length)) {
      best = { length: entry.prefix.length, rule: entry.rule };
    }
  }
  return best?.rule ?? DENY;
}

/** True when `path` is an API route (answers 401/403, never a redirect to /login). */
export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

export interface Principal {
  username: string;
  role: Role;
  /** Sites a supervisor is limited to; empty = every site. */
  sites: readonly string[];
}

export type Decision = 'allow' | 'sign-in' | 'forbidden';

/** What a request for a route with `rule` gets, by whom (`null` = anonymous). Ingest is decided by its token. */
export function decide(rule: AccessRule, principal: Principal | null): Decision {
  switch (rule.access) {
    case 'public':
    case 'ingest':
      return 'allow';
    case 'deny':
      return principal ? 'forbidden' : 'sign-in';
    case 'roles':
      if (!principal) return 'sign-in';
      return rule.roles.includes(principal.role) ? 'allow' : 'forbidden';
  }
}

/**
 * The sites a principal may see on a site-scoped route: null = every site. Only supervisors are
 * limited; other roles see the whole centre.
 */
export function allowedSitesOf(principal: Principal | null): string[] | null {
  if (!principal || principal.role !== 'supervisor' || principal.sites.length === 0) return null;
  return [...principal.sites];
}

/**
 * Checks the `site` parameters of a site-scoped request: every site asked for must be allowed.
 * Values may be comma-separated lists (as /api/kpi takes them). Returns the first site refused.
 */
export function refusedSite(requested: readonly string[], allowed: readonly string[] | null): string | null {
  if (!allowed) return null;
  for (const value of requested) {
    for (const site of value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (!allowed.includes(site)) return site;
    }
  }
  return null;
}

/** Where a signed-in user lands on `/`: the first area their role may open. */
export function homeOf(principal: Principal): string {
  if (principal.role === 'hr') return '/hr';
  if (principal.role === 'supervisor' && principal.sites.length > 0) return '/supervisor';
  return '/';
}
