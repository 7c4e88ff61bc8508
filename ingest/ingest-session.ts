/**
 * One ingest stream: a pipeline, the EventWriter it feeds, and its checkpoint. `commit()` takes
 * everything buffered out at one instant, with the pipeline's state and the input position
 * reached, then stores raw rows, derived records and rejects, and finally the checkpoint.
 *
 * ClickHouse has no transaction across tables, so "the same step" is this order: the checkpoint
 * is written only after every row up to its position is stored. A crash in between replays the
 * input from the previous checkpoint, and the keys of the stored rows turn the replay into
 * duplicates: nothing lost, nothing doubled.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from '../src/server/queries/ingest-checkpoints.ts';
import type { EventWriter } from './event-writer.ts';
import type { LinePipeline } from './pipeline.ts';

export type InputPosition = Omit<Checkpoint, 'state'>;

export class IngestSession {
  private chain: Promise<void> = Promise.resolve();

  /** `stream` names the checkpoint; null keeps none (stateless native formats read from a file). */
  constructor(
    readonly client: ClickHouseClient,
    readonly pipeline: LinePipeline,
    readonly events: EventWriter,
    readonly stream: string | null,
  ) {}

  /** Restores the pipeline's state from the stream's checkpoint; returns the checkpoint. */
  async open(): Promise<Checkpoint | null> {
    if (this.stream === null) return null;
    const checkpoint = await loadCheckpoint(this.client, this.stream);
    if (checkpoint) this.pipeline.restore(checkpoint.state);
    return checkpoint;
  }

  /** Rows and rejects buffered. */
  get size(): number {
    return this.events.size + this.pipeline.size();
  }

  /**
   * Seals now and stores (commits run one after another, in call order). `checkpoint` false
   * skips the checkpoint when the pipeline took no line since the last one.
   */
  commit(position: InputPosition = { fileId: '', offset: 0, line: 0 }, checkpoint = true): Promise<void> {
    const storeRaw = this.pipeline.seal();
    const storeEvents = this.events.seal();
    const stream = checkpoint ? this.stream : null;
    const state = stream === null ? null : this.pipeline.state();
    const run = async () => {
      await storeRaw();
      await storeEvents();
      if (stream !== null) await saveCheckpoint(this.client, stream, { ...position, state });
    };
    const next = this.chain.then(run);
    // A failed commit fails its caller; later commits still run.
    this.chain = next.catch(() => {});
    return next;
  }
}
