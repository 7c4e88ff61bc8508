/**
 * Validates the parameters of a KPI request, shared by `kezek kpi` and GET /api/kpi.
 */
import type { KezekConfig } from './config.ts';
import { InputError } from './input-error.ts';
import { isKpiGroup, KPI_GROUPS, type KpiGroup, type KpiRequest } from './queries/kpi.ts';

export interface KpiParams {
  from?: string | null;
  to?: string | null;
  by?: string | null;
  queue?: string[];
  language?: string[];
  site?: string[];
  channel?: string[];
  agent?: string[];
  /**
   * Sites the caller may see (a site-limited supervisor, issue 8); null or absent = every site.
   * Asking for another site is refused; asking for none means all of the allowed ones.
   */
  allowedSites?: readonly string[] | null;
}

/** A site outside the caller's sites was asked for (HTTP 403). */
export class SiteNotAllowedError extends Error {
  override name = 'SiteNotAllowedError';
}

/** The sites filter under a site limit: the sites asked for, each allowed, or all allowed ones. */
export function scopedSites(requested: string[], allowed: readonly string[] | null | undefined): string[] {
  if (!allowed) return requested;
  const refused = requested.find((s) => !allowed.includes(s));
  if (refused !== undefined) throw new SiteNotAllowedError(`the site ${refused.slice(0, 100)} is not among yours`);
  // An empty allowed list would read as "no filter": match no site instead.
  return requested.length ? requested : allowed.length ? [...allowed] : ['\u0000none'];
}

/**
 * A local date `YYYY-MM-DD` of the calendar, else an InputError naming `name` (the one check of
 * date parameters: the API's and, through dateOption, the CLI's).
 */
export function parseLocalDate(name: string, raw: string | null | undefined): string {
  if (!raw) throw new InputError(`${name} is required (YYYY-MM-DD)`);
  // Month 13 or day 32 parse to an invalid Date (toISOString would throw); day 30 of February
  // rolls over into March, so the date must read back unchanged.
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : NaN;
  const valid = !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(raw);
  if (!valid) throw new InputError(`${name}: expected a date YYYY-MM-DD, got "${raw.slice(0, 40)}"`);
  return raw;
}

export function parseGroups(raw: string | null | undefined): KpiGroup[] {
  if (!raw) return [];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) {
    if (!isKpiGroup(n))
      throw new InputError(`by: unknown group "${n.slice(0, 40)}" (expected ${KPI_GROUPS.join(', ')})`);
  }
  if (new Set(names).size !== names.length) throw new InputError('by: a group is named twice');
  return names as KpiGroup[];
}

/** Filter values: comma-separated lists; empty values mean no filter. */
function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The longest range one request may span (a year and a day, for leap years). */
export const MAX_RANGE_DAYS = 366;

export function kpiRequest(params: KpiParams, config: KezekConfig): KpiRequest {
  const from = parseLocalDate('from', params.from);
  const to = parseLocalDate('to', params.to);
  if (to < from) throw new InputError(`to ${to} is before from ${from}`);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) throw new InputError(`the range spans ${days} days; at most ${MAX_RANGE_DAYS}`);
  return {
    from,
    to,
    by: parseGroups(params.by),
    filters: {
      queues: list(params.queue),
      languages: list(params.language),
      sites: scopedSites(list(params.site), params.allowedSites),
      channels: list(params.channel),
      agents: list(params.agent),
    },
    timezone: config.timezone,
    kpi: config.kpi,
  };
}
