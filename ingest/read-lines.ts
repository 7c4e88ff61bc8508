import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../src/server/input-error.ts';

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
  for await (const lines of readLineBatches(chunks, options)) yield* lines;
}

/**
 * As readLines, the lines that end in one chunk at a time (no empty arrays): a reader of large
 * files then awaits once per chunk rather than once per line.
 */
export async function* readLineBatches(
  chunks: AsyncIterable<Uint8Array | string>,
  options: ReadLinesOptions = {},
): AsyncGenerator<RawLine[]> {
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
  /** The line that ends with buf[start, end): decoded in place when it lies whole in `buf`. */
  const lineEndingIn = (buf: Buffer, start: number, end: number): RawLine => {
    if (parts.length > 0 || end - start > maxBytes) {
      append(buf.subarray(start, end));
      return finish();
    }
    line++;
    const stop = end > start && buf[end - 1] === 13 ? end - 1 : end;
    return { line, text: buf.toString('utf8', start, stop), tooLong: false, end: offset };
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
    const lines: RawLine[] = [];
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      offset = base + nl + 1;
      lines.push(lineEndingIn(buf, start, nl));
      start = nl + 1;
    }
    if (start < buf.length) append(buf.subarray(start));
    offset = base + buf.length;
    if (lines.length > 0) yield lines;
  }
  if ((size > 0 || parts.length > 0) && !options.holdPartial) yield [finish()];

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

/**
 * The lines of a file (or named pipe). A gzip-compressed file (`queue_log.2.gz`, as logrotate's
 * `compress` leaves the rotated logs) is read as the lines inside it; `onBytes` then counts the
 * compressed bytes, the share of the file read.
 */
export function readFileLines(path: string, options: ReadLinesOptions & { start?: number } = {}) {
  return readLines(readFileChunks(path, options), { startByte: options.start, ...options, onBytes: undefined });
}

/** As readFileLines, a chunk's lines at a time (readLineBatches). */
export function readFileLineBatches(path: string, options: ReadLinesOptions & { start?: number } = {}) {
  return readLineBatches(readFileChunks(path, options), { startByte: options.start, ...options, onBytes: undefined });
}

const GZIP_MAGIC = [0x1f, 0x8b];

async function* readFileChunks(path: string, options: { start?: number; onBytes?: (n: number) => void }) {
  const input = createReadStream(path, { start: options.start, highWaterMark: 1 << 20 });
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let source: Readable | null = null;
  try {
    const first = await chunks.next();
    if (first.done) return;
    async function* read(): AsyncGenerator<Buffer> {
      for (let next = first; !next.done; next = await chunks.next()) {
        options.onBytes?.(next.value.length);
        yield next.value;
      }
    }
    const compressed = !options.start && first.value[0] === GZIP_MAGIC[0] && first.value[1] === GZIP_MAGIC[1];
    if (!compressed) return yield* read();
    source = Readable.from(read());
    const gunzip = createGunzip();
    source.on('error', (err) => gunzip.destroy(err));
    try {
      for await (const chunk of source.pipe(gunzip)) yield chunk as Buffer;
    } catch (err) {
      throw new InputError(`${path}: a gzip file that cannot be read to its end (${(err as Error).message})`, {
        cause: err,
      });
    }
  } finally {
    // Also when the reader stops early (the head of a file, read to order rotated files).
    source?.destroy();
    input.destroy();
  }
}
