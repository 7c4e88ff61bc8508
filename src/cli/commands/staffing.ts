/**
 * `kezek staffing`: required and scheduled operators per interval and skill (DESIGN §6, §7),
 * with an optional simulation check of one planned day.
 */
import { parseCommandArgs } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { loadConfig } from '../../server/config.ts';
import { planningRequest } from '../../server/planning-request.ts';
import { staffingJson, staffingPlan, type StaffingResult } from '../../server/planning-staffing.ts';
import { errorText, pct } from './forecast.ts';

const USAGE = `usage: kezek staffing --from YYYY-MM-DD --to YYYY-MM-DD [--interval 15|30|60] [--shrinkage F]
                      [--erlang-c] [--simulate [--simulate-date YYYY-MM-DD] [--replications N]] [--json]
Required operators per interval and skill from the forecast (kezek forecast), with Erlang A where
a patience is estimated from history (else Erlang C; --erlang-c forces it). Targets: kpi.targets
(service_level, asa_s) within kpi.sl_answer_within_s; staffing.max_occupancy, staffing.max_abandon.
Scheduled = ceil(agents / (1 − shrinkage)); shrinkage from --shrinkage, else staffing.shrinkage,
else measured from agent events (paused ÷ logged-in time).
--simulate runs a discrete-event simulation of one planned day (the first, or --simulate-date)
and reports its service level, ASA and abandonment with 95 % confidence intervals beside Erlang's.
--json prints {…, intervals:[{interval_start, skill, calls, aht_s, agents, scheduled_agents,
service_level, asa_s, p_abandon}], simulation?}.`;

const secs = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} s`);
const ci = (e: { mean: number | null; halfWidth: number | null }, f: (v: number | null) => string) =>
  `${f(e.mean)} ± ${e.halfWidth === null ? '–' : f(e.halfWidth).replace(' ', '')}`;

function human(r: StaffingResult): string {
  const f = r.forecast;
  const lines = [`Staffing ${f.from} … ${f.to}, ${f.intervalMinutes}-minute intervals`];
  lines.push(
    `Targets: service level ${pct(r.targets.serviceLevel ?? null)} within ${r.targets.answerWithinSeconds} s, ASA ≤ ${r.targets.asaSeconds} s`,
  );
  lines.push(`Shrinkage ${pct(Number(r.shrinkage.value))} (${r.shrinkage.source})`);
  for (const m of r.models) {
    const t = r.totals.find((x) => x.skill === m.skill)!;
    const model =
      m.model === 'erlang-a'
        ? `Erlang A, patience ${m.patienceSeconds!.toFixed(0)} s (estimated from abandoned calls)`
        : 'Erlang C';
    lines.push(
      `  ${m.skill}: ${model}; ${Math.round(t.calls)} calls, ${t.agentHours.toFixed(1)} operator-hours on the phone, ${t.scheduledHours.toFixed(1)} scheduled, peak ${t.peakAgents} (${t.peakScheduledAgents} scheduled)`,
    );
  }
  if (f.backtest)
    lines.push(
      `Forecast back-test: per day ${errorText(f.backtest.total.day)}; per interval ${errorText(f.backtest.total.interval)}`,
    );
  for (const s of r.simulation ?? []) {
    lines.push(
      `Simulation ${s.skill} ${s.date} (${s.replications} replications): service level ${ci(s.simulated.serviceLevel, pct)} vs Erlang ${pct(s.erlang.serviceLevel)}; ASA ${ci(s.simulated.asaSeconds, secs)} vs ${secs(s.erlang.asaSeconds)}; abandoned ${ci(s.simulated.abandonRate, pct)} vs ${pct(s.erlang.pAbandon)}`,
    );
    for (const d of s.differing.slice(0, 12)) {
      lines.push(
        `    ${d.intervalStart} ${d.agents} agents: SL sim ${ci(d.simulated.serviceLevel, pct)} vs Erlang ${pct(d.erlang.serviceLevel)}; abandoned ${ci(d.simulated.abandonRate, pct)} vs ${pct(d.erlang.pAbandon)}`,
      );
    }
    if (s.differing.length > 12) lines.push(`    … ${s.differing.length - 12} more intervals differ (see --json)`);
  }
  lines.push('Use --json for every interval.');
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  name: 'staffing',
  summary: 'required operators per interval and skill (Erlang C/A) from the forecast',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      from: { type: 'string' },
      to: { type: 'string' },
      interval: { type: 'string' },
      shrinkage: { type: 'string' },
      'erlang-c': { type: 'boolean', default: false },
      simulate: { type: 'boolean', default: false },
      'simulate-date': { type: 'string' },
      replications: { type: 'string' },
    });
    if (values.help) return void io.stdout(`${USAGE}\n`);
    const request = planningRequest(
      {
        ...values,
        erlangC: values['erlang-c'],
        simulateDate: values.simulate || values['simulate-date'] ? (values['simulate-date'] ?? values.from) : null,
      },
      loadConfig(values.config),
    );
    const ctx = await openContext(values, { existing: true });
    const result = await staffingPlan(ctx, request);
    if (values.json) printJson(io, staffingJson(result));
    else io.stdout(human(result));
  },
};
