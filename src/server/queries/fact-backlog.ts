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
 *
 * A batch that replaces stored visits (a CDR call amended by a late leg) notes the months
 * (YYYYMM, UTC) the old visits entered in too: the rollups of 0004_rollups.sql summed them, so
 * those months are rebuilt from `call`, at once (before the writer's next batch goes in).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { randomUUID } from 'node:crypto';
import type { EventByKind } from '../../domain/events.ts';
import { mergeSpans } from '../../domain/time/spans.ts';
import { engineOf, isEmbeddedClient } from '../clickhouse/client.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { rebuildRollupMonths } from './rollup.ts';
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
  /** Months (YYYYMM) whose rollups are rebuilt with the refresh. */
  rollupMonths: readonly number[];
}

/** What a note keeps in its `spans` column (JSON). */
type NoteJson = FactSpans & { rollupMonths?: readonly number[] };

/** The UTC month (YYYYMM) of an instant, as toYYYYMM gives it for a UTC column. */
function utcMonth(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
}

/** Writes notes with `done` (one insert). */
async function writeNotes(client: ClickHouseClient, notes: readonly FactNote[], done: 0 | 1): Promise<void> {
  const notedAt = toClickHouseTime(Date.now());
  const version = nextFactVersion();
  await client.insert({
    table: 'fact_backlog',
    values: notes.map((n) => ({
      id: n.id,
      spans: JSON.stringify({ ...n.spans, rollupMonths: n.rollupMonths } satisfies NoteJson),
      noted_at: notedAt,
      done,
      version,
    })),
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

/** Refreshes the facts (and rebuilds the rollup months) of `notes` and marks them done. */
async function settle(client: ClickHouseClient, notes: readonly FactNote[]): Promise<void> {
  if (notes.length === 0) return;
  await refreshFactsForSpans(client, spansOfNotes(notes));
  const months = [...new Set(notes.flatMap((n) => n.rollupMonths))].sort((a, b) => a - b);
  if (months.length > 0) await rebuildRollupMonths(client, months);
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

  /**
   * Before visits and ratings are stored: notes durably where they go (null when there are none).
   * `replaced`: when the stored visits entered that the batch replaces (deletes): their facts are
   * refreshed, and their months' rollups, which summed them, rebuilt.
   */
  async note(
    visits: readonly EventByKind['calls'][],
    ratings: readonly EventByKind['ratings'][],
    replaced: readonly number[] = [],
  ): Promise<FactNote | null> {
    if (visits.length === 0 && ratings.length === 0 && replaced.length === 0) return null;
    const spans = factSpansOf([...visits, ...replaced.map((enteredAtMs) => ({ enteredAtMs }))], ratings);
    const note: FactNote = {
      id: randomUUID(),
      spans,
      records: visits.length + ratings.length,
      rollupMonths: [...new Set(replaced.map(utcMonth))],
    };
    await writeNotes(this.client, [note], 0);
    return note;
  }

  /**
   * After the note's rows are stored: it waits for a refresh, which runs now if enough records
   * wait or rollups are to be rebuilt.
   */
  async stored(note: FactNote): Promise<void> {
    this.waiting.push(note);
    this.records += note.records;
    if (this.records >= this.due.records || note.rollupMonths.length > 0) return this.refresh();
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

/** The UTC months (YYYYMM) that spans touch. */
function monthsOfSpans(spans: FactSpans['entered']): number[] {
  const months = new Set<number>();
  for (const [from, to] of spans) {
    const at = new Date(from);
    at.setUTCDate(1);
    at.setUTCHours(0, 0, 0, 0);
    for (; at.getTime() <= to; at.setUTCMonth(at.getUTCMonth() + 1)) months.add(utcMonth(at.getTime()));
  }
  return [...months];
}

/**
 * Refreshes the facts of the notes pending in the table (left by a process that died between a
 * batch and its refresh) and marks them done; returns how many there were. Run when a process
 * opens the database. A note of another process still writing may be among them: that process
 * refreshes it again when its rows are stored, so refreshing it early is only wasted work.
 *
 * On the embedded engine, which no other process writes, the rollup months of the notes' visits
 * are rebuilt as well: the process may have died between a batch's insert into `call` and its
 * materialized views' inserts (each commits on its own), leaving the rollups short of visits
 * that `call` holds and a restart takes for duplicates. On a server another writer may be
 * inserting into those months, so they are left as they are (rollup.ts rebuilds them on demand).
 */
export async function refreshPendingFacts(client: ClickHouseClient): Promise<number> {
  const rs = await client.query({
    query: 'SELECT id, spans FROM fact_backlog FINAL WHERE done = 0',
    format: 'JSONEachRow',
  });
  const embedded = isEmbeddedClient(client);
  const notes = (await rs.json<{ id: string; spans: string }>()).map((r): FactNote => {
    const { rollupMonths = [], ...spans } = JSON.parse(r.spans) as NoteJson;
    const visitMonths = embedded ? monthsOfSpans(spans.entered) : [];
    return { id: r.id, spans, records: 0, rollupMonths: [...new Set([...rollupMonths, ...visitMonths])] };
  });
  await settle(client, notes);
  return notes.length;
}
