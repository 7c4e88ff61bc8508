/**
 * The contact and rating facts of ingested visits and ratings are refreshed for many batches at
 * once, not after each: one refresh of a day's span costs about what one of a batch's does
 * (contact-facts.ts). Crash safety comes from a write-ahead note (table fact_backlog, migration
 * 0009): a batch notes the spans it stores into before its rows go in, and once the facts of a
 * set of notes are refreshed the notes are marked done. A process that dies in between leaves
 * notes pending, and the next process to open the database refreshes them
 * (`refreshPendingFacts`).
 *
 * A note's facts are refreshed when REFRESH_RECORDS records wait, REFRESH_DELAY_MS after it is
 * stored at the latest (a live dashboard's FCR and CSI lag by at most that under full load), or
 * when its writer is done or idle (`refresh()`: the end of `kezek ingest`, an HTTP batcher with
 * nothing more to store). One backlog per database and process, shared by every writer in it.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { randomUUID } from 'node:crypto';
import type { EventByKind } from '../../domain/events.ts';
import { mergeSpans } from '../../domain/time/spans.ts';
import { engineOf } from '../clickhouse/client.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import {
  FACT_SPAN_GAP_MS,
  MAX_FACT_SPANS,
  factSpansOf,
  nextFactVersion,
  refreshFactsForSpans,
  type FactSpans,
} from './contact-facts.ts';

/** Records waiting that make a refresh due before the batch that reached them is done. */
export const REFRESH_RECORDS = 250_000;
/** The longest a stored note waits for its refresh. */
export const REFRESH_DELAY_MS = 5_000;

export interface FactNote {
  id: string;
  spans: FactSpans;
  records: number;
}

/** Writes notes with `done` (one insert). */
async function writeNotes(client: ClickHouseClient, notes: readonly FactNote[], done: 0 | 1): Promise<void> {
  const notedAt = toClickHouseTime(Date.now());
  const version = nextFactVersion();
  await client.insert({
    table: 'fact_backlog',
    values: notes.map((n) => ({ id: n.id, spans: JSON.stringify(n.spans), noted_at: notedAt, done, version })),
    format: 'JSONEachRow',
  });
}

/** The union of the notes' spans. */
function spansOfNotes(notes: readonly FactNote[]): FactSpans {
  const union = (pick: (s: FactSpans) => FactSpans['entered']) =>
    mergeSpans(
      notes.flatMap((n) => pick(n.spans)),
      FACT_SPAN_GAP_MS,
      MAX_FACT_SPANS,
    );
  return { entered: union((s) => s.entered), rated: union((s) => s.rated) };
}

/** Refreshes the facts of `notes` and marks them done. */
async function settle(client: ClickHouseClient, notes: readonly FactNote[]): Promise<void> {
  if (notes.length === 0) return;
  await refreshFactsForSpans(client, spansOfNotes(notes));
  await writeNotes(client, notes, 1);
}

export class FactBacklog {
  /** Notes whose rows are stored and whose facts are not refreshed yet. */
  private waiting: FactNote[] = [];
  private records = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Refreshes run one after another. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: ClickHouseClient,
    /** When a refresh is due (the defaults, except in tests). */
    private readonly due = { records: REFRESH_RECORDS, delayMs: REFRESH_DELAY_MS },
  ) {}

  /** Before visits and ratings are stored: notes durably where they go (null when there are none). */
  async note(
    visits: readonly EventByKind['calls'][],
    ratings: readonly EventByKind['ratings'][],
  ): Promise<FactNote | null> {
    if (visits.length === 0 && ratings.length === 0) return null;
    const note = { id: randomUUID(), spans: factSpansOf(visits, ratings), records: visits.length + ratings.length };
    await writeNotes(this.client, [note], 0);
    return note;
  }

  /** After the note's rows are stored: it waits for a refresh, which runs now if enough records wait. */
  async stored(note: FactNote): Promise<void> {
    this.waiting.push(note);
    this.records += note.records;
    if (this.records >= this.due.records) return this.refresh();
    this.refreshLater();
  }

  /** A refresh after the delay, unless one is planned already (it does not keep a process alive). */
  private refreshLater(): void {
    this.timer ??= setTimeout(() => void this.refreshOrReport(), this.due.delayMs).unref();
  }

  /**
   * `refresh()` for a background caller: a failure is reported on stderr, not thrown (the rows
   * are stored; the notes wait, in memory and in the table, for the next refresh).
   */
  async refreshOrReport(): Promise<void> {
    try {
      await this.refresh();
    } catch (err) {
      console.error(`kezek: refreshing contact and rating facts failed: ${(err as Error).message}`);
    }
  }

  /** Refreshes the facts of every note stored until now and marks the notes done. */
  refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const notes = this.waiting;
    const records = this.records;
    this.waiting = [];
    this.records = 0;
    const run = this.chain.then(() => settle(this.client, notes));
    this.chain = run.catch(() => {
      // The notes wait for the next refresh, which comes after the delay if nothing else asks first.
      this.waiting.unshift(...notes);
      this.records += records;
      this.refreshLater();
    });
    return run;
  }
}

const backlogs = new WeakMap<ClickHouseClient, FactBacklog>();

/**
 * The backlog of everything written to the database of `client` in this process (through any of
 * its clients: views and lanes of one engine share it). It runs its queries through the client
 * it was first asked with.
 */
export function factBacklog(client: ClickHouseClient): FactBacklog {
  const engine = engineOf(client);
  let backlog = backlogs.get(engine);
  if (!backlog) backlogs.set(engine, (backlog = new FactBacklog(client)));
  return backlog;
}

/**
 * Refreshes the facts of the notes pending in the table (left by a process that died between a
 * batch and its refresh) and marks them done; returns how many there were. Run when a process
 * opens the database. A note of another process still writing may be among them: that process
 * refreshes it again when its rows are stored, so refreshing it early is only wasted work.
 */
export async function refreshPendingFacts(client: ClickHouseClient): Promise<number> {
  const rs = await client.query({
    query: 'SELECT id, spans FROM fact_backlog FINAL WHERE done = 0',
    format: 'JSONEachRow',
  });
  const notes = (await rs.json<{ id: string; spans: string }>()).map((r): FactNote => ({
    id: r.id,
    spans: JSON.parse(r.spans) as FactSpans,
    records: 0,
  }));
  await settle(client, notes);
  return notes.length;
}
