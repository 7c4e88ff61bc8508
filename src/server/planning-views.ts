/**
 * Data of the planner pages (/planner/forecast, /planner/staffing) and the plan export: the
 * routes pass their URL parameters here and render what comes back. A request the database
 * cannot answer (bad dates, no history yet) comes back as `error`, shown on the page.
 */
import { localDateOf, nextDate } from '../domain/time/local-dates.ts';
import { planCsv } from '../domain/staffing/csv.ts';
import { InputError } from './input-error.ts';
import { forecastRange, type PlanningContext } from './planning.ts';
import { planningRequest, type PlanningRequest } from './planning-request.ts';
import { planRowJson, simulationJson, staffingPlan } from './planning-staffing.ts';

type Params = URLSearchParams;

function request(ctx: PlanningContext, p: Params, defaultFrom: number, defaultTo: number): PlanningRequest {
  const today = localDateOf(Date.now(), ctx.config.timezone);
  return planningRequest(
    {
      from: p.get('from') || nextDate(today, defaultFrom),
      to: p.get('to') || nextDate(today, defaultTo),
      interval: p.get('interval'),
      shrinkage: p.get('shrinkage'),
      simulateDate: p.get('simulate') === '1' ? p.get('from') || nextDate(today, defaultFrom) : null,
    },
    ctx.config,
  );
}

/** The form as the URL filled it: shown again with an error, for the planner to correct it. */
function rawForm(ctx: PlanningContext, p: Params) {
  return {
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    interval: Number(p.get('interval')) || ctx.config.staffing.interval_minutes,
    shrinkage: p.get('shrinkage') ?? '',
    simulate: p.get('simulate') === '1',
  };
}

async function orError<T>(
  ctx: PlanningContext,
  p: Params,
  work: () => Promise<T>,
): Promise<T | { error: string; form: ReturnType<typeof rawForm> }> {
  try {
    return await work();
  } catch (err) {
    // QA: the form went with the error, leaving nothing to correct the dates in.
    if (err instanceof InputError) return { error: err.message, form: rawForm(ctx, p) };
    throw err;
  }
}

const formFields = (r: PlanningRequest) => ({ from: r.from, to: r.to, interval: r.intervalMinutes });

/** The last week (with its actual calls) and the next one. */
export function forecastView(ctx: PlanningContext, p: Params) {
  return orError(ctx, p, async () => {
    const req = request(ctx, p, -7, 6);
    const f = await forecastRange(ctx, req);
    return {
      form: formFields(req),
      history: f.history,
      skills: f.skills.map((s) => ({
        skill: s.skill,
        ahtSeconds: s.model.overallAhtSeconds,
        trendPerYear: Math.exp(s.model.trendPerYear) - 1,
        patienceSeconds: s.patience.patienceSeconds,
      })),
      backtest: f.backtest,
      accuracy: f.accuracy,
      points: f.intervals.map((x) => ({
        intervalStart: x.intervalStart,
        skill: x.skill,
        calls: x.calls,
        actualCalls: x.actualCalls,
      })),
    };
  });
}

/** Tomorrow and the six days after it. */
export function staffingView(ctx: PlanningContext, p: Params) {
  return orError(ctx, p, async () => {
    const req = request(ctx, p, 1, 7);
    const r = await staffingPlan(ctx, req);
    return {
      form: { ...formFields(req), shrinkage: req.shrinkage ?? '', simulate: req.simulateDate !== null },
      shrinkage: r.shrinkage,
      models: r.models,
      totals: r.totals,
      backtest: r.forecast.backtest && {
        from: r.forecast.backtest.from,
        to: r.forecast.backtest.to,
        day: r.forecast.backtest.total.day,
        interval: r.forecast.backtest.total.interval,
      },
      cells: r.plan.map((x) => ({
        intervalStart: x.intervalStart,
        skill: x.skill,
        agents: x.agents,
        scheduled: x.scheduledAgents,
      })),
      simulation: r.simulation?.map(simulationJson) ?? null,
    };
  });
}

export interface PlanExport {
  body: string | ArrayBuffer;
  contentType: string;
  filename: string;
}

/** The plan as CSV (formula-safe) or XLSX. @throws InputError for bad parameters or format. */
export async function staffingExport(ctx: PlanningContext, p: Params): Promise<PlanExport> {
  const format = p.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx')
    throw new InputError(`format: expected csv or xlsx, got "${format.slice(0, 20)}"`);
  const req = request(ctx, p, 1, 7);
  const rows = (await staffingPlan(ctx, { ...req, simulateDate: null })).plan.map(planRowJson);
  const filename = `kezek-staffing-${req.from}-${req.to}-${req.intervalMinutes}min.${format}`;
  if (format === 'csv') return { body: planCsv(rows), contentType: 'text/csv; charset=utf-8', filename };
  const { planXlsx } = await import('./planning-xlsx.ts');
  return {
    body: await planXlsx(rows),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename,
  };
}
