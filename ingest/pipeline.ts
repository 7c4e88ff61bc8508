/**
 * A line pipeline turns the lines of one input format into stored rows: it parses each line,
 * buffers what it yields (its own raw rows; records and rejects in the shared EventWriter) and
 * keeps the state a restart needs (assemblers, a CSV layout). Files, `--follow` and HTTP bodies
 * all drive pipelines the same way, through an IngestSession.
 */
import type { IngestSummary, StoreStep } from './event-writer.ts';
import type { RawLine } from './read-lines.ts';

export interface LinePipeline {
  /** `kind` of this pipeline's rejects and ingest runs (calls, …, queue-log, cdr). */
  readonly rejectKind: string;
  /**
   * Under `--follow`, the longest its rows wait to be stored; unset: 1 s, and at once whenever
   * the file is caught up with. Each commit writes the pipeline's state.
   */
  readonly followCommitEveryMs?: number;
  /** A new file (or body) starts: per-file reader state (CSV header, open record) is reset. */
  beginFile(): void;
  /** One physical line; counted into `tally` (read, rejected now; accepted/duplicates when stored). */
  line(raw: RawLine, source: string, tally: IngestSummary): void;
  /** End of a file: an open CSV record is handled; `last` ends a one-shot input (open CDR calls complete). */
  endFile(source: string, tally: IngestSummary, last: boolean): void;
  /** True between records (no CSV record half read): a position here may be checkpointed. */
  atBoundary(): boolean;
  /** Rows buffered in the pipeline's own stores. */
  size(): number;
  /** Takes the pipeline's own buffered rows out now; the step stores them. */
  seal(): StoreStep;
  /** What a restart needs (plain data), null when nothing. */
  state(): unknown;
  /** The latest event time its state has taken (Asterisk assemblers; epoch ms), when it keeps one. */
  eventTimeReached?(): number;
  /** How many of `source`'s raw rows this run stored (since `sinceMs`) are from the time span given. */
  rowsStoredIn?(source: string, span: readonly [number, number], sinceMs: number): Promise<number>;
  /**
   * The input stops for now (`--follow` is stopped): records it holds back only to wait for more
   * input, when more input could still amend them, are given out now (CDR calls still open).
   */
  pause?(): void;
  restore(state: unknown): void;
}

/** Why a line is refused before any parser sees it, or null. */
export function lineProblem(raw: RawLine): string | null {
  if (raw.tooLong) return 'line longer than 1 MiB';
  if (raw.text.includes('\u0000')) return 'binary data (NUL byte) in the line';
  return null;
}
