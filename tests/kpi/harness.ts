/**
 * Shared by the KPI and ingest contract tests: run `kezek` in-process through `main(argv, io)`
 * with buffers for stdout/stderr, against one fresh temp database directory per test file
 * (chdb binds exactly one data directory per process, and vitest's forks pool gives every test
 * file its own process). Real files, real embedded ClickHouse, no mocks.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import type { KpiRow } from '../../src/domain/kpi/kpi-row.ts';
import type { IngestSummary } from '../../ingest/event-writer.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const KEZEK_BIN = join(REPO_ROOT, 'bin/kezek.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `kezek ARGS…` in this process with buffered output. */
export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * Runs `node bin/kezek.js ARGS…` in a child process: the way to use a second database directory
 * from a test file (this process holds its own).
 */
export function runChild(args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [KEZEK_BIN, ...args],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** `ms` milliseconds after the ISO instant `iso`, as ISO-8601 UTC (`…Z`, millisecond precision). */
export function plusMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** `s` seconds after `iso`; `s` may carry milliseconds (4.999). */
export function plusS(iso: string, s: number): string {
  return plusMs(iso, Math.round(s * 1000));
}

export type Fields = Record<string, unknown>;

/**
 * One offered visit answered after `waitS` seconds (wait_s = answered_at − entered_at, DESIGN §5)
 * that ends 60 s after the answer; `extra` adds or overrides fields.
 */
export function answered(callId: string, queue: string, enteredAt: string, waitS: number, extra: Fields = {}): Fields {
  return {
    call_id: callId,
    queue,
    entered_at: enteredAt,
    answered_at: plusS(enteredAt, waitS),
    ended_at: plusS(enteredAt, waitS + 60),
    ...extra,
  };
}

/** One visit that hangs up unanswered after `waitS` seconds (wait_s = ended_at − entered_at). */
export function abandoned(callId: string, queue: string, enteredAt: string, waitS: number, extra: Fields = {}): Fields {
  return { call_id: callId, queue, entered_at: enteredAt, ended_at: plusS(enteredAt, waitS), ...extra };
}

export const ndjson = (rows: Fields[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

export interface KpiQuery {
  from: string;
  to?: string;
  by?: string;
  queue?: string[];
  /** A config file path; default: this workspace's explicit default config. */
  config?: string;
}

export interface KpiOutput {
  from: string;
  to: string;
  timezone: string;
  rows: KpiRow[];
}

/** A temp directory holding this test file's database, input files and config files. */
export class Workspace {
  readonly dir: string;
  readonly db: string;
  /** `{}`: every default of DESIGN §8, passed explicitly so no ./kezek.config.json is picked up. */
  readonly defaultConfig: string;
  private files = 0;

  constructor(name: string) {
    this.dir = mkdtempSync(join(tmpdir(), `kezek-${name}-`));
    this.db = join(this.dir, 'data');
    this.defaultConfig = this.config({}, 'default.config.json');
  }

  /** Writes a file into the workspace and returns its path. */
  file(text: string, name = `input-${++this.files}.txt`): string {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
  }

  config(value: unknown, name = `config-${++this.files}.json`): string {
    return this.file(JSON.stringify(value), name);
  }

  /** `kezek ingest FILE --json`; fails the test unless the command exits 0. */
  async ingestFile(
    path: string,
    kind = 'calls',
    format = 'kezek-ndjson',
    config = this.defaultConfig,
  ): Promise<IngestSummary> {
    const r = await runCli([
      'ingest',
      path,
      '--format',
      format,
      '--kind',
      kind,
      '--db',
      this.db,
      '--config',
      config,
      '--json',
    ]);
    if (r.code !== 0) throw new Error(`ingest exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as IngestSummary;
  }

  /** Writes rows as NDJSON and ingests them. */
  async ingest(rows: Fields[], kind = 'calls', config = this.defaultConfig): Promise<IngestSummary> {
    return this.ingestFile(this.file(ndjson(rows), `${kind}-${++this.files}.ndjson`), kind, 'kezek-ndjson', config);
  }

  /** `kezek export KIND --format F`: the text written to stdout. */
  async exportText(kind: string, format = 'kezek-ndjson', range?: { from: string; to: string }): Promise<string> {
    const args = ['export', kind, '--format', format, '--db', this.db, '--config', this.defaultConfig];
    if (range) args.push('--from', range.from, '--to', range.to);
    const r = await runCli(args);
    if (r.code !== 0) throw new Error(`export exited ${r.code}: ${r.stderr}`);
    return r.stdout;
  }

  /** The stored events of a kind, as `kezek export --format kezek-ndjson` writes them. */
  async exported(kind = 'calls'): Promise<Record<string, unknown>[]> {
    const text = await this.exportText(kind);
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  kpiArgs(q: KpiQuery): string[] {
    const args = [
      'kpi',
      '--from',
      q.from,
      '--to',
      q.to ?? q.from,
      '--db',
      this.db,
      '--config',
      q.config ?? this.defaultConfig,
      '--json',
    ];
    if (q.by) args.push('--by', q.by);
    for (const queue of q.queue ?? []) args.push('--queue', queue);
    return args;
  }

  /** `kezek kpi … --json`; fails the test unless the command exits 0. */
  async kpiOutput(q: KpiQuery): Promise<KpiOutput> {
    const r = await runCli(this.kpiArgs(q));
    if (r.code !== 0) throw new Error(`kpi exited ${r.code}: ${r.stderr}`);
    return JSON.parse(r.stdout) as KpiOutput;
  }

  async kpi(q: KpiQuery): Promise<KpiRow[]> {
    return (await this.kpiOutput(q)).rows;
  }

  /** The one row of a query without --by. */
  async total(q: Omit<KpiQuery, 'by'>): Promise<KpiRow> {
    const rows = await this.kpi(q);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
    return rows[0];
  }

  /** Rows of a `--by` query keyed by their group values joined with '|'. */
  async byGroup(q: KpiQuery): Promise<Record<string, KpiRow>> {
    const out: Record<string, KpiRow> = {};
    for (const row of await this.kpi(q)) out[Object.values(row.group).join('|')] = row;
    return out;
  }
}

/** The rating fields of a KPI row. */
export function ratingFields(row: KpiRow): Pick<KpiRow, 'ratings' | 'avg_rating' | 'csi' | 'cdi'> {
  return { ratings: row.ratings, avg_rating: row.avg_rating, csi: row.csi, cdi: row.cdi };
}

/** The FCR fields of a KPI row. */
export function fcrFields(row: KpiRow): Pick<KpiRow, 'fcr_eligible' | 'fcr'> {
  return { fcr_eligible: row.fcr_eligible, fcr: row.fcr };
}

/**
 * The same KPI rows: groups, counts, nulls and flags exactly; fractional values within 1e-9,
 * since a sum of floats may be added up in another order by another database.
 */
export function sameKpis(actual: KpiRow[], expected: KpiRow[]): boolean {
  if (actual.length !== expected.length) return false;
  return actual.every((row, i) =>
    Object.entries(expected[i]).every(([key, want]) => {
      const got = (row as unknown as Record<string, unknown>)[key];
      if (typeof want === 'number' && typeof got === 'number' && !Number.isInteger(want)) {
        return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
      }
      return JSON.stringify(got) === JSON.stringify(want);
    }),
  );
}
