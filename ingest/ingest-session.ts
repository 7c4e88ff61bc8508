/**
 * One ingest stream: a pipeline, the EventWriter it feeds, and its checkpoint. `commit()` takes
 * everything buffered out at one instant, with the pipeline's state and the input position
 * reached, then stores raw rows, derived records and rejects, and finally the checkpoint.
 *
 * ClickHouse has no transaction across tables, so "the same step" is this order: the checkpoint
 * is written only after every row up to its position is stored. A crash in between replays the
 * input from the previous checkpoint, and the keys of the stored rows turn the replay into
 * duplicates: nothing lost, nothing doubled.
 *
 * A commit that fails without a crash leaves the pipeline ahead of what is stored: an assembler
 * has taken the batch's lines (its visits count as completed, a resent line as a duplicate) and
 * the commits sealed after it carry that state. So a failed commit with pipeline state fails
 * every such commit sealed before the failure was known, unstored (no checkpoint may then
 * include the lost lines); and then either the session stays failed (a one-shot input: replay
 * it), or, with `onRollBack`, the pipeline is put back to the state of the last stored
 * checkpoint and what was buffered since is dropped, so that the senders of everything not
 * stored can send it again (the HTTP server).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from '../src/server/queries/ingest-checkpoints.ts';
import type { EventWriter } from './event-writer.ts';
import type { LinePipeline } from './pipeline.ts';

export type InputPosition = Omit<Checkpoint, 'state'>;

export interface IngestSessionOptions {
  /**
   * Called (synchronously, when a commit with pipeline state fails) after the pipeline is back
   * at the last stored checkpoint's state and the rows buffered since are dropped: the caller
   * fails every input whose rows are not all stored. Without it the session stays failed.
   */
  onRollBack?: (error: unknown) => void;
}

/** A commit not stored because an earlier one of the same stream failed. */
export class CommitAbandonedError extends Error {
  override name = 'CommitAbandonedError';
  constructor(stream: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`not stored: an earlier batch of ${stream} failed to store (${why})`, { cause });
  }
}

export class IngestSession {
  private chain: Promise<void> = Promise.resolve();
  /** The pipeline state of the last checkpoint stored (or loaded): what a rollback goes back to. */
  private storedState: unknown = null;
  /** Grows with every rollback: commits sealed in an earlier generation are not stored. */
  private generation = 0;
  /** The last failure of a commit with pipeline state. */
  private failure: { error: unknown } | null = null;

  /** `stream` names the checkpoint; null keeps none (stateless native formats read from a file). */
  constructor(
    readonly client: ClickHouseClient,
    readonly pipeline: LinePipeline,
    readonly events: EventWriter,
    readonly stream: string | null,
    private readonly options: IngestSessionOptions = {},
  ) {}

  /** Restores the pipeline's state from the stream's checkpoint; returns the checkpoint. */
  async open(): Promise<Checkpoint | null> {
    if (this.stream === null) return null;
    const checkpoint = await loadCheckpoint(this.client, this.stream);
    if (checkpoint) this.pipeline.restore(checkpoint.state);
    this.storedState = checkpoint?.state ?? null;
    return checkpoint;
  }

  /** Rows and rejects buffered. */
  get size(): number {
    return this.events.size + this.pipeline.size();
  }

  /**
   * Seals now and stores (commits run one after another, in call order). `checkpoint` false
   * skips the checkpoint when the pipeline took no line since the last one: such a commit
   * carries no pipeline state and is stored whatever failed before it.
   */
  commit(position: InputPosition = { fileId: '', offset: 0, line: 0 }, checkpoint = true): Promise<void> {
    const stream = checkpoint ? this.stream : null;
    const generation = this.generation;
    const storeRaw = this.pipeline.seal();
    const storeEvents = this.events.seal();
    const state = stream === null ? null : this.pipeline.state();
    const run = async () => {
      // Sealed before a failure, or (without onRollBack) after one: its state includes lost lines.
      const failure = this.failure;
      if (stream !== null && failure && (generation !== this.generation || !this.options.onRollBack)) {
        throw new CommitAbandonedError(stream, failure.error);
      }
      try {
        // Raw rows and derived records go to different tables (through lanes of their own on the
        // embedded engine: stored at once); the checkpoint waits for both.
        const stored = await Promise.allSettled([storeRaw(), storeEvents()]);
        for (const s of stored) if (s.status === 'rejected') throw s.reason;
        if (stream !== null) {
          await saveCheckpoint(this.client, stream, { ...position, state });
          this.storedState = state;
        }
      } catch (err) {
        if (stream !== null) this.failed(err);
        throw err;
      }
    };
    const next = this.chain.then(run);
    // A failed commit fails its caller; later commits still run (those with state: see failed()).
    this.chain = next.catch(() => {});
    return next;
  }

  /** A commit with pipeline state failed: the commits sealed until now will not be stored. */
  private failed(error: unknown): void {
    this.generation++;
    this.failure = { error };
    const onRollBack = this.options.onRollBack;
    if (!onRollBack) return;
    this.pipeline.restore(this.storedState);
    // Derived from the state just dropped: the rows buffered since the last seal go too.
    this.pipeline.seal();
    this.events.seal();
    onRollBack(error);
  }
}
