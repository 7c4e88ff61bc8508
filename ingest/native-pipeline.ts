/**
 * kezek-ndjson / kezek-csv lines → records of one kind (DESIGN §4). Stateless across restarts:
 * the keys of the stored records make a re-read harmless.
 */
import type { EventKind } from '../src/domain/events.ts';
import { CsvRecordJoiner, splitCsvRecord } from './formats/csv.ts';
import { NativeCsvParser, parseNdjsonLine, type NativeParseOptions } from './formats/kezek-native.ts';
import type { LineOutcome } from './formats/types.ts';
import type { EventWriter, IngestSummary, StoreStep } from './event-writer.ts';
import { lineProblem, type LinePipeline } from './pipeline.ts';
import type { RawLine } from './read-lines.ts';

const NOTHING: StoreStep = async () => {};

export class NativePipeline implements LinePipeline {
  readonly rejectKind: string;
  private parse!: (text: string) => LineOutcome;
  private joiner: CsvRecordJoiner | null = null;
  /** The columns of the CSV header read (the caller's column is found in rejects). */
  private columns: string[] | null = null;

  constructor(
    private readonly events: EventWriter,
    private readonly format: 'kezek-ndjson' | 'kezek-csv',
    private readonly kind: EventKind,
    private readonly opts: NativeParseOptions,
  ) {
    this.rejectKind = kind;
    events.callerHasher = opts.hashCaller; // rejects keep callers as markers of their hash
    this.beginFile();
  }

  beginFile(): void {
    this.columns = null;
    if (this.format === 'kezek-ndjson') {
      this.parse = (text) => parseNdjsonLine(this.kind, text, this.opts);
      this.joiner = null;
    } else {
      const csv = new NativeCsvParser(this.kind, this.opts);
      this.parse = (text) => csv.record(text);
      this.joiner = new CsvRecordJoiner();
    }
  }

  line(raw: RawLine, source: string, tally: IngestSummary): void {
    // A byte order mark (Windows tools write one) opens the input, not its first line: every
    // input, file or HTTP body, reaches here with its lines numbered from 1.
    if (raw.line === 1 && raw.text.charCodeAt(0) === 0xfeff) raw = { ...raw, text: raw.text.slice(1) };
    if (!this.joiner || raw.tooLong) return this.record(raw, source, tally);
    for (const record of this.joiner.push(raw.line, raw.text)) this.record({ ...raw, ...record }, source, tally);
  }

  endFile(source: string, tally: IngestSummary): void {
    const open = this.joiner?.flush();
    if (open) this.record({ ...open, tooLong: false }, source, tally);
  }

  atBoundary(): boolean {
    return true;
  }

  size(): number {
    return 0;
  }

  seal(): StoreStep {
    return NOTHING;
  }

  state(): unknown {
    return null;
  }

  restore(): void {}

  private record(raw: RawLine, source: string, tally: IngestSummary): void {
    if (raw.text.trim() === '' && !raw.tooLong) return;
    const reject = (reason: string) => {
      tally.read++;
      this.events.pushReject(
        { source, line: raw.line, format: this.format, kind: this.kind, raw: raw.text, reason, columns: this.columns },
        tally,
      );
    };
    const problem = lineProblem(raw);
    if (problem) return reject(problem);
    const outcome = this.parse(raw.text);
    if (!outcome.ok) return reject(outcome.reason);
    // A CSV header yields no record and is not counted as a row read.
    if (outcome.records.length === 0) {
      this.columns = splitCsvRecord(raw.text)?.map((c) => c.trim()) ?? null;
      return;
    }
    tally.read++;
    this.events.push(outcome.records, tally);
  }
}
