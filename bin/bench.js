#!/usr/bin/env node
// `npm run bench [name…]`: runs bench/*.ts (or the named ones) one after another, each in its own
// process (chdb binds one database directory per process). Figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../bench/', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
// The benchmarks' databases (gigabytes) go into one temporary directory, removed at the end.
const runDir = mkdtempSync(join(tmpdir(), 'kezek-bench-run-'));
let failed = 0;
try {
  for (const file of files) {
    console.log(`\n=== bench/${file}`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${file}`], {
      stdio: 'inherit',
      env: { ...process.env, TMPDIR: runDir },
    });
    if (run.status !== 0) failed++;
  }
} finally {
  rmSync(runDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
