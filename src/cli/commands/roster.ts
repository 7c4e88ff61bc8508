/** `kezek roster`: the weekly shift roster for named operators (issue 6). */
import { parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { InputError } from '../../server/input-error.ts';
import { rosterJson, rosterRequest, rosterWeek, trainingJson, type WeekResult } from '../../server/roster.ts';
import { saveRosterWeek } from '../../server/queries/roster-store.ts';

const USAGE = `usage: kezek roster --week YYYY-Www [--plan-only] [--time-limit S] [--json]
Builds the week's roster from the staffing plan (kezek staffing) and the operators: step 1 a
shift-mix MIP (HiGHS, implicit breaks, groups of interchangeable operators with weekly tours,
relax-and-fix), step 2 breaks, step 3 named operators by one small MIP per group under every
labour rule of the config's roster section; trainings and coaching are placed inside the shifts
(see kezek training, which shows the trainings of the roster stored here). --plan-only stops after
step 1 (a what-if without names; not stored). Requirement
outside the opening hours is reported as outside_opening_hours, not as under-cover.
--json prints {week, status, objective, lower_bound, gap, solve_s, assignments:[{agent_id, date,
start, end, skill, breaks:[{start,end}], activities:[{kind,start,end}]}], coverage:[{interval_start,
skill, required, scheduled}], shortfalls:[{kind, date, skill, from, to, agent_id, amount, unit, message}]}.`;

function human(r: WeekResult): string {
  const p = r.plan.roster;
  const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(2)} %`);
  const lines = [
    `Roster ${r.request.week} (${r.request.dates[0]} … ${r.request.dates[6]}): ${p.status}, cost ${p.objective?.toFixed(1) ?? '–'}, lower bound ${p.lowerBound?.toFixed(1) ?? '–'}, gap ${pct(p.gap)}, solver ${p.solveSeconds.toFixed(1)} s`,
    `  ${p.assignments.length} shifts for ${new Set(p.assignments.map((a) => a.agent_id)).size} of ${p.problem.operators.length} operators; model ${p.model.columns} columns (${p.model.integers} integer), ${p.model.rows} rows`,
  ];
  const required = p.coverage.reduce((s, c) => s + c.required, 0);
  const short = p.coverage.reduce((s, c) => s + Math.max(0, c.required - c.scheduled), 0);
  lines.push(`  under-cover: ${pct(required > 0 ? short / required : 0)} of required operator-intervals`);
  const byKind = new Map<string, number>();
  for (const s of p.shortfalls) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
  if (byKind.size > 0) lines.push(`  shortfalls: ${[...byKind].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  for (const s of p.shortfalls.slice(0, 15)) lines.push(`    ${s.message}`);
  if (p.shortfalls.length > 15) lines.push(`    … ${p.shortfalls.length - 15} more (see --json)`);
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  name: 'roster',
  summary: 'weekly shift roster for named operators (HiGHS), with trainings placed',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      week: { type: 'string' },
      'plan-only': { type: 'boolean', default: false },
      'time-limit': { type: 'string' },
    });
    if (values.help) return void io.stdout(`${USAGE}\n`);
    if (!values.week) throw new UsageError('--week is required (YYYY-Www)');
    let request;
    try {
      request = rosterRequest({ week: values.week, planOnly: values['plan-only'], timeLimit: values['time-limit'] });
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(err.message);
      throw err;
    }
    const ctx = await openContext(values, { existing: true });
    const result = await rosterWeek(ctx, request);
    if (!request.planOnly) {
      await saveRosterWeek(ctx.client, request.week, { roster: rosterJson(result), training: trainingJson(result) });
    }
    if (values.json) printJson(io, rosterJson(result));
    else io.stdout(human(result));
  },
};
