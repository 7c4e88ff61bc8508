/**
 * Every route of dashboards/, read from the folder at test time (so a route added later is
 * tested too), and the access the issue asks for, written here independently of the policy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './server.ts';

export type Role = 'admin' | 'supervisor' | 'planner' | 'hr';
export const ROLES: Role[] = ['admin', 'supervisor', 'planner', 'hr'];

export interface Route {
  /** SvelteKit route id, e.g. /supervisor/calls/[call_id]. */
  id: string;
  /** A concrete path for it (parameters filled with harmless samples). */
  path: string;
  kind: 'page' | 'endpoint';
  /** HTTP methods an endpoint exports (pages: GET). */
  methods: string[];
}

const SAMPLE_PARAMS: Record<string, string> = { kind: 'calls', call_id: 'no-such-call', id: '1001' };

export function dashboardRoutes(root = join(REPO_ROOT, 'dashboards')): Route[] {
  const routes: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    const files = readdirSync(dir);
    const id = '/' + segments.filter((s) => !/^\(.*\)$/.test(s)).join('/');
    const path = id.replace(/\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'x');
    if (files.some((f) => /^\+page(\.server)?\.(ts|svelte|js)$/.test(f)))
      routes.push({ id, path, kind: 'page', methods: ['GET'] });
    const endpoint = files.find((f) => /^\+server\.(ts|js)$/.test(f));
    if (endpoint) {
      const text = readFileSync(join(dir, endpoint), 'utf8');
      const methods = [
        ...text.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]);
      routes.push({ id, path, kind: 'endpoint', methods });
    }
    for (const f of files) {
      if (statSync(join(dir, f)).isDirectory()) walk(join(dir, f), [...segments, f]);
    }
  };
  walk(root, []);
  return routes;
}

export type Expected = 'public' | 'ingest' | Role[];

/** The table (issue 8, item 3). Anything else must be named here before it may ship. */
export function expectedAccess(path: string): Expected | null {
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  const supervision: Role[] = ['supervisor', 'planner', 'admin'];
  if (path === '/') return supervision;
  if (under('/login') || under('/api/session') || under('/lang')) return 'public';
  if (under('/supervisor') || under('/api/kpi')) return supervision;
  if (under('/planner') || under('/api/roster')) return ['planner', 'admin'];
  if (under('/hr') || under('/api/payroll')) return ['hr', 'admin'];
  if (under('/admin')) return ['admin'];
  if (under('/api/ingest')) return 'ingest';
  return null;
}
