/**
 * A recomputation of contact_fact and rating_fact from the raw tables, written independently of
 * the refresh SQL (window functions per caller instead of a join), and the comparison of the
 * stored facts (FINAL, tombstones dropped) with it. Shared by the kpi-facts tests.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { FCR_HORIZON_S } from '../../src/server/queries/contact-facts.ts';

const ANSWERED = 'answered_at IS NOT NULL AND NOT self_service';

/** Expected contact facts: one row per contact with an answered non-self-service visit. */
export const EXPECTED_CONTACTS = `
SELECT c.call_id AS call_id, c.fa AS first_answered_at, c.caller != '' AS eligible, c.fe AS first_entered, c.le AS last_ended,
       c.tr AS any_transfer, c.cb AS any_callback, c.q AS queue, c.ag AS agent, c.ch AS channel, c.si AS site, c.la AS language,
       n.next_at AS next_contact_at
FROM (
  SELECT call_id, min(entered_at) fe, max(ended_at) le, max(transferred) tr, max(callback) cb,
         anyIf(caller_hash, caller_hash != '') caller, minIf(entered_at, ${ANSWERED}) fa,
         argMinIf(queue, entered_at, ${ANSWERED}) q, argMinIf(agent_id, entered_at, ${ANSWERED}) ag,
         argMinIf(channel, entered_at, ${ANSWERED}) ch, argMinIf(site, entered_at, ${ANSWERED}) si,
         argMinIf(language, entered_at, ${ANSWERED}) la
  FROM call GROUP BY call_id HAVING countIf(${ANSWERED}) > 0
) AS c
LEFT JOIN (
  -- Per caller, every non-self-service visit; for each contact, the earliest one of another contact
  -- after its start and within the horizon.
  SELECT s.call_id AS call_id,
         arrayFilter((t, id) -> t > s.fe AND t <= s.fe + toIntervalSecond(${FCR_HORIZON_S}) AND id != s.call_id, v.times, v.ids) AS later,
         if(empty(later), NULL, arrayMin(later)) AS next_at
  FROM (SELECT call_id, min(entered_at) fe, anyIf(caller_hash, caller_hash != '') caller FROM call GROUP BY call_id) AS s
  INNER JOIN (
    SELECT caller_hash, groupArray(entered_at) times, groupArray(call_id) ids FROM call
    WHERE NOT self_service AND caller_hash != '' GROUP BY caller_hash
  ) AS v ON v.caller_hash = s.caller
) AS n ON n.call_id = c.call_id
SETTINGS join_use_nulls = 1`;

/** Expected rating facts: the latest rating per call, attributed as DESIGN §5 says. */
export const EXPECTED_RATINGS = `
SELECT r.call_id AS call_id, r.last_at AS rated_at, r.score AS score,
       ifNull(v.q, '') AS queue, if(r.rater != '', r.rater, ifNull(v.ag, '')) AS agent, ifNull(v.ch, '') AS channel,
       ifNull(v.si, '') AS site, ifNull(v.la, '') AS language
FROM (SELECT call_id, max(rated_at) last_at, argMax(score, rated_at) score, argMax(agent_id, rated_at) rater FROM rating GROUP BY call_id) AS r
LEFT JOIN (
  SELECT call_id, argMax(queue, entered_at) q, argMax(agent_id, entered_at) ag, argMax(channel, entered_at) ch,
         argMax(site, entered_at) si, argMax(language, entered_at) la
  FROM call WHERE ${ANSWERED} GROUP BY call_id
) AS v ON v.call_id = r.call_id
SETTINGS join_use_nulls = 1`;

const STORED_CONTACTS = `
SELECT call_id, first_answered_at, eligible, first_entered, last_ended, any_transfer, any_callback, queue, agent, channel,
       site, language, next_contact_at
FROM contact_fact FINAL WHERE deleted = 0`;

const STORED_RATINGS = `
SELECT call_id, rated_at, score, queue, agent, channel, site, language FROM rating_fact FINAL WHERE deleted = 0`;

async function one(client: ClickHouseClient, query: string): Promise<number> {
  const rs = await client.query({ query, format: 'JSONEachRow' });
  const [row] = await rs.json<{ n: number }>();
  return Number(row.n);
}

export interface FactsDiff {
  contacts: number;
  missingContacts: number;
  extraContacts: number;
  ratings: number;
  missingRatings: number;
  extraRatings: number;
}

/** How many stored facts differ from the recomputation, either way (all 0 when exact). */
export async function factsDiff(client: ClickHouseClient): Promise<FactsDiff> {
  const diff = (a: string, b: string) =>
    one(
      client,
      `SELECT count() AS n FROM (${a.replace(/SETTINGS.*$/s, '')} EXCEPT ${b.replace(/SETTINGS.*$/s, '')}) SETTINGS join_use_nulls = 1`,
    );
  return {
    contacts: await one(client, `SELECT count() AS n FROM (${STORED_CONTACTS})`),
    missingContacts: await diff(EXPECTED_CONTACTS, STORED_CONTACTS),
    extraContacts: await diff(STORED_CONTACTS, EXPECTED_CONTACTS),
    ratings: await one(client, `SELECT count() AS n FROM (${STORED_RATINGS})`),
    missingRatings: await diff(EXPECTED_RATINGS, STORED_RATINGS),
    extraRatings: await diff(STORED_RATINGS, EXPECTED_RATINGS),
  };
}

/** A checksum of the stored fact rows (FINAL), to see that a step changed nothing. */
export async function factsChecksum(client: ClickHouseClient): Promise<number[]> {
  const sum = (q: string) => one(client, `SELECT sum(cityHash64(*)) % 1000000007 AS n FROM (${q})`);
  return [await sum(STORED_CONTACTS), await sum(STORED_RATINGS)];
}
