/**
 * The drill-down: the visits behind a number, paged, as CSV (safe against formula injection),
 * and one contact's timeline.
 */
import { localDateRange, localTimeMs } from '../domain/time/local-dates.ts';
import type { ServerContext } from './context.ts';
import { countCallVisits, fetchCalls, fetchCallTimeline, type CallsSelection, type VisitRow } from './queries/calls.ts';
import { fetchFilterOptions } from './queries/supervisor.ts';
import { supervisorKpiRequest, type SupervisorParams } from './supervisor-params.ts';

export const PAGE_SIZE = 50;
/** The most rows one CSV export writes. */
export const CSV_MAX_ROWS = 200_000;

function selection(ctx: ServerContext, params: SupervisorParams): CallsSelection {
  const tz = ctx.config.timezone;
  const { startMs, endMs } =
    params.interval && params.date
      ? {
          startMs: localTimeMs(params.date, params.interval, tz),
          endMs: localTimeMs(params.date, params.interval, tz) + 15 * 60_000,
        }
      : localDateRange(params.from, params.to, tz);
  const filters = supervisorKpiRequest(ctx.config, params, []).filters ?? {};
  return { startMs, endMs, filters, outcome: params.outcome, kpi: ctx.config.kpi };
}

export async function supervisorCalls(ctx: ServerContext, params: SupervisorParams, page: number) {
  const s = selection(ctx, params);
  const [total, calls, options] = await Promise.all([
    countCallVisits(ctx.client, s),
    fetchCalls(ctx.client, s, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    fetchFilterOptions(ctx.client, s.endMs, params.allowedSites),
  ]);
  return { total, page, pageSize: PAGE_SIZE, calls, options };
}

/**
 * A CSV cell. Text that a spreadsheet would read as a formula (= + - @, tab, CR) is prefixed
 * with an apostrophe (OWASP "CSV injection"); quotes, commas and line breaks are quoted.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const CSV_COLUMNS = [
  'call_id',
  'queue',
  'channel',
  'language',
  'site',
  'agent_id',
  'entered_at',
  'answered_at',
  'ended_at',
  'wait_s',
  'talk_s',
  'hold_s',
  'wrap_s',
  'transferred',
  'callback',
  'self_service',
  'topic',
] as const;

export function callsCsvLine(r: VisitRow): string {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    ...r,
    entered_at: iso(r.entered_ms),
    answered_at: iso(r.answered_ms),
    ended_at: iso(r.ended_ms),
  };
  return CSV_COLUMNS.map((c) => csvCell(values[c])).join(',');
}

export async function supervisorCallsCsv(ctx: ServerContext, params: SupervisorParams): Promise<string> {
  const calls = await fetchCalls(ctx.client, selection(ctx, params), CSV_MAX_ROWS, 0);
  return [CSV_COLUMNS.join(','), ...calls.map(callsCsvLine)].join('\r\n') + '\r\n';
}

/** One contact's timeline; a site-limited supervisor (`allowedSites`) sees only its events at their sites. */
export async function supervisorCallTimeline(
  ctx: ServerContext,
  callId: string,
  allowedSites: readonly string[] | null = null,
) {
  const all = await fetchCallTimeline(ctx.client, callId);
  const visible = (e: (typeof all)[number]) => allowedSites!.includes(e.site);
  // Ratings carry no site: they show with a contact that has a visit at one of the sites.
  const events = !allowedSites ? all : all.some(visible) ? all.filter((e) => e.kind === 'rating' || visible(e)) : [];
  const ratings = events.filter((e) => e.kind === 'rating');
  return { callId, events, rating: ratings.length ? ratings[ratings.length - 1].score : null };
}
