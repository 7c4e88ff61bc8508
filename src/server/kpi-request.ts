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
}

export function parseLocalDate(name: string, raw: string | null | undefined): string {
  if (!raw) throw new InputError(`${name} is required (YYYY-MM-DD)`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
  if (!valid) throw new InputError(`${name}: expected a date YYYY-MM-DD, got "${raw.slice(0, 40)}"`);
  return raw;
}

export function parseGroups(raw: string | null | undefined): KpiGroup[] {
  if (!raw) return [];
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!isKpiGroup(n)) throw new InputError(`by: unknown group "${n.slice(0, 40)}" (expected ${KPI_GROUPS.join(', ')})`);
  }
  if (new Set(names).size !== names.length) throw new InputError('by: a group is named twice');
  return names as KpiGroup[];
}

/** Filter values: comma-separated lists; empty values mean no filter. */
function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
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
      sites: list(params.site),
      channels: list(params.channel),
      agents: list(params.agent),
    },
    timezone: config.timezone,
    kpi: config.kpi,
  };
}
