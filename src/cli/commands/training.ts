/** `kezek training`: the week's training calendar (department trainings and coaching, issue 6). */
import { parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { InputError } from '../../server/input-error.ts';
import { rosterJson, rosterRequest, rosterWeek, trainingJson } from '../../server/roster.ts';
import { fetchRosterWeek, saveRosterWeek } from '../../server/queries/roster-store.ts';

const USAGE = `usage: kezek training --week YYYY-Www [--rebuild] [--time-limit S] [--json]
The week's trainings (config training.weekly, per department) and coaching for operators with
complaints or a low average rating (training.coaching), placed inside the roster's shifts where it
has the most surplus over the requirement, each with its service-level cost by Erlang and by
simulation. They are those of the week's roster as kezek roster last stored it; without one, or
with --rebuild, the week is solved again (and stored). --json prints {week, sessions:[{kind,
label, date, start, end, attendees, requested, service_level_cost:[{skill, erlang_before,
erlang_after, simulated_before, simulated_after}]}], shortfalls}.`;

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

export const command: Command = {
  name: 'training',
  summary: 'training calendar: department trainings and coaching placed in the roster',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      week: { type: 'string' },
      'time-limit': { type: 'string' },
      rebuild: { type: 'boolean', default: false },
    });
    if (values.help) return void io.stdout(`${USAGE}\n`);
    if (!values.week) throw new UsageError('--week is required (YYYY-Www)');
    let request;
    try {
      request = rosterRequest({ week: values.week, timeLimit: values['time-limit'] });
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(err.message);
      throw err;
    }
    const ctx = await openContext(values, { existing: true });
    const stored = values.rebuild ? null : await fetchRosterWeek(ctx.client, request.week);
    let json;
    if (stored) json = stored.training;
    else {
      const result = await rosterWeek(ctx, request);
      json = trainingJson(result);
      await saveRosterWeek(ctx.client, request.week, { roster: rosterJson(result), training: json });
    }
    if (values.json) return printJson(io, json);
    const lines = [
      `Training calendar ${json.week}` +
        (stored
          ? ` (the roster stored ${stored.saved_at.slice(0, 16).replace('T', ' ')} UTC; --rebuild solves again)`
          : ''),
    ];
    for (const s of json.sessions) {
      const cost = s.service_level_cost
        .map(
          (c) =>
            `${c.skill} SL ${pct(c.erlang_before)} → ${pct(c.erlang_after)} (Erlang), ${pct(c.simulated_before)} → ${pct(c.simulated_after)} (simulated)`,
        )
        .join('; ');
      lines.push(
        `  ${s.date} ${s.start}–${s.end} ${s.label}: ${s.attendees.length}/${s.requested} ${s.attendees.join(', ')}${cost ? `; ${cost}` : ''}`,
      );
    }
    for (const s of json.shortfalls) lines.push(`  ! ${s.message}`);
    io.stdout(`${lines.join('\n')}\n`);
  },
};
