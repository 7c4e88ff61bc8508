-- Recomputes, with version {version}, the contact_fact rows (0008_contact_facts.sql) of a set of
-- contacts (call ids) from `call`: the contact's own facts, and next_contact_at from the
-- non-self-service visits of its caller entered in (first_entered, first_entered + horizon]. The
-- two markers below are the set of contacts and the bounds of the scan of their callers' visits:
-- contact-facts.ts puts those of a time range in their place. Tombstones go under every other
-- answered visit's entered_at (a former key).
-- next_contact_at: per caller, the sorted (entered_at, call_id) of its visits in the bounds (a
-- small array), and per contact the first of them of another contact inside its horizon.
INSERT INTO contact_fact
    (first_answered_at, call_id, deleted, eligible, span_ms, first_entered, last_ended, any_transfer, any_callback,
     queue, language, site, agent, channel, next_contact_at, version)
WITH toIntervalSecond({horizon_s:UInt32}) AS horizon
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
    WHERE call_id IN (__CONTACTS__)
    GROUP BY call_id
    HAVING notEmpty(answered_times)
) AS c
LEFT JOIN
(
    SELECT caller_hash, arraySort(groupArray((entered_at, call_id))) AS visits
    FROM call
    WHERE NOT self_service AND caller_hash != '' AND __CALLER_VISITS__
    GROUP BY caller_hash
) AS v ON v.caller_hash = c.caller
-- A set of more than 10,000 ids is matched by reading the call_id column, not through the
-- primary key: analysing the key for 200,000 ids took ~400 ms, the read ~50 ms (a month of calls).
-- Each contact (call) is written once: no equal keys for the insert to collapse.
SETTINGS join_use_nulls = 1, use_index_for_in_with_subqueries_max_values = 10000, optimize_on_insert = 0
