import { readFileSync } from 'node:fs';
import { projectPath } from '../project-files.ts';

const cache = new Map<string, string>();

/** The text of `sql/queries/NAME.sql` (read once). */
export function sqlQuery(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(projectPath('sql', 'queries', `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
