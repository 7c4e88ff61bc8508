/**
 * Groups CDR rows into calls (linkedid, else uniqueid) across batches, files and restarts.
 *
 * When is a call complete? cdr_csv writes a row when its leg's CDR is finalised, so rows come
 * roughly in order of their end time, and a call's rows all end within moments of the caller
 * hanging up (transfers included: the transferred leg keeps the linkedid). So a call is
 * complete once the latest end seen in the input (the watermark) is more than `graceMs`
 * (default 15 min) past the call's latest end — or when `flush()` is called at the end of a
 * one-shot input. An emitted call is remembered until the watermark is 2 × `graceMs` past its
 * end (also across flush() and restarts: the next file of a rotation may hold more of its legs). A
 * row arriving for a remembered call is a duplicate when identical (dropped); otherwise it is a
 * late leg: the call is built again from all its rows when it completes, and its records come
 * marked `amends` — they replace every record stored for that call id.
 *
 * For a restart, `snapshot()` (plain data: rows, watermark) fed to `restore()` on a new
 * assembler resumes exactly; `pending()` lists the open rows when only they are kept.
 */
import { buildCdrCall, type CdrCallOptions, type CdrRecord } from './call.ts';
import type { CdrRow } from './parse-record.ts';

export interface CdrAssemblerOptions extends CdrCallOptions {
  graceMs?: number;
}

export interface CdrSnapshot {
  watermarkMs: number;
  /** Rows of emitted-but-remembered calls first, then of open ones; `emitted` marks the former. */
  rows: { row: CdrRow; emitted: boolean }[];
}

interface CallState {
  open: CdrRow[] | null;
  openEndMs: number;
  done: CdrRow[] | null;
  doneEndMs: number;
}

const NO_RECORDS: readonly CdrRecord[] = Object.freeze([]);
const CHECK_EVERY_MS = 60_000;

export class CdrAssembler {
  private readonly calls = new Map<string, CallState>();
  private readonly graceMs: number;
  private watermarkMs = -Infinity;
  private nextCheckMs = -Infinity;

  constructor(private readonly opts: CdrAssemblerOptions) {
    this.graceMs = opts.graceMs ?? 15 * 60_000;
  }

  /** Takes one accepted row; returns the records of the calls it lets complete (do not modify). */
  add(row: CdrRow): readonly CdrRecord[] {
    let state = this.calls.get(row.callKey);
    if (state === undefined) {
      state = { open: null, openEndMs: -Infinity, done: null, doneEndMs: -Infinity };
      this.calls.set(row.callKey, state);
    }
    const seen = (list: CdrRow[] | null) => list !== null && list.some((r) => r.raw === row.raw);
    if (!seen(state.done) && !seen(state.open)) {
      if (state.open) state.open.push(row);
      else state.open = [row];
      state.openEndMs = Math.max(state.openEndMs, row.endMs);
    }
    if (row.endMs <= this.watermarkMs) return NO_RECORDS;
    this.watermarkMs = row.endMs;
    if (row.endMs < this.nextCheckMs) return NO_RECORDS;
    this.nextCheckMs = row.endMs + CHECK_EVERY_MS;
    return this.complete(this.watermarkMs - this.graceMs);
  }

  /** The latest end time of a row taken (epoch ms; -Infinity before the first). */
  get watermark(): number {
    return this.watermarkMs;
  }

  /** Completes every open call (end of a one-shot input); emitted calls stay remembered. */
  flush(): CdrRecord[] {
    return this.complete(Infinity);
  }

  /** Rows of the calls still open, in arrival order per call. */
  pending(): CdrRow[] {
    const out: CdrRow[] = [];
    for (const state of this.calls.values()) if (state.open) out.push(...state.open);
    return out;
  }

  snapshot(): CdrSnapshot {
    const rows: CdrSnapshot['rows'] = [];
    for (const state of this.calls.values()) {
      for (const row of state.done ?? []) rows.push({ row, emitted: true });
      for (const row of state.open ?? []) rows.push({ row, emitted: false });
    }
    return { watermarkMs: this.watermarkMs, rows };
  }

  /** Rebuilds the state of `snapshot()` on a fresh assembler without emitting anything. */
  restore(snapshot: CdrSnapshot): void {
    for (const { row, emitted } of snapshot.rows) {
      let state = this.calls.get(row.callKey);
      if (state === undefined) {
        state = { open: null, openEndMs: -Infinity, done: null, doneEndMs: -Infinity };
        this.calls.set(row.callKey, state);
      }
      if (emitted) {
        (state.done ??= []).push(row);
        state.doneEndMs = Math.max(state.doneEndMs, row.endMs);
      } else {
        (state.open ??= []).push(row);
        state.openEndMs = Math.max(state.openEndMs, row.endMs);
      }
    }
    this.watermarkMs = Math.max(this.watermarkMs, snapshot.watermarkMs);
    this.nextCheckMs = this.watermarkMs + CHECK_EVERY_MS;
  }

  stats(): { openCalls: number; rememberedCalls: number } {
    let open = 0;
    for (const state of this.calls.values()) if (state.open) open++;
    return { openCalls: open, rememberedCalls: this.calls.size - open };
  }

  /**
   * Completes the open calls that ended before `endedBeforeMs`, and forgets emitted calls that
   * ended more than twice `graceMs` before the watermark (a grace after they could complete).
   */
  private complete(endedBeforeMs: number): CdrRecord[] {
    const forgetBeforeMs = this.watermarkMs - 2 * this.graceMs;
    const out: CdrRecord[] = [];
    for (const [key, state] of this.calls) {
      if (state.open && state.openEndMs < endedBeforeMs) {
        if (state.done === null) {
          out.push(...buildCdrCall(state.open, this.opts));
          state.done = state.open;
        } else {
          state.done = [...state.done, ...state.open];
          for (const record of buildCdrCall(state.done, this.opts)) out.push({ ...record, amends: true });
        }
        state.doneEndMs = Math.max(state.doneEndMs, state.openEndMs);
        state.open = null;
        state.openEndMs = -Infinity;
      }
      if (state.open === null && state.done !== null && state.doneEndMs < forgetBeforeMs) this.calls.delete(key);
    }
    return out;
  }
}
