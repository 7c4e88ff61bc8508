/**
 * Keeping contact_fact and rating_fact (sql/migrations/0008_contact_facts.sql) current: after
 * visits or ratings are stored, the rows of the contacts and rated calls they can change are
 * recomputed from the raw tables and inserted again with a higher version (ReplacingMergeTree).
 * What is recomputed is found by time: the spans the visits entered in and the ratings were
 * rated in (fact-backlog.ts collects them from the ingest batches; `kezek demo` passes its days).
 *
 * A stored visit can change: its own contact's facts; the next_contact_at of an earlier contact
 * of the same caller that started at most FCR_HORIZON_S before it (a late repeat makes that
 * contact unresolved); and the attribution of its call's rating. A stored rating changes its
 * call's rating fact. The refresh reads after the insert, so whichever of two concurrent refreshes
 * starts last sees both inserts, and its version (taken when it starts) is the highest.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { EventByKind } from '../../domain/events.ts';
import { spansOf, type Span } from '../../domain/time/spans.ts';
import { toClickHouseTime } from '../../../ingest/formats/time.ts';
import { sqlQuery } from './sql-files.ts';

/** How far after a contact's first entered_at its next contact is tracked: 8 days. */
export const FCR_HORIZON_S = 8 * 86_400;

let lastVersion = 0;

/** A version larger than every earlier one of this process (microseconds since the epoch). */
export function nextFactVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

const T = "DateTime64(3, 'UTC')";

/**
 * The contacts that visits entered in [{from}, {to}] can change: every contact with a visit in the
 * range, and every contact of one of their known callers with a visit in [{from} - horizon, {from})
 * (an earlier contact whose next_contact_at a visit in the range may be; a superset is harmless).
 */
const CONTACTS_IN_RANGE = `SELECT call_id FROM call WHERE entered_at >= {from:${T}} AND entered_at <= {to:${T}}
        UNION DISTINCT
        SELECT call_id FROM call
        WHERE entered_at >= {from:${T}} - horizon AND entered_at < {from:${T}}
          AND caller_hash IN
          (
              SELECT caller_hash FROM call
              WHERE entered_at >= {from:${T}} AND entered_at <= {to:${T}} AND NOT self_service AND caller_hash != ''
          )`;

/**
 * The visits of those contacts' callers that their next_contact_at can be: after the earliest
 * first_entered of the contacts, and at most a horizon after the last ({to}). For a short span
 * only the visits of the contacts' own callers are read: fewer than the horizon's worth of every
 * caller's, though finding the callers takes another pass over the contacts. Past
 * CALLER_FILTER_MAX_MS reading every caller's visits is as cheap or cheaper (measured on 90 days
 * of 42,000 visits a day: 36 s 57 vs 99 ms, 1 h 67 vs 91 ms, 6 h 234 vs 242 ms, 24 h 465 vs 425 ms).
 */
const CALLER_FILTER_MAX_MS = 6 * 3_600_000;
const callersVisits = (span: Span) =>
  `entered_at > (SELECT min(entered_at) FROM call WHERE call_id IN (${CONTACTS_IN_RANGE}))
      AND entered_at <= {to:${T}} + horizon` +
  (span[1] - span[0] <= CALLER_FILTER_MAX_MS
    ? `\n      AND caller_hash IN (SELECT caller_hash FROM call WHERE call_id IN (${CONTACTS_IN_RANGE}) AND caller_hash != '')`
    : '');

const contactFactRefresh = (span: Span) =>
  sqlQuery('contact-fact-refresh')
    .replace('__CONTACTS__', CONTACTS_IN_RANGE)
    .replace('__CALLER_VISITS__', callersVisits(span));

/** The rated calls rating-fact-refresh.sql recomputes: those of visits entered, or of ratings rated, in [{from}, {to}]. */
const CALLS_ENTERED = `SELECT call_id FROM call WHERE entered_at >= {from:${T}} AND entered_at <= {to:${T}}`;
const CALLS_RATED = `SELECT call_id FROM rating WHERE rated_at >= {from:${T}} AND rated_at <= {to:${T}}`;

const ratingFactRefresh = (calls: string) => sqlQuery('rating-fact-refresh').replaceAll('__CALLS__', calls);

/** Where stored visits entered and stored ratings were rated: what their facts' refresh covers. */
export interface FactSpans {
  entered: readonly Span[];
  rated: readonly Span[];
}

/** Instants further apart than this are refreshed as separate spans (one refresh reads a span ± the horizon). */
export const FACT_SPAN_GAP_MS = 86_400_000;
/** At most this many spans per set (the closest joined first): bounds the queries of one refresh. */
export const MAX_FACT_SPANS = 32;

/** The spans of `visits`' entered_at and `ratings`' rated_at. */
export function factSpansOf(
  visits: readonly Pick<EventByKind['calls'], 'enteredAtMs'>[],
  ratings: readonly Pick<EventByKind['ratings'], 'ratedAtMs'>[],
): FactSpans {
  return {
    entered: spansOf(
      visits.map((v) => v.enteredAtMs),
      FACT_SPAN_GAP_MS,
      MAX_FACT_SPANS,
    ),
    rated: spansOf(
      ratings.map((r) => r.ratedAtMs),
      FACT_SPAN_GAP_MS,
      MAX_FACT_SPANS,
    ),
  };
}

/**
 * Refreshes every contact and rating fact that visits entered in `spans.entered` and ratings rated
 * in `spans.rated` can change, selecting the contacts and calls inside ClickHouse: no list of ids
 * goes to the server. The cost of a span is that of the visits in it and a horizon around it.
 */
export async function refreshFactsForSpans(client: ClickHouseClient, spans: FactSpans): Promise<void> {
  if (spans.entered.length === 0 && spans.rated.length === 0) return;
  const version = nextFactVersion();
  const range = ([from, to]: Span) => ({ from: toClickHouseTime(from), to: toClickHouseTime(to), version });
  for (const span of spans.entered) {
    await client.command({
      query: contactFactRefresh(span),
      query_params: { ...range(span), horizon_s: FCR_HORIZON_S },
    });
    await client.command({ query: ratingFactRefresh(CALLS_ENTERED), query_params: range(span) });
  }
  for (const span of spans.rated) {
    await client.command({ query: ratingFactRefresh(CALLS_RATED), query_params: range(span) });
  }
}
