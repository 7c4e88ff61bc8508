/**
 * The intraday wall view: 15-minute intervals of one local day with offered, SL, lost, ASA,
 * operators logged in and on pause, and alerts for targets missed twice in a row.
 */
import { emptyCounters, kpiRow, type KpiRow } from '../domain/kpi/kpi-row.ts';
import { localDateRange } from '../domain/time/local-dates.ts';
import type { ServerContext } from './context.ts';
import { fetchKpisFast } from './queries/rollup-kpi.ts';
import { fetchAgentEvents, fetchAgentNames, fetchFilterOptions } from './queries/supervisor.ts';
import { intradayAlerts } from './supervisor-alerts.ts';
import { supervisorKpiRequest, type SupervisorParams } from './supervisor-params.ts';
import { presenceByInterval } from './supervisor-presence.ts';

const INTERVAL_MS = 15 * 60_000;

/** 'YYYY-MM-DDTHH:MM' of a local instant, as the KPI engine's `interval` group writes it. */
function intervalKey(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(ms);
  const v = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`;
}

export async function supervisorIntraday(ctx: ServerContext, params: SupervisorParams, nowMs = Date.now()) {
  const tz = ctx.config.timezone;
  const { startMs, endMs } = localDateRange(params.from, params.from, tz);
  const [kpis, allEvents, options] = await Promise.all([
    fetchKpisFast(ctx.client, supervisorKpiRequest(ctx.config, params, ['interval'])),
    fetchAgentEvents(ctx.client, startMs - 12 * 3_600_000, endMs),
    fetchFilterOptions(ctx.client, endMs, params.allowedSites),
  ]);
  // A site-limited supervisor counts only the operators of their sites (issue 8).
  const sites = params.allowedSites;
  const agents = sites ? await fetchAgentNames(ctx.client) : null;
  const events =
    sites && agents ? allEvents.filter((e) => sites.includes(agents.get(e.agent_id)?.site ?? '')) : allEvents;
  const starts: number[] = [];
  for (let s = startMs; s < endMs; s += INTERVAL_MS) starts.push(s);
  const keys = starts.map((s) => intervalKey(s, tz));
  const byKey = new Map(kpis.rows.map((r) => [r.group.interval, r]));
  // Every interval of the day, empty ones included, so the chart's axis is the whole day.
  const rows: KpiRow[] = keys.map((k) => byKey.get(k) ?? kpiRow({ interval: k }, emptyCounters()));
  const closeMs = Math.min(endMs, nowMs);
  const presence = presenceByInterval(events, starts, INTERVAL_MS, closeMs);
  // Intervals that have not started yet show no operators.
  starts.forEach((s, i) => {
    if (s > nowMs) presence.loggedIn[i] = presence.paused[i] = 0;
  });
  return {
    date: params.from,
    rows,
    presence,
    alerts: intradayAlerts(rows, ctx.config.kpi.targets),
    targets: ctx.config.kpi.targets,
    options,
    refreshedAt: nowMs,
    source: kpis.source,
  };
}
