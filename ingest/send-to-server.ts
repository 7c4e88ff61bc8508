/**
 * `kezek ingest FILE --server URL --token T`: streams a file to a running `kezek serve`
 * (POST /api/ingest/…, gzip-compressed on the fly, never read whole) and returns its summary.
 * The way to ingest while the server holds the embedded database.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { EventKind } from '../src/domain/events.ts';
import type { IngestSummary } from './event-writer.ts';
import type { IngestFormat } from './pipelines.ts';

/** The server refused the request (status 4xx/5xx) with this message. */
export class HttpIngestError extends Error {
  override name = 'HttpIngestError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached, or the connection broke before its answer (message: why). */
export class ServerUnreachableError extends Error {
  override name = 'ServerUnreachableError';
}

/** The endpoint path (and query) for a format and kind, or null when HTTP does not take it. */
export function ingestEndpoint(format: IngestFormat, kind: EventKind): string | null {
  if (format === 'asterisk-queue-log') return '/api/ingest/queue-log';
  if (format === 'kezek-ndjson') return `/api/ingest/${kind}`;
  if (format === 'kezek-csv') return `/api/ingest/${kind}?format=kezek-csv`;
  return null;
}

/**
 * Throws HttpIngestError when the server refuses the file, ServerUnreachableError when it cannot
 * be reached, and an Error naming the file when the file cannot be read.
 */
export async function sendFile(
  serverUrl: string,
  token: string,
  file: string,
  endpoint: string,
  onBytes?: (n: number) => void,
): Promise<IngestSummary> {
  // Built before the request, so that bad arguments throw as they are, not as a network failure.
  const url = new URL(endpoint, serverUrl);
  const headers = new Headers({
    authorization: `Bearer ${token}`,
    'content-type': 'application/x-ndjson',
    'content-encoding': 'gzip',
    // A header holds Latin-1 only: the name percent-encoded (the server decodes it); an ASCII
    // name stays as it is (encodeURI keeps `/`), so older servers store it unchanged.
    'x-kezek-source': encodeURI(file),
    'x-kezek-whole': '1', // the whole file: its earlier rejects are resolved (lines still bad come again)
  });
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const body = input.pipe(createGzip({ level: 1 }));
  let unreadable = null as Error | null;
  input.on('error', (err) => {
    unreadable = err;
    body.destroy(err);
  });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: Readable.toWeb(body) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    text = await response.text();
  } catch (err) {
    // fetch reports a body that failed to read like a lost connection: TypeError "fetch failed".
    if (unreadable) throw new Error(`cannot read ${file}: ${unreadable.message}`, { cause: unreadable });
    const cause = (err as Error).cause; // the socket's error: refused, reset, host not found…
    throw new ServerUnreachableError(cause instanceof Error ? cause.message : (err as Error).message, { cause: err });
  }
  if (!response.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string; message?: string }).error ?? message;
    } catch {
      /* not JSON: keep the text */
    }
    throw new HttpIngestError(response.status, `${serverUrl} answered ${response.status}: ${message.slice(0, 300)}`);
  }
  return JSON.parse(text) as IngestSummary;
}
