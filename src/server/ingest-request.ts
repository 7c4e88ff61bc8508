/**
 * POST /api/ingest/{calls,ratings,agent-events,agents,queue-log}: a streamed body of NDJSON (or
 * kezek CSV with `?format=kezek-csv`, or Asterisk queue_log lines), gzip allowed, read line by
 * line — never whole — into the server's one batching writer. Answers
 * {read, accepted, duplicates, rejected, rejects} once every row is stored.
 * An `X-Kezek-Source` header names the input (e.g. the file sent) in rejects; a request that
 * names its source starts a new run of it, which resolves that source's earlier rejects.
 */
import { EVENT_KINDS, type EventKind } from '../domain/events.ts';
import { emptySummary } from '../../ingest/event-writer.ts';
import { readLines } from '../../ingest/read-lines.ts';
import { authorizeIngest } from './ingest-auth.ts';
import { ingestBatcher } from './ingest-batcher.ts';
import { recordIngestRun } from './queries/ingest-checkpoints.ts';
import { serverContext } from './context.ts';

export const HTTP_INGEST_KINDS = [...EVENT_KINDS, 'queue-log'] as const;
export type HttpIngestKind = (typeof HTTP_INGEST_KINDS)[number];

/** Lines between two back-pressure checks. */
const CHECK_EVERY_LINES = 1000;

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

export async function handleIngestRequest(request: Request, kind: string, url: URL): Promise<Response> {
  if (!(HTTP_INGEST_KINDS as readonly string[]).includes(kind)) {
    return answer(404, { error: `unknown ingest kind "${kind}" (expected ${HTTP_INGEST_KINDS.join(', ')})` });
  }
  const auth = await authorizeIngest(request, kind);
  if (!auth.ok) return answer(auth.status, { error: auth.message }, { 'www-authenticate': 'Bearer' });
  const format = url.searchParams.get('format') ?? 'kezek-ndjson';
  if (format !== 'kezek-ndjson' && !(format === 'kezek-csv' && kind !== 'queue-log')) {
    return answer(400, { error: `format "${format}" is not taken here (kezek-ndjson, or kezek-csv for event kinds)` });
  }
  const encoding = (request.headers.get('content-encoding') ?? 'identity').toLowerCase();
  if (!['identity', 'gzip', 'x-gzip'].includes(encoding))
    return answer(415, { error: `Content-Encoding ${encoding} is not supported (gzip is)` });

  const tally = emptySummary();
  if (!request.body) return answer(200, tally);
  const body = encoding === 'identity' ? request.body : request.body.pipeThrough(new DecompressionStream('gzip'));
  const batcher = await ingestBatcher();
  const named = request.headers.get('x-kezek-source');
  const source = named || `http:${kind}`;
  if (named) await recordIngestRun((await serverContext()).client, named, kind);
  const pipeline = batcher.pipeline(kind as EventKind | 'queue-log', format);
  batcher.begin();
  try {
    let lines = 0;
    try {
      for await (const raw of readLines(body as unknown as AsyncIterable<Uint8Array>)) {
        batcher.line(pipeline, raw, source, tally);
        if (++lines % CHECK_EVERY_LINES === 0) await batcher.room();
      }
    } catch (err) {
      // The body broke off or is not gzip: what was read is stored all the same.
      await batcher.sync();
      return answer(400, { error: `cannot read the request body: ${(err as Error).message}`, ...tally });
    }
    pipeline.endFile(source, tally, false);
    await batcher.sync();
  } finally {
    batcher.end();
  }
  return answer(200, tally);
}
