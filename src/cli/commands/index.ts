import type { Command } from '../command.ts';
import { command as exportCommand } from './export.ts';
import { command as ingest } from './ingest.ts';
import { command as kpi } from './kpi.ts';
import { command as migrate } from './migrate.ts';

/** Every `kezek` command, in the order `kezek --help` lists them. */
export const commands: Command[] = [migrate, ingest, kpi, exportCommand];
