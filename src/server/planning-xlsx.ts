/**
 * The staffing plan as an Excel workbook (exceljs): one sheet, the JSON's columns, values typed
 * as numbers. Text goes in as plain strings (exceljs never turns a string into a formula), so a
 * skill named "=…" stays text.
 */
import { PLAN_COLUMNS, type PlanRowJson } from '../domain/staffing/csv.ts';

export async function planXlsx(rows: PlanRowJson[]): Promise<ArrayBuffer> {
  // Loaded on demand (a large CommonJS package): its default export or the namespace itself.
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kezek';
  const sheet = workbook.addWorksheet('staffing');
  sheet.columns = PLAN_COLUMNS.map((key) => ({ header: key, key, width: key === 'interval_start' ? 18 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer()).slice().buffer;
}
