/** Links between the supervisor views: a selection (dates, filters, outcome) as a query string. */
export const FILTER_NAMES = ['queue', 'language', 'site', 'channel', 'agent'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface Selection {
  from: string;
  to: string;
  filters: Partial<Record<FilterName, string>>;
  outcome?: string;
  /** One 15-minute interval of a single day, local 'HH:MM' (the intraday table's rows). */
  interval?: string | null;
}

/** The query string of a link to /supervisor/calls (or another view) for a selection. */
export function selectionQuery(params: Selection): string {
  const q = new URLSearchParams();
  if (params.from === params.to) q.set('date', params.from);
  else {
    q.set('from', params.from);
    q.set('to', params.to);
  }
  for (const n of FILTER_NAMES) if (params.filters[n]) q.set(n, params.filters[n] as string);
  if (params.outcome) q.set('outcome', params.outcome);
  if (params.interval) q.set('interval', params.interval);
  return q.toString();
}

/** The link to the calls behind a number. */
export function callsHref(selection: Selection): string {
  return `/supervisor/calls?${selectionQuery(selection)}`;
}

/** The calls behind each KPI: the outcome a drill-down from that number filters on. */
export const KPI_OUTCOME: Record<string, string> = {
  offered: 'offered',
  answered: 'answered',
  abandoned: 'abandoned',
  short_abandoned: 'short_abandoned',
  lost: 'lost',
  base: 'offered',
  answered_within_sl: 'answered',
  service_level: 'offered',
  lost_rate: 'lost',
  dial_through: 'lost',
  asa_s: 'answered',
  avg_wait_s: 'offered',
  aht_s: 'answered',
  self_service: 'self_service',
  callbacks: 'callback',
  transferred: 'transferred',
  ratings: 'answered',
  avg_rating: 'answered',
  csi: 'answered',
  cdi: 'answered',
  fcr_eligible: 'answered',
  fcr: 'answered',
  handled: 'answered',
};

/** A date `days` after `isoDate` (calendar arithmetic). */
export function shiftDate(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
