import type { EventByKind, EventKind } from '../../src/domain/events.ts';

/** One line (or CSV record) of an input, as read. `line` is 1-based. */
export interface SourceLine {
  source: string;
  line: number;
  text: string;
}

/** A record ready to be stored, tagged with the kind of event it is. */
export type ParsedRecord = { [K in EventKind]: { kind: K; row: EventByKind[K] } }[EventKind];

/** What a parser says of one input line: its records, or why it is rejected. */
export type LineOutcome = { ok: true; records: ParsedRecord[] } | { ok: false; reason: string };

/** Hashes a raw caller id with the installation's salt; '' for an unknown caller (DESIGN §5). */
export type CallerHasher = (rawCaller: string) => string;

/** Maps a queue name to its language and site (config `queues`). */
export type QueueMap = Record<string, { language?: string; site?: string }>;
