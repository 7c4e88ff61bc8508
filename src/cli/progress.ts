import type { CliIO } from './io.ts';

/**
 * A one-line progress display on a terminal (rate, percentage, ETA), redrawn at most 5 times a
 * second; silent when stderr is not a terminal or with --json.
 */
export class Progress {
  private readonly startMs = Date.now();
  private lastDrawMs = 0;
  private drawn = false;

  constructor(
    private readonly io: CliIO,
    private readonly label: string,
    private readonly enabled: boolean,
    private readonly unit = 'rows',
  ) {}

  /** `done` of `total` (in any unit) and `count` items so far (for the rate). */
  update(done: number, total: number, count: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDrawMs < 200 && (total === 0 || done < total)) return;
    this.lastDrawMs = now;
    const seconds = Math.max((now - this.startMs) / 1000, 1e-3);
    const fraction = total > 0 ? Math.min(done / total, 1) : 0;
    const rate = count / seconds;
    const eta = fraction > 0 ? (seconds * (1 - fraction)) / fraction : NaN;
    const etaText = Number.isFinite(eta) ? `, ETA ${formatDuration(eta)}` : '';
    // An input of unknown size (a pipe) shows no percentage.
    const share = total > 0 ? `${(fraction * 100).toFixed(1)} %, ` : '';
    this.io.stderr(
      `\r${this.label}: ${share}${count.toLocaleString('en')} ${this.unit}, ${Math.round(rate).toLocaleString('en')} ${this.unit}/s${etaText}   `,
    );
    this.drawn = true;
  }

  /** Draws the final state, however soon after the last drawing, and ends the line. */
  finish(done: number, total: number, count: number): void {
    this.lastDrawMs = 0;
    this.update(done, total, count);
    this.done();
  }

  /** Ends the line drawn, if any. */
  done(): void {
    if (this.drawn) this.io.stderr('\n');
    this.drawn = false;
  }
}

/**
 * Progress of ingestFiles, whose onProgress comes as the reader takes a chunk of bytes, before
 * the chunk's lines are parsed: the rows counted then are those of the bytes taken before. So
 * each count is drawn with those bytes (the share and the rate agree with it), and `finish`
 * draws all the bytes with the rows of them all — never 100 % with the rows of one chunk less.
 */
export function fileIngestProgress(progress: Progress) {
  let parsedBytes = 0;
  let totalBytes = 0;
  return {
    onProgress(doneBytes: number, total: number, rows: number): void {
      progress.update(parsedBytes, total, rows);
      parsedBytes = doneBytes;
      totalBytes = total;
    },
    finish(rows: number): void {
      progress.finish(parsedBytes, totalBytes, rows);
    },
  };
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}
