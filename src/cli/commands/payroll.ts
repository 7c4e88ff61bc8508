import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseCommandArgs, UsageError } from '../args.ts';
import type { Command } from '../command.ts';
import { openContext } from '../context.ts';
import { printJson } from '../io.ts';
import { loadConfig } from '../../server/config.ts';
import { InputError } from '../../server/input-error.ts';
import { parseMonth, parsePayLang, payrollView } from '../../server/payroll.ts';
import { closePayrollMonth, parseDraftPayText, payrollWhatIf } from '../../server/payroll-close.ts';
import { payrollExport, type ExportFormat } from '../../server/payroll-export.ts';
import { recordAudit } from '../../server/auth/audit-store.ts';
import { formatPayrollTable, formatWhatIfTable, tenge } from './payroll-table.ts';

const USAGE = `usage: kezek payroll --month YYYY-MM [--out FILE.csv|FILE.xlsx] [--lang ru|kk|en] [--json]
       kezek payroll --month YYYY-MM --what-if DRAFT.json [--json]
       kezek payroll close --month YYYY-MM   (or: kezek payroll --month YYYY-MM --close)
Piece-rate pay per operator with reasons (DESIGN §9); --json prints {month, operators:[…]}.
A closed month shows its frozen figures; its JSON adds closed_at and changes: what later data
(a late rating, a re-ingested day) would change, for HR to review and carry into the next month.
--what-if compares a draft rule set (a JSON file with a "pay" section) with the current rules
(with the frozen month when it is closed): the difference per operator and in total.`;

function exportFormat(path: string): ExportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UsageError(`--out: expected a .csv or .xlsx file name, got "${path}"`);
}

/** The directory `--out` writes into must be there (checked before the month is computed). */
function checkOutDirectory(path: string): void {
  const dir = dirname(resolve(path));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--out: no directory ${dir}`);
}

function readDraft(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`--what-if: cannot read ${path}`);
  }
}

export const command: Command = {
  name: 'payroll',
  summary: 'monthly piece-rate pay per operator with reasons; export, what-if, close a month',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        month: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        'what-if': { type: 'string' },
        close: { type: 'boolean', default: false },
      },
      true,
    );
    if (positionals.length > 1 || (positionals.length === 1 && positionals[0] !== 'close')) {
      throw new UsageError(`unexpected argument "${positionals.at(-1)}" (the only sub-command is close)`);
    }
    const close = values.close || positionals[0] === 'close';
    // Options are checked before the database is opened: bad usage writes nothing.
    let month: string;
    let lang;
    try {
      month = parseMonth(values.month);
      lang = parsePayLang(values.lang);
    } catch (err) {
      if (err instanceof InputError) throw new UsageError(`--${err.message}`);
      throw err;
    }
    const format = values.out === undefined ? undefined : exportFormat(values.out);
    if (values.out !== undefined) checkOutDirectory(values.out);
    if (close && (values['what-if'] !== undefined || values.out !== undefined)) {
      throw new UsageError('close takes no --what-if or --out');
    }
    const draft =
      values['what-if'] === undefined ? undefined : parseDraftPayText(readDraft(values['what-if']), values['what-if']);
    if (draft && values.out !== undefined) throw new UsageError('--what-if takes no --out');
    loadConfig(values.config);
    const ctx = await openContext(values, { existing: true });

    if (close) {
      const closed = await closePayrollMonth(ctx, month);
      await recordAudit(ctx.client, {
        actor: 'cli',
        action: 'payroll_close',
        target: month,
        detail: `${closed.operators} operators, total ${closed.total_tiyn} tiyn`,
      });
      if (values.json) printJson(io, closed);
      else
        io.stdout(
          `closed ${month} at ${closed.closed_at}: ${closed.operators} operators, ${tenge(closed.total_tiyn)} ₸\n`,
        );
      return;
    }
    if (draft) {
      const diff = await payrollWhatIf(ctx, month, draft, lang);
      if (values.json) printJson(io, diff);
      else io.stdout(formatWhatIfTable(diff));
      return;
    }
    const view = await payrollView(ctx, month, lang);
    if (values.out !== undefined && format) {
      writeFileSync(values.out, await payrollExport(view, format));
      // Pay per operator leaving the database: audited as the pages' exports are.
      await recordAudit(ctx.client, { actor: 'cli', action: 'export', target: `payroll ${month}`, detail: values.out });
      if (!values.json) io.stdout(`wrote ${view.result.operators.length} operators of ${month} to ${values.out}\n`);
    }
    if (values.json) printJson(io, view.result);
    else if (values.out === undefined) io.stdout(formatPayrollTable(view.result));
  },
};
