/**
 * POST /api/ingest/{calls,ratings,agent-events,agents,queue-log}: a streamed body of NDJSON (or
 * kezek CSV with `?format=kezek-csv`, or Asterisk queue_log lines), gzip allowed, read line by
 * line — never whole — into the server's one batching writer. Answers
 * {read, accepted, duplicates, rejected, rejects} once every row is stored.
 * An `X-Kezek-Source` header names the input (e.g. the file sent) in rejects, percent-encoded
 * (encodeURI) so that any file name fits a header. `X-Kezek-Whole: 1` with it says the body is
 * the whole input (again, fixed): its earlier rejects are resolved — the lines still bad are
 * rejected again. Without it the body is a piece of that input (a live sender posting as events
 * come), and the rejects of the earlier pieces stay open.
 * When some of a request's rows cannot be stored it is answered 500: send it again.
 */
import type { IncomingMessage } from 'node:http';
import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { EVENT_KINDS } from '../domain/events.ts';
import { emptySummary } from '../../ingest/event-writer.ts';
import { readLineBatches } from '../../ingest/read-lines.ts';
import { authorizeIngest } from './ingest-auth.ts';
import { ingestBatcher, type IngestBatcher } from './ingest-batcher.ts';
import { recordIngestRun } from './queries/ingest-checkpoints.ts';
import { serverContext } from './context.ts';

export const HTTP_INGEST_KINDS = [...EVENT_KINDS, 'queue-log'] as const;
export type HttpIngestKind = (typeof HTTP_INGEST_KINDS)[number];

/** Lines between two back-pressure checks. */
const CHECK_EVERY_LINES = 1000;

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/**
 * `nodeRequest` is the Node request under the route (adapter-node's `platform.req`; none under
 * vite dev), read when SvelteKit gave no body.
 */
export async function handleIngestRequest(
  request: Request,
  kind: string,
  url: URL,
  nodeRequest?: IncomingMessage,
): Promise<Response> {
  if (!(HTTP_INGEST_KINDS as readonly string[]).includes(kind)) {
    return answer(404, { error: `unknown ingest kind "${kind}" (expected ${HTTP_INGEST_KINDS.join(', ')})` });
  }
  const auth = await authorizeIngest(request, kind);
  if (!auth.ok) return answer(auth.status, { error: auth.message }, { 'www-authenticate': 'Bearer' });
  const format = url.searchParams.get('format') ?? 'kezek-ndjson';
  if (format !== 'kezek-ndjson' && !(format === 'kezek-csv' && kind !== 'queue-log')) {
    return answer(400, { error: `format "${format}" is not taken here: ${takenBy(kind as HttpIngestKind)}` });
  }
  const encoding = (request.headers.get('content-encoding') ?? 'identity').toLowerCase();
  if (!['identity', 'gzip', 'x-gzip'].includes(encoding))
    return answer(415, { error: `Content-Encoding ${encoding} is not supported (gzip is)` });

  let named: string | null;
  try {
    named = decodedSource(request.headers.get('x-kezek-source'));
  } catch (err) {
    return answer(400, { error: (err as Error).message });
  }

  const raw = request.body ?? untypedBody(request.headers, nodeRequest);
  if (raw === 'unreadable') {
    return answer(415, {
      error: 'a body without Content-Type is not read here: send Content-Type: application/x-ndjson',
    });
  }
  if (raw === null) return answer(200, emptySummary());
  const body = encoding === 'identity' ? raw : raw.pipeThrough(new DecompressionStream('gzip'));
  const batcher = await ingestBatcher();
  const source = named || `http:${kind}`;
  if (named && request.headers.get('x-kezek-whole') === '1') {
    await recordIngestRun((await serverContext()).client, named, kind);
  }
  return ingestBody(batcher, kind as HttpIngestKind, format, body, source);
}

/** What an endpoint takes, for the answer to a format it does not. */
function takenBy(kind: HttpIngestKind): string {
  const events = 'kezek-ndjson (the default) or ?format=kezek-csv';
  if (kind !== 'queue-log') return `/api/ingest/${kind} takes ${events}; queue_log lines go to /api/ingest/queue-log`;
  const queueLog = 'Asterisk queue_log lines (file or realtime-CSV form) with no format parameter';
  return `/api/ingest/queue-log takes ${queueLog}; calls, ratings, agent-events and agents take ${events}`;
}

/**
 * The source named by X-Kezek-Source, or null. `kezek ingest --server` percent-encodes it
 * (encodeURI), as a header holds no characters beyond Latin-1; an older client's plain ASCII
 * name decodes to itself. Throws when the value is not percent-encoded UTF-8 (raw bytes above
 * ASCII, e.g. curl from a UTF-8 shell, would otherwise be stored as mojibake).
 */
function decodedSource(header: string | null): string | null {
  if (!header) return null;
  const refusal = `X-Kezek-Source must be percent-encoded UTF-8 (as encodeURI writes it): "${header.slice(0, 100)}" is not`;
  if (!/^[\x20-\x7e]*$/.test(header)) throw new RangeError(refusal); // printable ASCII only
  try {
    return decodeURIComponent(header);
  } catch {
    throw new RangeError(refusal); // a broken escape, or bytes that are no UTF-8
  }
}

/**
 * The body SvelteKit did not give: its Node adapter hands a request without Content-Type to the
 * route with no body (get_raw_body in @sveltejs/kit/src/exports/node/index.js), and `curl -T F
 * -X POST`, `curl -H 'Content-Type:'` and fetch with a Buffer or stream send none. Such a body is read
 * from the Node request itself. Null when the headers announce no body (RFC 9112 §6.3); when
 * they do and there is no Node request to read (vite dev), 'unreadable' — never "empty", which
 * would answer zeros for rows never stored.
 */
export function untypedBody(
  headers: Headers,
  nodeRequest: IncomingMessage | undefined,
): ReadableStream<Uint8Array<ArrayBuffer>> | null | 'unreadable' {
  const announced = headers.has('transfer-encoding') || Number(headers.get('content-length')) > 0;
  if (!announced) return null;
  if (!nodeRequest) return 'unreadable';
  // Pulled chunk by chunk from the request's async iterator: it pauses while the lines are stored.
  return NodeReadableStream.from(nodeRequest) as unknown as ReadableStream<Uint8Array<ArrayBuffer>>;
}

/**
 * Feeds a body to the batcher line by line and answers once every row is stored: 200 with the
 * counts; 400 when the body broke off or is not gzip (what was read is stored all the same);
 * 500 when some of its rows could not be stored — the sender sends the request again, and the
 * rows stored already count as duplicates. A sender that fails while its body is still coming
 * reads it to the end without feeding it, so that it hears the answer.
 */
export async function ingestBody(
  batcher: IngestBatcher,
  kind: HttpIngestKind,
  format: 'kezek-ndjson' | 'kezek-csv',
  body: ReadableStream<Uint8Array>,
  source: string,
): Promise<Response> {
  const tally = emptySummary();
  const pipeline = batcher.pipeline(kind, format);
  const sender = batcher.begin();
  let unreadable: Error | null = null;
  try {
    let lines = 0;
    try {
      // The lines of a chunk at a time: one await per chunk, not per line.
      for await (const raws of readLineBatches(body as unknown as AsyncIterable<Uint8Array>)) {
        for (const raw of raws) {
          if (batcher.line(sender, pipeline, raw, source, tally) && ++lines % CHECK_EVERY_LINES === 0) {
            await batcher.room();
          }
        }
      }
    } catch (err) {
      unreadable = err as Error;
    }
    if (unreadable === null) batcher.endFile(sender, pipeline, source, tally);
    await batcher.sync(sender);
  } catch (err) {
    return notStored(kind, err);
  } finally {
    batcher.end();
  }
  if (unreadable) return answer(400, { error: `cannot read the request body: ${unreadable.message}`, ...tally });
  return answer(200, tally);
}

/** 500 with one line: why, and that the request is to be sent again (logged with the route). */
function notStored(kind: HttpIngestKind, err: unknown): Response {
  const cause = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 300);
  console.error(`[/api/ingest/${kind}]`, err instanceof Error ? err.message : err);
  return answer(500, {
    error: `storing this request's rows failed (${cause}): send it again (rows stored already count as duplicates)`,
  });
}
