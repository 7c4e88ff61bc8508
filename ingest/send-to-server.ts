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

/** The endpoint path (and query) for a format and kind, or null when HTTP does not take it. */
export function ingestEndpoint(format: IngestFormat, kind: EventKind): string | null {
  if (format === 'asterisk-queue-log') return '/api/ingest/queue-log';
  if (format === 'kezek-ndjson') return `/api/ingest/${kind}`;
  if (format === 'kezek-csv') return `/api/ingest/${kind}?format=kezek-csv`;
  return null;
}

export async function sendFile(
  serverUrl: string,
  token: string,
  file: string,
  endpoint: string,
  onBytes?: (n: number) => void,
): Promise<IngestSummary> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const body = input.pipe(createGzip({ level: 1 }));
  input.on('error', (err) => body.destroy(err));
  const response = await fetch(new URL(endpoint, serverUrl), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      // Not a form content type: SvelteKit refuses cross-site form posts.
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
      'x-kezek-source': file,
    },
    body: Readable.toWeb(body) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  const text = await response.text();
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
