-- Per-contact and per-rated-call facts for year-scale KPIs (goal 4 of perf-anchors.md, issue 4
-- "FCR maintained incrementally as later contacts arrive"). Both tables are kept current by the
-- write path (src/server/queries/contact-facts.ts, called after every insert of calls or
-- ratings): a refresh recomputes the whole row of each affected contact from `call`/`rating` and
-- inserts it again with a higher version. Reads use FINAL (or argMax by version); nothing is ever
-- updated in place.
--
-- A row's key holds the time it is reported by, so period queries prune by the primary key. When
-- that time moves (an earlier answered visit of the contact arrives; a call is re-rated), the
-- refresh also writes a tombstone (deleted = 1) under every former candidate key: readers skip
-- rows with deleted = 1 after FINAL.
--
-- The horizon: next_contact_at is the earliest entered_at of a non-self-service visit of another
-- contact (call_id) of the same known caller in (first_entered, first_entered + 8 days]; NULL
-- when there is none. A contact is a repeat for a window W iff next_contact_at <= last_ended + W;
-- that is exact whenever last_ended + W <= first_entered + 8 days, and kpi.ts falls back to the
-- raw query otherwise. The 8 days (691200 s) are FCR_HORIZON_S in contact-facts.ts.

-- One row per contact with an answered non-self-service visit (DESIGN §5 FCR contacts).
CREATE TABLE IF NOT EXISTS contact_fact
(
    first_answered_at DateTime64(3, 'UTC'),       -- entered_at of its first answered visit
    call_id           String,
    deleted           UInt8,
    eligible          Bool,                       -- a known caller (DESIGN §5)
    span_ms           Int64,                      -- last_ended - first_entered
    first_entered     DateTime64(3, 'UTC'),
    last_ended        DateTime64(3, 'UTC'),
    any_transfer      Bool,
    any_callback      Bool,
    queue             LowCardinality(String),     -- of the first answered visit
    language          LowCardinality(String),
    site              LowCardinality(String),
    agent             LowCardinality(String),
    channel           LowCardinality(String),
    next_contact_at   Nullable(DateTime64(3, 'UTC')),
    version           UInt64,
    INDEX span_idx span_ms TYPE minmax GRANULARITY 1  -- kpi-fcr-check.sql skips short contacts
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(first_answered_at)
ORDER BY (first_answered_at, call_id);

-- One row per rated call: its latest rating, attributed (DESIGN §5) to the rating's agent_id or
-- else to the call's last answered visit ('' when the call has none stored yet).
CREATE TABLE IF NOT EXISTS rating_fact
(
    rated_at  DateTime64(3, 'UTC'),
    call_id   String,
    deleted   UInt8,
    score     UInt8,
    queue     LowCardinality(String),
    language  LowCardinality(String),
    site      LowCardinality(String),
    agent     LowCardinality(String),
    channel   LowCardinality(String),
    version   UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(rated_at)
ORDER BY (rated_at, call_id);

-- Backfill of the data stored before this migration (version 1; refreshes use larger versions).
INSERT INTO contact_fact
    (first_answered_at, call_id, deleted, eligible, span_ms, first_entered, last_ended, any_transfer, any_callback,
     queue, language, site, agent, channel, next_contact_at, version)
SELECT
    arrayJoin(c.answered_times) AS key_at, c.call_id, toUInt8(key_at != c.first_answered_at), c.caller != '',
    toUnixTimestamp64Milli(c.last_ended) - toUnixTimestamp64Milli(c.first_entered),    c.first_entered, c.last_ended, c.any_transfer, c.any_callback,
    c.queue, c.language, c.site, c.agent, c.channel, n.next_at, 1
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
    GROUP BY call_id
    HAVING notEmpty(answered_times)
) AS c
LEFT JOIN
(
    SELECT o.call_id AS call_id, min(v.entered_at) AS next_at
    FROM
    (
        SELECT call_id, min(entered_at) AS first_entered, anyIf(caller_hash, caller_hash != '') AS caller
        FROM call
        GROUP BY call_id
        HAVING caller != '' AND countIf(answered_at IS NOT NULL AND NOT self_service) > 0
    ) AS o
    INNER JOIN
    (
        SELECT call_id AS v_call_id, caller_hash, entered_at FROM call WHERE NOT self_service AND caller_hash != ''
    ) AS v ON v.caller_hash = o.caller
    WHERE v.v_call_id != o.call_id
      AND v.entered_at > o.first_entered
      AND v.entered_at <= o.first_entered + toIntervalSecond(691200)
    GROUP BY o.call_id
) AS n ON n.call_id = c.call_id
SETTINGS join_use_nulls = 1;

INSERT INTO rating_fact (rated_at, call_id, deleted, score, queue, language, site, agent, channel, version)
SELECT
    arrayJoin(r.rated_times) AS key_at, r.call_id, toUInt8(key_at != r.last_rated_at), r.score,
    ifNull(v.queue, ''), ifNull(v.language, ''), ifNull(v.site, ''),
    if(r.rater_agent != '', r.rater_agent, ifNull(v.agent_id, '')), ifNull(v.channel, ''), 1
FROM
(
    SELECT call_id, max(rated_at) AS last_rated_at, argMax(score, rated_at) AS score,
           argMax(agent_id, rated_at) AS rater_agent, groupUniqArray(rated_at) AS rated_times
    FROM rating
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
      AND call_id IN (SELECT call_id FROM rating)
    GROUP BY call_id
) AS v ON v.call_id = r.call_id
SETTINGS join_use_nulls = 1, use_index_for_in_with_subqueries = 0;
