/**
 * The URL parameters shared by the supervisor views: a day (`date`) or a range (`from`, `to`) of
 * local dates, and filters. An empty parameter means no filter; a bad one is an InputError (400).
 */
import { localDateOf, nextDate } from '../domain/time/local-dates.ts';
import type { KezekConfig } from './config.ts';
import { InputError } from './input-error.ts';
import { kpiRequest, MAX_RANGE_DAYS, parseLocalDate } from './kpi-request.ts';
import type { KpiGroup, KpiRequest } from './queries/kpi.ts';

export const OUTCOMES = [
  'offered',
  'answered',
  'abandoned',
  'lost',
  'short_abandoned',
  'transferred',
  'self_service',
  'callback',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

import { FILTER_NAMES, type FilterName } from '../ui/selection.ts';
export { FILTER_NAMES, type FilterName };

export interface SupervisorParams {
  from: string;
  to: string;
  /** The single day asked for, when the URL gave `date` (or nothing). */
  date: string | null;
  filters: Record<FilterName, string>;
  outcome: Outcome | '';
  /** One 15-minute interval of the single day, local 'HH:MM'; null = the whole range. */
  interval: string | null;
  /** Sites a site-limited supervisor may see (set by the route from the request); null = all. */
  allowedSites?: string[] | null;
}

/** Today in the centre's time zone, moved by `days`. */
export function localToday(config: KezekConfig, days = 0, nowMs = Date.now()): string {
  return nextDate(localDateOf(nowMs, config.timezone), days);
}

/**
 * Reads `date` or `from`/`to` (`from` alone = that day), the filters and `outcome`.
 * `defaultDay` is used when neither is given.
 */
export function supervisorParams(url: URL, defaultDay: string): SupervisorParams {
  const p = url.searchParams;
  const get = (name: string) => (p.get(name) ?? '').trim();
  let date: string | null = null;
  let from: string;
  let to: string;
  if (get('from') || get('to')) {
    from = parseLocalDate('from', get('from') || get('to'));
    to = parseLocalDate('to', get('to') || from);
    if (to < from) throw new InputError(`to ${to} is before from ${from}`);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
    if (days > MAX_RANGE_DAYS) throw new InputError(`the range spans ${days} days; at most ${MAX_RANGE_DAYS}`);
    if (from === to) date = from;
  } else {
    date = get('date') ? parseLocalDate('date', get('date')) : defaultDay;
    from = to = date;
  }
  const filters = Object.fromEntries(FILTER_NAMES.map((n) => [n, get(n).slice(0, 200)])) as Record<FilterName, string>;
  const outcome = get('outcome');
  if (outcome && !(OUTCOMES as readonly string[]).includes(outcome)) {
    throw new InputError(`outcome: expected one of ${OUTCOMES.join(', ')}`);
  }
  const interval = get('interval') || null;
  if (interval !== null) {
    if (!/^([01]\d|2[0-3]):(00|15|30|45)$/.test(interval))
      throw new InputError('interval: expected HH:MM at a quarter hour');
    if (date === null) throw new InputError('interval: only with a single date');
  }
  return { from, to, date, filters, outcome: outcome as Outcome | '', interval };
}

/** A KPI request for the params' range (or another), validated like `kezek kpi`. */
export function supervisorKpiRequest(
  config: KezekConfig,
  params: SupervisorParams,
  by: KpiGroup[],
  range?: { from: string; to: string },
): KpiRequest {
  const f = params.filters;
  const one = (v: string) => (v ? [v] : []);
  return kpiRequest(
    {
      from: range?.from ?? params.from,
      to: range?.to ?? params.to,
      by: by.join(','),
      queue: one(f.queue),
      language: one(f.language),
      site: one(f.site),
      channel: one(f.channel),
      agent: one(f.agent),
      allowedSites: params.allowedSites,
    },
    config,
  );
}
