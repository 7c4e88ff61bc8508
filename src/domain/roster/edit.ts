/**
 * Manual edits of a roster in the output format: a shift moved or resized gets its breaks back
 * inside their windows (the middle of each), activities outside the new shift are dropped; the
 * validator then re-checks every rule. Also the roster as CSV, safe from formula injection.
 */
import type { RosterSettings } from './settings.ts';
import type { RosterAssignmentJson } from './validate.ts';
import { hhmm, minutesOf } from './time.ts';

export function editShift(
  a: RosterAssignmentJson,
  start: string,
  end: string,
  settings: RosterSettings,
  intervalMinutes: number,
): RosterAssignmentJson {
  const s = minutesOf(start);
  const e = minutesOf(end);
  const rule = settings.shifts.find((r) => Math.round(r.hours * 60) === e - s);
  const breaks = (rule?.breaks ?? []).map((b) => {
    const mid = Math.round((b.from_minutes + b.to_minutes) / 2 / intervalMinutes) * intervalMinutes;
    return { start: hhmm(s + mid), end: hhmm(s + mid + b.minutes) };
  });
  const activities = a.activities.filter((x) => minutesOf(x.start) >= s && minutesOf(x.end) <= e);
  return { ...a, start, end, breaks, activities };
}

/** A cell as CSV text: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const ROSTER_CSV_COLUMNS = ['agent_id', 'date', 'start', 'end', 'skill', 'breaks', 'activities'] as const;

export function rosterCsv(assignments: RosterAssignmentJson[]): string {
  const lines = [ROSTER_CSV_COLUMNS.join(',')];
  for (const a of assignments) {
    const breaks = a.breaks.map((b) => `${b.start}-${b.end}`).join(' ');
    const acts = a.activities.map((x) => `${x.kind} ${x.start}-${x.end}`).join(' ');
    lines.push([a.agent_id, a.date, a.start, a.end, a.skill, breaks, acts].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
