-- Recomputes, with version {version}, the contact_fact rows (0008_contact_facts.sql) that storing
-- visits entered in [{from}, {to}] into a range that held none can change, without any list of
-- ids: every contact with a visit in [{from}, {to}], and every contact of one of their known
-- callers with a visit in [{from} - horizon, {from}) (an earlier contact whose next_contact_at a
-- new visit may become; as contact-fact-scope.sql, a superset is harmless). The rows are computed
-- as in contact-fact-refresh.sql; the callers' visits are read from the earliest first_entered of
-- those contacts to {to} + horizon.
INSERT INTO contact_fact
    (first_answered_at, call_id, deleted, eligible, span_ms, first_entered, last_ended, any_transfer, any_callback,
     queue, language, site, agent, channel, next_contact_at, version)
WITH
    {from:DateTime64(3, 'UTC')} AS range_from,
    {to:DateTime64(3, 'UTC')} AS range_to,
    toIntervalSecond({horizon_s:UInt32}) AS horizon
SELECT
    arrayJoin(c.answered_times) AS key_at, c.call_id, toUInt8(key_at != c.first_answered_at), c.caller != '',
    toUnixTimestamp64Milli(c.last_ended) - toUnixTimestamp64Milli(c.first_entered),    c.first_entered, c.last_ended, c.any_transfer, c.any_callback,
    c.queue, c.language, c.site, c.agent, c.channel,
    if((arrayFirstIndex(
            x -> x.1 > c.first_entered AND x.1 <= c.first_entered + horizon AND x.2 != c.call_id,
            v.visits) AS next_i) = 0,
       NULL, v.visits[next_i].1),
    {version:UInt64}
FROM
(
    SELECT
        call_id,
        min(entered_at) AS first_entered,
        max(ended_at) AS last_ended,
        max(transferred) AS any_transfer,
        max(callback) AS any_callback,
        anyIf(caller_hash, caller_hash != '') AS caller,
        minIf(entered_at, answered_at IS NOT NULL AND NOT self_service) AS first_answered_at,
        argMinIf(queue, entered_at, answered_at IS NOT NULL AND NOT self_service) AS queue,
        argMinIf(language, entered_at, answered_at IS NOT NULL AND NOT self_service) AS language,
        argMinIf(site, entered_at, answered_at IS NOT NULL AND NOT self_service) AS site,
        argMinIf(agent_id, entered_at, answered_at IS NOT NULL AND NOT self_service) AS agent,
        argMinIf(channel, entered_at, answered_at IS NOT NULL AND NOT self_service) AS channel,
        groupUniqArrayIf(entered_at, answered_at IS NOT NULL AND NOT self_service) AS answered_times
    FROM call
    WHERE call_id IN
    (
        SELECT call_id FROM call WHERE entered_at >= range_from AND entered_at <= range_to
        UNION DISTINCT
        SELECT call_id FROM call
        WHERE entered_at >= range_from - horizon AND entered_at < range_from
          AND caller_hash IN
          (
              SELECT caller_hash FROM call
              WHERE entered_at >= range_from AND entered_at <= range_to AND NOT self_service AND caller_hash != ''
          )
    )
    GROUP BY call_id
    HAVING notEmpty(answered_times)
) AS c
LEFT JOIN
(
    SELECT caller_hash, arraySort(groupArray((entered_at, call_id))) AS visits
    FROM call
    WHERE NOT self_service AND caller_hash != ''
      AND entered_at > least(
          range_from - horizon,
          (SELECT min(entered_at) FROM call
           WHERE call_id IN (SELECT call_id FROM call WHERE entered_at >= range_from AND entered_at <= range_to)))
      AND entered_at <= range_to + horizon
    GROUP BY caller_hash
) AS v ON v.caller_hash = c.caller
SETTINGS join_use_nulls = 1
