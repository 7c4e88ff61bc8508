import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string>();

/** The text of `sql/queries/NAME.sql` (read once). */
export function sqlQuery(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(fileURLToPath(new URL(`../../../sql/queries/${name}.sql`, import.meta.url)), 'utf8');
    cache.set(name, text);
  }
  return text;
}
