import type { Command } from '../command.ts';
import { command as demo } from './demo.ts';
import { command as erlang } from './erlang.ts';
import { command as exportCommand } from './export.ts';
import { command as forecast } from './forecast.ts';
import { command as ingest } from './ingest.ts';
import { command as kpi } from './kpi.ts';
import { command as migrate } from './migrate.ts';
import { command as payroll } from './payroll.ts';
import { command as rejects } from './rejects.ts';
import { command as roster } from './roster.ts';
import { command as serve } from './serve.ts';
import { command as staffing } from './staffing.ts';
import { command as tokens } from './tokens.ts';
import { command as training } from './training.ts';
import { command as users } from './users.ts';

/** Every `kezek` command, in the order `kezek --help` lists them. */
export const commands: Command[] = [
  migrate,
  demo,
  ingest,
  rejects,
  kpi,
  exportCommand,
  erlang,
  forecast,
  staffing,
  roster,
  training,
  payroll,
  serve,
  users,
  tokens,
];
