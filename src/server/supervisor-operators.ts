/**
 * The operators table: per operator handled calls (answered visits), AHT, average rating, CSI,
 * FCR and pause time by reason, for a day or a range, filtered by site and queue.
 */
import { localDateRange } from '../domain/time/local-dates.ts';
import type { ServerContext } from './context.ts';
import { fetchKpisFast } from './queries/rollup-kpi.ts';
import { fetchAgentNames, fetchFilterOptions, fetchPauses } from './queries/supervisor.ts';
import { supervisorKpiRequest, type SupervisorParams } from './supervisor-params.ts';

export interface OperatorLine {
  agent_id: string;
  name: string;
  handled: number;
  aht_s: number | null;
  avg_rating: number | null;
  ratings: number;
  csi: number | null;
  fcr: number | null;
  fcr_provisional: boolean;
  pause_s: number;
  pauses: Record<string, number>;
}

export async function supervisorOperators(ctx: ServerContext, params: SupervisorParams) {
  const { startMs, endMs } = localDateRange(params.from, params.to, ctx.config.timezone);
  const request = supervisorKpiRequest(ctx.config, params, ['agent']);
  const [kpis, names, options] = await Promise.all([
    fetchKpisFast(ctx.client, request),
    fetchAgentNames(ctx.client),
    fetchFilterOptions(ctx.client, endMs, params.allowedSites),
  ]);
  const rows = kpis.rows.filter((r) => r.group.agent !== '');
  const pauseRows = await fetchPauses(
    ctx.client,
    startMs,
    endMs,
    rows.map((r) => r.group.agent),
  );
  const pauses = new Map<string, Record<string, number>>();
  for (const p of pauseRows) {
    const byReason = pauses.get(p.agent_id) ?? {};
    byReason[p.reason || '—'] = (byReason[p.reason || '—'] ?? 0) + p.pause_s;
    pauses.set(p.agent_id, byReason);
  }
  const reasons = [...new Set(pauseRows.map((p) => p.reason || '—'))].sort();
  const operators: OperatorLine[] = rows
    .filter((r) => r.answered > 0 || r.ratings > 0 || r.fcr_eligible > 0)
    .map((r) => {
      const byReason = pauses.get(r.group.agent) ?? {};
      return {
        agent_id: r.group.agent,
        name: names.get(r.group.agent)?.name ?? '',
        handled: r.answered,
        aht_s: r.aht_s,
        avg_rating: r.avg_rating,
        ratings: r.ratings,
        csi: r.csi,
        fcr: r.fcr,
        fcr_provisional: r.fcr_provisional,
        pause_s: Object.values(byReason).reduce((a, b) => a + b, 0),
        pauses: byReason,
      };
    });
  return { operators, reasons, options, source: kpis.source };
}
