/**
 * Helpers of the Asterisk ingest tests: child `kezek` processes (a second database, a process
 * to kill), waiting, and the KPI query every mode is compared on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { KEZEK_BIN, REPO_ROOT, runChild, runCli, type CliResult } from '../kpi/harness.ts';

export const CONFIG = {
  queues: {
    '1414-ru': { language: 'ru', site: 'Almaty' },
    '1414-kk': { language: 'kk', site: 'Astana' },
    support: { language: 'ru', site: 'Astana' },
  },
};

/** `kpi --json` arguments grouped finely enough that any difference in the rows shows. */
export function kpiArgs(db: string, config: string, range: { from: string; to: string }): string[] {
  return [
    'kpi',
    '--from',
    range.from,
    '--to',
    range.to,
    '--by',
    'day,queue,language,site,agent',
    '--db',
    db,
    '--config',
    config,
    '--json',
  ];
}

/** Runs a child `kezek` and fails unless it exits 0; returns its stdout parsed as JSON. */
export async function childJson<T>(args: string[]): Promise<T> {
  const r: CliResult = await runChild(args);
  if (r.code !== 0) throw new Error(`kezek ${args[0]} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node bin/kezek.js ARGS…` without waiting for it. */
export function spawnKezek(args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const child = spawn(process.execPath, [KEZEK_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * True once `table` (monthly-partitioned) of the database directory holds a data part: rows of it
 * are stored. Read from the directory, while another process holds the database.
 */
export function hasMonthlyPart(db: string, table: string): boolean {
  try {
    return readdirSync(join(db, 'data', 'default', table)).some((name) => /^\d{6}_\d+_\d+_\d+$/.test(name));
  } catch {
    return false;
  }
}

/** Splits lines into consecutive chunks of random sizes (seeded). */
export function randomChunks<T>(items: T[], count: number, seed = 3): T[][] {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const cuts = Array.from({ length: count - 1 }, () => Math.floor(rnd() * items.length)).sort((a, b) => a - b);
  const chunks: T[][] = [];
  let start = 0;
  for (const cut of [...cuts, items.length]) {
    chunks.push(items.slice(start, cut));
    start = cut;
  }
  return chunks;
}

/** The summary of `kezek ingest … --json`. */
export interface IngestJson {
  read: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** The arguments of `kezek ingest FILE --format F --batch-rows N` into a database, with `config`, printing JSON. */
export const ingestArgsOf =
  (file: string, format: string, batchRows: number, config: string) =>
  (db: string): string[] => [
    ...['ingest', file, '--format', format, '--batch-rows', String(batchRows)],
    ...['--db', db, '--config', config, '--json'],
  ];

/**
 * The kill -9 tests' runs of one ingest (`args(db)`): killed (-9) in a child once each of `tables`
 * of `db` has its first part (raw rows and derived records are stored side by side, so waiting for
 * one alone can kill before the other's first batch), run again in this process (the database is
 * free again; it must print no warning: what it reads again are duplicates, not late lines), and
 * run clean into `cleanDb` in a child. Returns the restart's summary.
 */
export async function killedRestartedAndClean(
  args: (db: string) => string[],
  db: string,
  tables: readonly string[],
  cleanDb: string,
): Promise<IngestJson> {
  const killed = spawnKezek(args(db));
  const stored = () => tables.every((table) => hasMonthlyPart(db, table));
  await waitFor(stored, 60_000, `the first rows of ${tables.join(' and ')} stored`);
  killed.child.kill('SIGKILL');
  expect((await killed.exit).signal).toBe('SIGKILL');
  const r = await runCli(args(db));
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  await childJson(args(cleanDb));
  return JSON.parse(r.stdout) as IngestJson;
}
