/**
 * `kezek ingest FILE… --format F --kind K`: reads files line by line, parses, stores through the
 * EventWriter. Every line is either stored or rejected with its file, line number and reason.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { statSync } from 'node:fs';
import type { EventKind } from '../src/domain/events.ts';
import { CsvRecordJoiner } from './formats/csv.ts';
import { NativeCsvParser, parseNdjsonLine, type NativeParseOptions } from './formats/kezek-native.ts';
import type { LineOutcome } from './formats/types.ts';
import { EventWriter, type IngestSummary } from './event-writer.ts';
import { readFileLines, type RawLine } from './read-lines.ts';

export const NATIVE_FORMATS = ['kezek-ndjson', 'kezek-csv'] as const;
export const FORMATS = [...NATIVE_FORMATS, 'asterisk-queue-log', 'asterisk-cdr-csv'] as const;
export type IngestFormat = (typeof FORMATS)[number];

export interface IngestOptions extends NativeParseOptions {
  format: IngestFormat;
  kind: EventKind;
  batchRows?: number;
  /** Called with (bytes read so far, total bytes) as the files are read. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

/** Parses lines of one native file, one outcome per data line. */
function nativeLineParser(format: IngestFormat, kind: EventKind, opts: NativeParseOptions) {
  if (format === 'kezek-ndjson') return (text: string): LineOutcome => parseNdjsonLine(kind, text, opts);
  const csv = new NativeCsvParser(kind, opts);
  return (text: string): LineOutcome => csv.record(text);
}

export async function ingestFiles(client: ClickHouseClient, files: string[], options: IngestOptions): Promise<IngestSummary> {
  const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
  let done = 0;
  const onBytes = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const summaries: IngestSummary[] = [];
  for (const file of files) {
    const writer = new EventWriter(client, file, options.batchRows);
    const parse = nativeLineParser(options.format, options.kind, options);
    const joiner = options.format === 'kezek-csv' ? new CsvRecordJoiner() : null;
    const handle = async (raw: RawLine) => {
      if (raw.text.trim() === '' && !raw.tooLong) return;
      const reject = (reason: string) => {
        writer.summary.read++;
        return writer.reject({ line: raw.line, format: options.format, kind: options.kind, raw: raw.text, reason });
      };
      if (raw.tooLong) return reject('line longer than 1 MiB');
      if (raw.text.includes('\u0000')) return reject('binary data (NUL byte) in the line');
      const outcome = parse(raw.text);
      if (!outcome.ok) return reject(outcome.reason);
      // A CSV header yields no record and is not counted as a row read.
      if (outcome.records.length === 0) return;
      writer.summary.read++;
      await writer.add(outcome.records);
    };
    for await (const raw of readFileLines(file, { onBytes })) {
      if (joiner && !raw.tooLong) {
        const record = joiner.push(raw.line, raw.text);
        if (record) await handle({ ...raw, ...record });
      } else {
        await handle(raw);
      }
    }
    const open = joiner?.flush();
    if (open) await handle({ ...open, tooLong: false });
    await writer.flush();
    summaries.push(writer.summary);
  }
  return mergeSummaries(summaries);
}

export function mergeSummaries(summaries: IngestSummary[]): IngestSummary {
  const out: IngestSummary = { read: 0, accepted: 0, duplicates: 0, rejected: 0, rejects: [] };
  for (const s of summaries) {
    out.read += s.read;
    out.accepted += s.accepted;
    out.duplicates += s.duplicates;
    out.rejected += s.rejected;
    out.rejects.push(...s.rejects);
  }
  out.rejects = out.rejects.slice(0, 1000);
  return out;
}
