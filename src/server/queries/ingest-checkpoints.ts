/**
 * Where an ingest stream stands (`ingest_checkpoint`) and when each source was last ingested
 * (`ingest_run`, which tells open rejects from resolved ones: see rejects.ts).
 */
import type { ClickHouseClient } from '@clickhouse/client';

export interface Checkpoint {
  /** `dev:ino` of the file being read, '' when the stream has no file. */
  fileId: string;
  /** Bytes of that file fully processed. */
  offset: number;
  /** Lines of that file processed (line numbers continue from here). */
  line: number;
  /** A salted fingerprint of the bytes just before `offset` (a followed file), '' when none. */
  tail?: string;
  /** The parser/assembler state (plain data), null when none. */
  state: unknown;
}

let lastVersion = 0;

/** A version that grows across writes in this process and across restarts (clock-based). */
function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

export async function loadCheckpoint(client: ClickHouseClient, stream: string): Promise<Checkpoint | null> {
  const rs = await client.query({
    query: `SELECT file_id, offset, line, tail, state FROM ingest_checkpoint WHERE stream = {stream:String}
            ORDER BY version DESC LIMIT 1`,
    query_params: { stream },
    format: 'JSONEachRow',
  });
  const [row] = await rs.json<{ file_id: string; offset: number; line: number; tail: string; state: string }>();
  if (!row) return null;
  return {
    fileId: row.file_id,
    offset: Number(row.offset),
    line: Number(row.line),
    tail: row.tail,
    state: row.state === '' ? null : JSON.parse(row.state),
  };
}

export async function saveCheckpoint(client: ClickHouseClient, stream: string, checkpoint: Checkpoint): Promise<void> {
  await client.insert({
    table: 'ingest_checkpoint',
    values: [
      {
        stream,
        version: nextVersion(),
        file_id: checkpoint.fileId,
        offset: checkpoint.offset,
        line: checkpoint.line,
        tail: checkpoint.tail ?? '',
        state: checkpoint.state === null ? '' : JSON.stringify(checkpoint.state),
      },
    ],
    format: 'JSONEachRow',
  });
}

/** Records the start of an ingest run of `source`: rejects of its earlier runs become resolved. */
export async function recordIngestRun(client: ClickHouseClient, source: string, kind: string): Promise<void> {
  // The database's clock, the one that stamps rejected_at.
  await client.command({
    query: 'INSERT INTO ingest_run (source, kind, started_at) SELECT {source:String}, {kind:String}, now64(3)',
    query_params: { source, kind },
  });
}
