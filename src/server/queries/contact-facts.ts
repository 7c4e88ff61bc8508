/**
 * Keeping contact_fact and rating_fact (sql/migrations/0008_contact_facts.sql) current: after
 * every insert of visits or ratings, the rows of the contacts and rated calls it can change are
 * recomputed from the raw tables and inserted again with a higher version (ReplacingMergeTree).
 *
 * A stored visit can change: its own contact's facts; the next_contact_at of an earlier contact
 * of the same caller that started at most FCR_HORIZON_S before it (a late repeat makes that
 * contact unresolved); and the attribution of its call's rating. A stored rating changes its
 * call's rating fact. The refresh reads after the insert, so whichever of two concurrent refreshes
 * starts last sees both inserts, and its version (taken when it starts) is the highest.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { EventByKind, EventKind } from '../../domain/events.ts';
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

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const T = "DateTime64(3, 'UTC')";

/** Which contacts contact-fact-refresh.sql recomputes, and which of their callers' visits it reads. */
interface ContactScope {
  contacts: string;
  callerVisits: string;
}

/** A batch's contacts by id ({ids}), their callers ({callers}) and first_entered span ({fe_lo}, {fe_hi}). */
const CONTACTS_BY_IDS: ContactScope = {
  contacts: 'SELECT arrayJoin({ids:Array(String)})',
  callerVisits: `entered_at > {fe_lo:${T}} AND entered_at <= {fe_hi:${T}} + horizon
      AND caller_hash IN (SELECT arrayJoin({callers:Array(String)}))`,
};

/**
 * The contacts that storing visits entered in [{from}, {to}] into a range that held none can
 * change, without any list of ids: every contact with a visit in the range, and every contact of
 * one of their known callers with a visit in [{from} - horizon, {from}) (an earlier contact whose
 * next_contact_at a new visit may become; as contact-fact-scope.sql, a superset is harmless).
 * Their callers' visits are read from the earliest first_entered of those contacts to {to} + horizon.
 */
const CONTACTS_BY_RANGE: ContactScope = {
  contacts: `SELECT call_id FROM call WHERE entered_at >= {from:${T}} AND entered_at <= {to:${T}}
        UNION DISTINCT
        SELECT call_id FROM call
        WHERE entered_at >= {from:${T}} - horizon AND entered_at < {from:${T}}
          AND caller_hash IN
          (
              SELECT caller_hash FROM call
              WHERE entered_at >= {from:${T}} AND entered_at <= {to:${T}} AND NOT self_service AND caller_hash != ''
          )`,
  callerVisits: `entered_at > least(
          {from:${T}} - horizon,
          (SELECT min(entered_at) FROM call
           WHERE call_id IN (SELECT call_id FROM call WHERE entered_at >= {from:${T}} AND entered_at <= {to:${T}})))
      AND entered_at <= {to:${T}} + horizon`,
};

function contactFactRefresh(scope: ContactScope): string {
  return sqlQuery('contact-fact-refresh')
    .replace('__CONTACTS__', scope.contacts)
    .replace('__CALLER_VISITS__', scope.callerVisits);
}

/** The rated calls rating-fact-refresh.sql recomputes: {ids}, or those of visits and ratings in a time range. */
const CALLS_BY_IDS = 'SELECT arrayJoin({ids:Array(String)})';
const CALLS_BY_RANGE = `SELECT call_id FROM rating WHERE rated_at >= {rated_from:${T}} AND rated_at <= {rated_to:${T}}
        UNION DISTINCT
        SELECT call_id FROM call WHERE entered_at >= {from:${T}} AND entered_at <= {to:${T}}`;

function ratingFactRefresh(calls: string): string {
  return sqlQuery('rating-fact-refresh').replaceAll('__CALLS__', calls);
}

/** Refreshes the contact facts that stored `visits` can change, and their calls' rating facts. */
export async function refreshAfterVisits(client: ClickHouseClient, visits: EventByKind['calls'][]): Promise<void> {
  if (visits.length === 0) return;
  const version = nextFactVersion();
  const ids = unique(visits.map((v) => v.callId));
  let lo = Infinity;
  let hi = -Infinity;
  const callers = new Set<string>();
  for (const v of visits) {
    if (v.selfService || v.callerHash === '') continue;
    callers.add(v.callerHash);
    if (v.enteredAtMs < lo) lo = v.enteredAtMs;
    if (v.enteredAtMs > hi) hi = v.enteredAtMs;
  }
  if (callers.size === 0) lo = hi = 0;
  const rs = await client.query({
    query: sqlQuery('contact-fact-scope'),
    format: 'JSONEachRow',
    query_params: {
      ids,
      callers: [...callers],
      lo: toClickHouseTime(lo),
      hi: toClickHouseTime(hi),
      horizon_s: FCR_HORIZON_S,
    },
  });
  const [scope] = await rs.json<{ ids: string[]; fe_lo: string; fe_hi: string; scope_callers: string[] }>();
  if (scope && scope.ids.length > 0) {
    await client.command({
      query: contactFactRefresh(CONTACTS_BY_IDS),
      query_params: {
        ids: scope.ids,
        callers: scope.scope_callers,
        fe_lo: scope.fe_lo,
        fe_hi: scope.fe_hi,
        horizon_s: FCR_HORIZON_S,
        version,
      },
    });
  }
  await refreshRatingFacts(client, ids, version);
}

/** Refreshes the rating facts of the calls `callIds` (those with no rating get none). */
export async function refreshRatingFacts(
  client: ClickHouseClient,
  callIds: string[],
  version = nextFactVersion(),
): Promise<void> {
  if (callIds.length === 0) return;
  await client.command({ query: ratingFactRefresh(CALLS_BY_IDS), query_params: { ids: unique(callIds), version } });
}

/**
 * Refreshes every fact that storing `visits` and `ratings` into a time range that held none of
 * them can change, selecting the contacts and calls inside ClickHouse by time range (the bulk
 * path of `kezek demo`): no list of ids goes to the server.
 */
export async function refreshFactsForRange(
  client: ClickHouseClient,
  visits: EventByKind['calls'][],
  ratings: EventByKind['ratings'][],
): Promise<void> {
  if (visits.length === 0 && ratings.length === 0) return;
  const version = nextFactVersion();
  const span = (times: number[]) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of times) {
      if (t < lo) lo = t;
      if (t > hi) hi = t;
    }
    return lo <= hi
      ? { lo: toClickHouseTime(lo), hi: toClickHouseTime(hi) }
      : { lo: toClickHouseTime(0), hi: toClickHouseTime(0) };
  };
  const entered = span(visits.map((v) => v.enteredAtMs));
  const rated = span(ratings.map((r) => r.ratedAtMs));
  if (visits.length > 0)
    await client.command({
      query: contactFactRefresh(CONTACTS_BY_RANGE),
      query_params: { from: entered.lo, to: entered.hi, horizon_s: FCR_HORIZON_S, version },
    });
  await client.command({
    query: ratingFactRefresh(CALLS_BY_RANGE),
    query_params: { from: entered.lo, to: entered.hi, rated_from: rated.lo, rated_to: rated.hi, version },
  });
}

/** The refresh after an insert of `records` of `kind` (the one hook of the write path). */
export async function refreshFactsAfterInsert<K extends EventKind>(
  client: ClickHouseClient,
  kind: K,
  records: EventByKind[K][],
): Promise<void> {
  if (kind === 'calls') await refreshAfterVisits(client, records as EventByKind['calls'][]);
  else if (kind === 'ratings')
    await refreshRatingFacts(
      client,
      (records as EventByKind['ratings'][]).map((r) => r.callId),
    );
}
