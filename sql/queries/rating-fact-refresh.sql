-- Recomputes, with version {version}, the rating_fact rows (0008_contact_facts.sql) of a set of
-- calls (the marker below, twice: contact-facts.ts puts those of visits or ratings in a time
-- range in its place): the latest rating of each rated call, attributed as DESIGN §5 says (and as
-- kpi-ratings-raw.sql does from the raw tables), and a tombstone under every earlier rated_at.
INSERT INTO rating_fact (rated_at, call_id, deleted, score, queue, language, site, agent, channel, version)
SELECT
    arrayJoin(r.rated_times) AS key_at, r.call_id, toUInt8(key_at != r.last_rated_at), r.score,
    ifNull(v.queue, ''), ifNull(v.language, ''), ifNull(v.site, ''),
    if(r.rater_agent != '', r.rater_agent, ifNull(v.agent_id, '')), ifNull(v.channel, ''), {version:UInt64}
FROM
(
    SELECT call_id, max(rated_at) AS last_rated_at, argMax(score, rated_at) AS score,
           argMax(agent_id, rated_at) AS rater_agent, groupUniqArray(rated_at) AS rated_times
    FROM rating
    WHERE call_id IN (__CALLS__)
    GROUP BY call_id
) AS r
LEFT JOIN
(
    SELECT call_id,
           argMax(queue, entered_at) AS queue, argMax(language, entered_at) AS language,
           argMax(site, entered_at) AS site, argMax(agent_id, entered_at) AS agent_id,
           argMax(channel, entered_at) AS channel
    FROM call
    WHERE answered_at IS NOT NULL AND NOT self_service
      AND call_id IN (SELECT call_id FROM rating WHERE call_id IN (__CALLS__)) -- only rated calls matter
    GROUP BY call_id
) AS v ON v.call_id = r.call_id
-- A set of more than 10,000 ids is matched by reading the call_id column, not through the
-- primary key: analysing the key for 200,000 ids took ~400 ms, the read ~50 ms (a month of calls).
-- Each contact (call) is written once: no equal keys for the insert to collapse.
SETTINGS join_use_nulls = 1, use_index_for_in_with_subqueries_max_values = 10000, optimize_on_insert = 0
