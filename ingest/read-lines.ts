import { createReadStream } from 'node:fs';

/** Lines longer than this are rejected whole (their text is cut to a prefix in the reject). */
export const MAX_LINE_BYTES = 1024 * 1024;

export interface RawLine {
  line: number;
  text: string;
  /** The line was longer than MAX_LINE_BYTES; `text` holds only its beginning. */
  tooLong: boolean;
  /** Byte offset just after this line (and its newline), counted from `startByte`. */
  end?: number;
}

export interface ReadLinesOptions {
  maxBytes?: number;
  onBytes?: (n: number) => void;
  /** Number of the line before the first one (lines are numbered from startLine + 1). */
  startLine?: number;
  /** Offset of the stream's first byte in its file (for `RawLine.end`). */
  startByte?: number;
  /** Do not yield a last line without a newline (a file still being written: `--follow`). */
  holdPartial?: boolean;
}

/**
 * Splits a byte stream into lines (LF or CRLF) without ever holding more than one line of at most
 * `maxBytes` in memory. `onBytes` reports progress. The last line may lack a newline.
 */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array | string>,
  options: ReadLinesOptions = {},
): AsyncGenerator<RawLine> {
  const maxBytes = options.maxBytes ?? MAX_LINE_BYTES;
  let line = options.startLine ?? 0;
  let offset = options.startByte ?? 0;
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  const finish = (): RawLine => {
    line++;
    let buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    if (buf.length > 0 && buf[buf.length - 1] === 13) buf = buf.subarray(0, buf.length - 1);
    const out = {
      line,
      text: tooLong ? buf.subarray(0, 200).toString('utf8') : buf.toString('utf8'),
      tooLong,
      end: offset,
    };
    parts = [];
    size = 0;
    tooLong = false;
    return out;
  };
  for await (const chunk of chunks) {
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    options.onBytes?.(buf.length);
    const base = offset;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      append(buf.subarray(start, nl));
      offset = base + nl + 1;
      yield finish();
      start = nl + 1;
    }
    if (start < buf.length) append(buf.subarray(start));
    offset = base + buf.length;
  }
  if ((size > 0 || parts.length > 0) && !options.holdPartial) yield finish();

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

export function readFileLines(path: string, options: ReadLinesOptions & { start?: number } = {}) {
  return readLines(createReadStream(path, { start: options.start, highWaterMark: 1 << 20 }), {
    startByte: options.start,
    ...options,
  });
}
