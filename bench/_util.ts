/** Small helpers shared by the benchmark scripts (not a test: they print, never assert). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KEZEK = fileURLToPath(new URL('../bin/kezek.js', import.meta.url));

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kezek-bench-${prefix}-`));
}

/** Runs `kezek …` in a child process; returns its stdout and wall time. */
export function kezek(args: string[], input = ''): { stdout: string; seconds: number } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [KEZEK, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, input });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`kezek ${args.join(' ')} failed: ${run.stderr}`);
  return { stdout: run.stdout, seconds };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Prints one figure against its goal: `name: value unit (goal …, ratio …)`. */
export function report(name: string, value: number, unit: string, goal: number, higherIsBetter: boolean): void {
  const ratio = higherIsBetter ? value / goal : goal / value;
  const verdict = ratio >= 1 ? 'meets' : 'misses';
  console.log(
    `${name}: ${value.toLocaleString('en', { maximumFractionDigits: 3 })} ${unit} (goal ${higherIsBetter ? '≥' : '<'} ${goal.toLocaleString('en')} ${unit}; ${verdict}, ratio ${ratio.toFixed(2)})`,
  );
}
