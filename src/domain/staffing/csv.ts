/**
 * CSV text of the staffing plan, safe to open in a spreadsheet: a text cell that starts with
 * =, +, −, @, a tab or a carriage return is prefixed with an apostrophe so it is never run as a
 * formula (OWASP, "CSV Injection"); numbers are written as numbers. Fields are quoted per RFC 4180.
 */

export type CsvValue = string | number | null;

/** @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"` */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV with CRLF line ends and a header row. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const PLAN_COLUMNS = [
  'interval_start',
  'skill',
  'calls',
  'aht_s',
  'agents',
  'scheduled_agents',
  'service_level',
  'asa_s',
  'p_abandon',
] as const;

export interface PlanRowJson {
  interval_start: string;
  skill: string;
  calls: number;
  aht_s: number;
  agents: number | null;
  scheduled_agents: number | null;
  service_level: number | null;
  asa_s: number | null;
  p_abandon: number | null;
}

/** The plan's rows as CSV (the JSON's columns, unrounded). */
export function planCsv(rows: PlanRowJson[]): string {
  return toCsv(
    [...PLAN_COLUMNS],
    rows.map((r) => PLAN_COLUMNS.map((c) => r[c])),
  );
}
