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

  /** Ends the line drawn, if any. */
  done(): void {
    if (this.drawn) this.io.stderr('\n');
    this.drawn = false;
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}
