/**
 * Query parameters written into the SQL as literals: `{name:Type}` becomes `CAST(literal AS Type)`
 * (a String plainly `'…'`). The embedded engine runs parameterized queries one at a time across
 * all its connections (chdb serializes them: its parameter state is shared), so a connection
 * meant to run beside another sends its values this way (client.ts `concurrentClient`).
 */

/** A value as a ClickHouse literal: strings quoted and escaped, arrays of literals, NULL. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`query parameter ${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(sqlLiteral).join(', ')}]`;
  throw new TypeError(`query parameter of type ${typeof value} cannot be written as a literal`);
}

/** A string literal: backslash and quote escaped, and the bytes that end or confuse a line. */
function quote(text: string): string {
  return `'${text.replace(/[\\'\0\n\r\t]/g, (c) => ESCAPES[c])}'`;
}
const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** `{name:Type}`: a name, then a type, which holds no braces. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*):([^{}]+)\}/g;

/**
 * The SQL with every `{name:Type}` of `params` replaced by its literal. One without a value is
 * left as it is: in a comment it is harmless, in the query the engine says it is not set.
 */
export function inlineParams(sql: string, params: Record<string, unknown>): string {
  return sql.replace(PLACEHOLDER, (placeholder: string, name: string, type: string) => {
    if (!Object.hasOwn(params, name)) return placeholder;
    const value = params[name];
    return type.trim() === 'String' && typeof value === 'string'
      ? sqlLiteral(value)
      : `CAST(${sqlLiteral(value)} AS ${type})`;
  });
}
