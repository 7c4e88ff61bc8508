/** The (possibly edited) roster as CSV or an Excel workbook (strings stay strings in exceljs). */
import { ROSTER_CSV_COLUMNS, rosterCsv } from '../domain/roster/edit.ts';
import type { RosterAssignmentJson } from '../domain/roster/validate.ts';
import { InputError } from './input-error.ts';

const TIME = /^\d{2}:\d{2}$/;

function checked(body: unknown): { format: 'csv' | 'xlsx'; assignments: RosterAssignmentJson[] } {
  const b = body as { format?: unknown; assignments?: unknown };
  if (b?.format !== 'csv' && b?.format !== 'xlsx') throw new InputError('format: expected csv or xlsx');
  if (!Array.isArray(b.assignments) || b.assignments.length > 20_000)
    throw new InputError('assignments: expected a list of at most 20000');
  for (const a of b.assignments as RosterAssignmentJson[]) {
    if (
      typeof a?.agent_id !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(a.date) ||
      !TIME.test(a.start) ||
      !TIME.test(a.end) ||
      !Array.isArray(a.breaks) ||
      !Array.isArray(a.activities)
    ) {
      throw new InputError('assignments: each needs agent_id, date, start, end, skill, breaks, activities');
    }
  }
  return { format: b.format, assignments: b.assignments as RosterAssignmentJson[] };
}

export async function rosterExport(body: unknown) {
  const { format, assignments } = checked(body);
  if (format === 'csv')
    return { body: rosterCsv(assignments), contentType: 'text/csv; charset=utf-8', filename: 'roster.csv' };
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('roster');
  sheet.columns = ROSTER_CSV_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key === 'breaks' || key === 'activities' ? 40 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const a of assignments) {
    sheet.addRow({
      ...a,
      breaks: a.breaks.map((b) => `${b.start}-${b.end}`).join(' '),
      activities: a.activities.map((x) => `${x.kind} ${x.start}-${x.end}`).join(' '),
    });
  }
  const body2 = new Uint8Array(await workbook.xlsx.writeBuffer()).slice().buffer;
  return {
    body: body2,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: 'roster.xlsx',
  };
}
