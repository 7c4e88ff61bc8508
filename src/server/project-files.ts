import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The kezek checkout this code runs from (the folder of its package.json), found by walking up
 * from this module: it works from the sources and from the bundled dashboards in build/.
 */
export function projectRoot(): string {
  if (root) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'kezek') {
      return (root = dir);
    }
    if (dirname(dir) === dir) throw new Error('cannot find the kezek project folder (package.json)');
  }
}

/** A path inside the project, e.g. projectPath('sql', 'migrations'). */
export function projectPath(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}
