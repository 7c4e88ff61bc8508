import type { Command } from '../command.ts';
import { command as demo } from './demo.ts';
import { command as erlang } from './erlang.ts';
import { command as exportCommand } from './export.ts';
import { command as ingest } from './ingest.ts';
import { command as kpi } from './kpi.ts';
import { command as migrate } from './migrate.ts';
import { command as serve } from './serve.ts';

/** Every `kezek` command, in the order `kezek --help` lists them. */
export const commands: Command[] = [migrate, demo, ingest, kpi, exportCommand, erlang, serve];
