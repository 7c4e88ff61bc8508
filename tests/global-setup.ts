/**
 * Once per test run, before any test file starts:
 * - every temporary file and database of the run (tests, the servers and CLI processes they
 *   start, which inherit TMPDIR) goes into one directory, removed when the run ends: a run
 *   writes gigabytes of databases, which must not pile up in the system's temporary directory;
 * - the browser tests need the built dashboards (build/): built once when missing. A stale
 *   build is the developer's to refresh (`npx vite build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export default function setup(): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'kezek-test-run-'));
  process.env.TMPDIR = runDir;
  if (!existsSync(join(REPO_ROOT, 'build', 'handler.js'))) {
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
  }
  return () => rmSync(runDir, { recursive: true, force: true });
}
