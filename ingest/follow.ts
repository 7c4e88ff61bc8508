/**
 * `kezek ingest --follow FILE`: follows a growing file like `tail -F` — rotation by rename (the
 * old file is read to its end, then the new one from its start), truncation (logrotate's
 * copytruncate: the rest of the copy is read, then the file again from its start), a file that
 * appears later. The position (file identity `dev:ino`, byte offset, line, and a fingerprint of
 * the bytes just before the offset) is checkpointed with the pipeline's state after the rows up
 * to it are stored (IngestSession), so a restart after `kill -9` continues where the last
 * checkpoint stands; a rotation that happened meanwhile is found by the old file's identity in
 * the same directory, a copy by the fingerprint at the offset.
 *
 * A truncation shows as a file shorter than the offset, or — when it was written again past the
 * offset before the follower looked (or while it was down) — as other bytes before the offset.
 *
 * Only complete lines are read: a line still being written waits for its newline.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { IngestSummary } from './event-writer.ts';
import type { IngestSession, InputPosition } from './ingest-session.ts';
import { readLines } from './read-lines.ts';

export interface FollowOptions {
  /** Stops the follower: it reads what is there, commits and returns. */
  signal: AbortSignal;
  pollMs?: number;
  /**
   * Longest time rows wait before they are stored (default: the pipeline's followCommitEveryMs,
   * else 1 s and at once whenever the file is caught up with).
   */
  commitEveryMs?: number;
  batchRows?: number;
  /** Salts the fingerprints of the bytes before the offset (they may hold a caller's number). */
  salt?: string;
}

interface OpenFile {
  path: string;
  handle: FileHandle;
  id: string;
  offset: number;
  line: number;
  /** The fingerprint of the bytes just before `offset` ('' at 0, or unknown). */
  tail: string;
}

/** Bytes before the offset that the fingerprint covers. */
const TAIL_BYTES = 64;

const CHUNK_BYTES = 1 << 20;

const identity = (s: { dev: number; ino: number }) => `${s.dev}:${s.ino}`;

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

/** The fingerprint of the bytes of `handle` just before `offset` ('' at 0). */
async function tailOf(handle: FileHandle, offset: number, salt: string): Promise<string> {
  if (offset === 0) return '';
  const length = Math.min(TAIL_BYTES, offset);
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(length), 0, length, offset - length);
  return createHash('sha256').update(salt).update(buffer.subarray(0, bytesRead)).digest('hex').slice(0, 32);
}

/** A file in `dir` other than `except` whose bytes before `offset` have fingerprint `tail`, or null. */
async function findByTail(dir: string, except: string, offset: number, tail: string, salt: string) {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    const s = await statOrNull(path);
    if (path === except || !s?.isFile() || s.size < offset) continue;
    const handle = await open(path, 'r').catch(() => null);
    if (!handle) continue;
    try {
      if ((await tailOf(handle, offset, salt)) === tail) return { path, id: identity(s) };
    } finally {
      await handle.close();
    }
  }
  return null;
}

/** A file in `dir` with identity `id` (the followed file, renamed by a rotation), or null. */
async function findById(dir: string, id: string): Promise<string | null> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const s = await statOrNull(join(dir, name));
    if (s?.isFile() && identity(s) === id) return join(dir, name);
  }
  return null;
}

/**
 * The bytes [start, end) of an open file, a chunk at a time, read through its handle. (A read
 * stream per drain would add a 'close' listener to the handle, which lives as long as the file
 * is followed: after 10 drains Node warns of a leak.)
 */
async function* readChunks(handle: FileHandle, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at < end;) {
    // A new buffer per chunk: readLines may keep a piece of it (a line that goes on in the next).
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(Math.min(CHUNK_BYTES, end - at)), 0, undefined, at);
    if (bytesRead === 0) return; // truncated meanwhile
    at += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

export async function followFile(
  session: IngestSession,
  path: string,
  summary: IngestSummary,
  options: FollowOptions,
): Promise<void> {
  const { pipeline } = session;
  const pollMs = options.pollMs ?? 200;
  const commitEveryMs = options.commitEveryMs ?? pipeline.followCommitEveryMs ?? 1000;
  const commitWhenCaughtUp = options.commitEveryMs === undefined && pipeline.followCommitEveryMs === undefined;
  const batchRows = options.batchRows ?? 50_000;
  const salt = options.salt ?? '';
  const source = path;
  let current = null as OpenFile | null;
  let lastCommitMs = Date.now();
  let committed: InputPosition | null = null;

  const position = (): InputPosition =>
    current
      ? { fileId: current.id, offset: current.offset, line: current.line, tail: current.tail }
      : (committed ?? { fileId: '', offset: 0, line: 0 });
  const commit = async () => {
    const at = position();
    await session.commit(at);
    committed = at;
    lastCommitMs = Date.now();
  };

  /** Reads complete lines from the current file's offset up to its end (all of it when `final`). */
  const drain = async (final: boolean) => {
    const file = current!;
    const { size } = await file.handle.stat();
    if (size <= file.offset) return false;
    let read = false;
    const chunks = readChunks(file.handle, file.offset, size);
    for await (const raw of readLines(chunks, { startByte: file.offset, startLine: file.line, holdPartial: !final })) {
      pipeline.line(raw, source, summary);
      read = true;
      if (pipeline.atBoundary()) {
        file.offset = raw.end ?? size;
        file.line = raw.line;
        if (session.size >= batchRows) {
          file.tail = await tailOf(file.handle, file.offset, salt);
          await commit();
        }
      }
    }
    if (read) file.tail = await tailOf(file.handle, file.offset, salt);
    return read;
  };

  const openPath = async (p: string, id: string, offset: number, line: number, tail = '') => {
    current = { path: p, handle: await open(p, 'r'), id, offset, line, tail };
  };
  /**
   * The open file was truncated: its copy (copytruncate), when one holds the same bytes before
   * the offset, is read to its end; then the file again from its start.
   */
  const truncated = async () => {
    const file = current!;
    const copy =
      file.tail === '' ? null : await findByTail(dirname(file.path), file.path, file.offset, file.tail, salt);
    if (copy) {
      await close();
      await openPath(copy.path, copy.id, file.offset, file.line, file.tail);
      await drain(true);
      pipeline.endFile(source, summary, false);
      await close();
      await openPath(file.path, file.id, 0, 0);
    } else {
      file.offset = 0;
      file.line = 0;
      file.tail = '';
    }
    pipeline.beginFile();
  };
  /** The open file no longer holds the bytes it had before the offset: truncated and written again. */
  const rewritten = async (file: OpenFile) =>
    file.tail !== '' && (await tailOf(file.handle, file.offset, salt)) !== file.tail;
  const close = async () => {
    await current?.handle.close();
    current = null;
  };

  const checkpoint = await session.open();
  if (checkpoint?.fileId) {
    const { fileId, offset, line, tail = '' } = checkpoint;
    committed = { fileId, offset, line, tail };
    const s = await statOrNull(path);
    // Rotated while we were down: finish the old file first.
    const old = s && identity(s) === fileId ? path : await findById(dirname(path), fileId);
    if (old) await openPath(old, fileId, offset, line, tail);
  }

  let watcher: FSWatcher | null = null;
  let wake: (() => void) | null = null;
  try {
    watcher = watch(dirname(path), (_event, name) => {
      if (name === null || name === basename(path) || current) wake?.();
    });
  } catch {
    watcher = null; // polling alone still works
  }
  options.signal.addEventListener('abort', () => wake?.());

  try {
    for (;;) {
      const stopping = options.signal.aborted;
      const s = await statOrNull(path);
      if (current) {
        const { size } = await current.handle.stat();
        if (size < current.offset || (await rewritten(current))) await truncated();
      }
      if (current && s && identity(s) !== current.id) {
        await drain(true); // rotated: the rest of the old file, then the new one
        pipeline.endFile(source, summary, false);
        await close();
      }
      if (!current && s?.isFile()) {
        await openPath(path, identity(s), 0, 0);
        pipeline.beginFile();
      }
      const read = current ? await drain(false) : false;
      const at = position();
      const moved =
        current !== null && (committed === null || committed.fileId !== at.fileId || committed.offset !== at.offset);
      if (stopping) pipeline.pause?.(); // SIGTERM stores what waits for more input (CDR calls)
      const due = stopping || (commitWhenCaughtUp && !read) || Date.now() - lastCommitMs >= commitEveryMs;
      if ((session.size > 0 || moved) && due) await commit();
      if (stopping) break;
      if (!read) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  } finally {
    watcher?.close();
    await close();
  }
}
