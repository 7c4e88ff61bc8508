/**
 * Payroll exports for the payroll system and HR spreadsheets: CSV (RFC 4180, UTF-8 with a BOM so
 * that Excel reads Cyrillic) and XLSX (exceljs, loaded lazily), one row per operator with the
 * reasons. In CSV, text cells that a spreadsheet would take for a formula (starting with = + - @,
 * a tab or a carriage return) get a leading apostrophe (OWASP "CSV injection"). An XLSX text cell
 * is a string whatever it starts with, never a formula: it keeps the text as it is (QA: names
 * showed the apostrophe there).
 */
import type { PayLine } from '../domain/pay/pay-line.ts';
import { InputError } from './input-error.ts';
import type { PayFacts, PayrollView } from './payroll.ts';

/** Column keys of the export, in order; they keep the names of `payroll --json`. */
export const EXPORT_COLUMNS = [
  'agent_id',
  'name',
  'site',
  'worked_days',
  'working_days',
  'handled',
  'norm_calls',
  'excess_calls',
  'productive_hours',
  'hours_norm',
  'ratings',
  'avg_rating',
  'complaints',
  'aht_s',
  'gate_hours',
  'gate_rating',
  'gate_aht',
  'guaranteed_tiyn',
  'bonus_tiyn',
  'total_tiyn',
  'reasons',
] as const;

type Cell = string | number | boolean | null;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], Cell>;

/** A text cell made safe from formula injection. @example safeText('=1+1') // "'=1+1" */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One export row per operator line; text cells passed through `text` (safeText for CSV). */
export function exportRows(
  view: Pick<PayrollView, 'result' | 'facts'>,
  text: (s: string) => string = safeText,
): ExportRow[] {
  const facts = new Map<string, PayFacts>(view.facts.map((f) => [f.agent_id, f]));
  return view.result.operators.map((l: PayLine) => {
    const f = facts.get(l.agent_id);
    return {
      agent_id: text(l.agent_id),
      name: text(f?.name ?? ''),
      site: text(f?.site ?? ''),
      worked_days: l.worked_days,
      working_days: f?.working_days ?? null,
      handled: l.handled,
      norm_calls: l.norm_calls,
      excess_calls: l.excess_calls,
      productive_hours: l.productive_hours,
      hours_norm: l.hours_norm,
      ratings: l.ratings,
      avg_rating: l.avg_rating,
      complaints: f?.complaints ?? null,
      aht_s: l.aht_s,
      gate_hours: l.gates.hours,
      gate_rating: l.gates.rating,
      gate_aht: l.gates.aht,
      guaranteed_tiyn: l.guaranteed_tiyn,
      bonus_tiyn: l.bonus_tiyn,
      total_tiyn: l.total_tiyn,
      reasons: text(l.reasons.join('; ')),
    };
  });
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text (header + a row per operator, CRLF line ends, UTF-8 BOM). */
export function payrollCsv(view: Pick<PayrollView, 'result' | 'facts'>): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of exportRows(view)) lines.push(EXPORT_COLUMNS.map((k) => csvField(row[k])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The XLSX workbook: one sheet named after the month, a header row and a row per operator. */
export async function payrollXlsx(view: Pick<PayrollView, 'result' | 'facts'>): Promise<Buffer> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kezek';
  const sheet = workbook.addWorksheet(`payroll ${view.result.month}`);
  sheet.columns = EXPORT_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key === 'reasons' ? 80 : key === 'name' ? 24 : Math.max(10, key.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Values are plain strings, numbers and booleans: exceljs writes strings as text, never formulas.
  sheet.addRows(exportRows(view, (s) => s));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type ExportFormat = 'csv' | 'xlsx';

export function parseExportFormat(raw: string | null | undefined): ExportFormat {
  if (raw === 'csv' || raw === 'xlsx') return raw;
  throw new InputError(`format: expected csv or xlsx, got "${String(raw ?? '').slice(0, 20)}"`);
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export of a month in a format, as bytes. */
export async function payrollExport(
  view: Pick<PayrollView, 'result' | 'facts'>,
  format: ExportFormat,
): Promise<Buffer> {
  return format === 'csv' ? Buffer.from(payrollCsv(view), 'utf8') : payrollXlsx(view);
}
