import { createReadStream } from 'node:fs';

/** Lines longer than this are rejected whole (their text is cut to a prefix in the reject). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface RawLine {
  line: number;
  text: string;
  /** The line was longer than MAX_LINE_BYTES; `text` holds only its beginning. */
  tooLong: boolean;
}

/**
 * Splits a byte stream into lines (LF or CRLF) without ever holding more than one line of at most
 * `maxBytes` in memory. `onBytes` reports progress. The last line may lack a newline.
 */
export async function* readLines(
  chunks: AsyncIterable<Buffer | string>,
  options: { maxBytes?: number; onBytes?: (n: number) => void; startLine?: number } = {},
): AsyncGenerator<RawLine> {
  const maxBytes = options.maxBytes ?? MAX_LINE_BYTES;
  let line = options.startLine ?? 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const finish = (): RawLine => {
    line++;
    let buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    if (buf.length > 0 && buf[buf.length - 1] === 13) buf = buf.subarray(0, buf.length - 1);
    const out = { line, text: tooLong ? buf.subarray(0, 200).toString('utf8') : buf.toString('utf8'), tooLong };
    parts = [];
    size = 0;
    tooLong = false;
    return out;
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    options.onBytes?.(buf.length);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      append(buf.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    if (start < buf.length) append(buf.subarray(start));
  }
  if (size > 0 || parts.length > 0) yield finish();

  function append(piece: Buffer) {
    if (tooLong) return;
    if (size + piece.length > maxBytes) {
      tooLong = true;
      parts.push(piece.subarray(0, Math.max(0, 256 - size)));
      return;
    }
    parts.push(piece);
    size += piece.length;
  }
}

export function readFileLines(path: string, options: { onBytes?: (n: number) => void; start?: number } = {}) {
  return readLines(createReadStream(path, { start: options.start, highWaterMark: 1 << 20 }), options);
}
