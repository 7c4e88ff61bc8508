/**
 * Browser tests need the built dashboards (build/): build once when missing, before any test
 * file starts its server. A stale build is the developer's to refresh (`npx vite build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './harness.ts';

export default function setup(): void {
  if (existsSync(join(REPO_ROOT, 'build', 'handler.js'))) return;
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}
