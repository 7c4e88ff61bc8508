-- Rollups of queue visits for the dashboards (issue 4): the visit counters of DESIGN §5 summed
-- per 15-minute interval × queue × language × site × channel, and per operator-hour (× queue,
-- language, site, channel). Times are UTC starts; local 15-minute intervals, hours and dates of
-- every zone whose offset is a whole number of quarter-hours (hours for call_agent_hour) are
-- unions of these buckets, so grouping them in the centre's time zone is exact.
--
-- The counters use the default thresholds of DESIGN §8 (short abandon < 5 s, lost >= 30 s,
-- answered within 20 s). A config with other thresholds makes the server read the raw table
-- (src/server/queries/rollup-kpi.ts checks this), so a number never depends on which path ran.
--
-- Exact under re-ingest: the ingest pipeline skips a visit whose key (call_id, queue) is stored
-- before inserting, so each materialized view sees every visit once. A duplicate that slips past
-- it (two writers at once) would be counted twice here while ReplacingMergeTree collapses it in
-- `call`; rollup-check.sql finds such days and rollup.ts rebuilds them from `call` FINAL.
-- Ratings (the latest per call wins, possibly in another period) and FCR (depends on later
-- contacts) are not rolled up here; the dashboards compute them from the raw tables.

-- Each view flags every visit in an inner SELECT (f_… names: an alias equal to a column name
-- would shadow it) and sums the flags under the rollup's column names.

CREATE TABLE IF NOT EXISTS call_interval
(
    interval_start     DateTime('UTC'),
    queue              LowCardinality(String),
    language           LowCardinality(String),
    site               LowCardinality(String),
    channel            LowCardinality(String),
    self_service       UInt64,
    callbacks          UInt64,
    offered            UInt64,
    answered           UInt64,
    short_abandoned    UInt64,
    lost               UInt64,
    answered_within_sl UInt64,
    transferred        UInt64,
    wait_answered_s    Float64,
    wait_offered_s     Float64,
    handle_answered_s  Float64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(interval_start)
ORDER BY (interval_start, queue, language, site, channel);

CREATE MATERIALIZED VIEW IF NOT EXISTS call_interval_mv TO call_interval AS
SELECT
    interval_start, queue, language, site, channel,
    sum(f_self_service) AS self_service,
    sum(f_callback) AS callbacks,
    sum(f_offered) AS offered,
    sum(f_answered) AS answered,
    sum(f_short_abandoned) AS short_abandoned,
    sum(f_lost) AS lost,
    sum(f_within_sl) AS answered_within_sl,
    sum(f_transferred) AS transferred,
    sum(f_wait_answered_s) AS wait_answered_s,
    sum(f_wait_offered_s) AS wait_offered_s,
    sum(f_handle_answered_s) AS handle_answered_s
FROM
(
    SELECT
        toStartOfFifteenMinutes(entered_at) AS interval_start, queue, language, site, channel,
        toUInt64(self_service) AS f_self_service,
        toUInt64(callback AND NOT self_service) AS f_callback,
        toUInt64(NOT self_service AND NOT callback) AS f_offered,
        toUInt64(f_offered AND answered_at IS NOT NULL) AS f_answered,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s < 5) AS f_short_abandoned,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s >= 30) AS f_lost,
        toUInt64(f_answered AND wait_s <= 20) AS f_within_sl,
        toUInt64(f_answered AND transferred) AS f_transferred,
        if(f_answered = 1, wait_s, 0) AS f_wait_answered_s,
        if(f_offered = 1, wait_s, 0) AS f_wait_offered_s,
        if(f_answered = 1, talk_s + hold_s + wrap_s, 0) AS f_handle_answered_s
    FROM call
)
GROUP BY interval_start, queue, language, site, channel;

CREATE TABLE IF NOT EXISTS call_agent_hour
(
    hour_start         DateTime('UTC'),
    agent_id           LowCardinality(String),
    queue              LowCardinality(String),
    language           LowCardinality(String),
    site               LowCardinality(String),
    channel            LowCardinality(String),
    self_service       UInt64,
    callbacks          UInt64,
    offered            UInt64,
    answered           UInt64,
    short_abandoned    UInt64,
    lost               UInt64,
    answered_within_sl UInt64,
    transferred        UInt64,
    wait_answered_s    Float64,
    wait_offered_s     Float64,
    handle_answered_s  Float64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(hour_start)
ORDER BY (hour_start, agent_id, queue, language, site, channel);

CREATE MATERIALIZED VIEW IF NOT EXISTS call_agent_hour_mv TO call_agent_hour AS
SELECT
    hour_start, agent_id, queue, language, site, channel,
    sum(f_self_service) AS self_service,
    sum(f_callback) AS callbacks,
    sum(f_offered) AS offered,
    sum(f_answered) AS answered,
    sum(f_short_abandoned) AS short_abandoned,
    sum(f_lost) AS lost,
    sum(f_within_sl) AS answered_within_sl,
    sum(f_transferred) AS transferred,
    sum(f_wait_answered_s) AS wait_answered_s,
    sum(f_wait_offered_s) AS wait_offered_s,
    sum(f_handle_answered_s) AS handle_answered_s
FROM
(
    SELECT
        toStartOfHour(entered_at) AS hour_start, agent_id, queue, language, site, channel,
        toUInt64(self_service) AS f_self_service,
        toUInt64(callback AND NOT self_service) AS f_callback,
        toUInt64(NOT self_service AND NOT callback) AS f_offered,
        toUInt64(f_offered AND answered_at IS NOT NULL) AS f_answered,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s < 5) AS f_short_abandoned,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s >= 30) AS f_lost,
        toUInt64(f_answered AND wait_s <= 20) AS f_within_sl,
        toUInt64(f_answered AND transferred) AS f_transferred,
        if(f_answered = 1, wait_s, 0) AS f_wait_answered_s,
        if(f_offered = 1, wait_s, 0) AS f_wait_offered_s,
        if(f_answered = 1, talk_s + hold_s + wrap_s, 0) AS f_handle_answered_s
    FROM call
)
GROUP BY hour_start, agent_id, queue, language, site, channel;

-- Visits stored before this migration: the views only see later inserts. Migrations run when a
-- process opens the database, before it ingests anything, so no visit is counted twice.
INSERT INTO call_interval
SELECT
    interval_start, queue, language, site, channel,
    sum(f_self_service) AS self_service,
    sum(f_callback) AS callbacks,
    sum(f_offered) AS offered,
    sum(f_answered) AS answered,
    sum(f_short_abandoned) AS short_abandoned,
    sum(f_lost) AS lost,
    sum(f_within_sl) AS answered_within_sl,
    sum(f_transferred) AS transferred,
    sum(f_wait_answered_s) AS wait_answered_s,
    sum(f_wait_offered_s) AS wait_offered_s,
    sum(f_handle_answered_s) AS handle_answered_s
FROM
(
    SELECT
        toStartOfFifteenMinutes(entered_at) AS interval_start, queue, language, site, channel,
        toUInt64(self_service) AS f_self_service,
        toUInt64(callback AND NOT self_service) AS f_callback,
        toUInt64(NOT self_service AND NOT callback) AS f_offered,
        toUInt64(f_offered AND answered_at IS NOT NULL) AS f_answered,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s < 5) AS f_short_abandoned,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s >= 30) AS f_lost,
        toUInt64(f_answered AND wait_s <= 20) AS f_within_sl,
        toUInt64(f_answered AND transferred) AS f_transferred,
        if(f_answered = 1, wait_s, 0) AS f_wait_answered_s,
        if(f_offered = 1, wait_s, 0) AS f_wait_offered_s,
        if(f_answered = 1, talk_s + hold_s + wrap_s, 0) AS f_handle_answered_s
    FROM call FINAL
)
GROUP BY interval_start, queue, language, site, channel;

INSERT INTO call_agent_hour
SELECT
    hour_start, agent_id, queue, language, site, channel,
    sum(f_self_service) AS self_service,
    sum(f_callback) AS callbacks,
    sum(f_offered) AS offered,
    sum(f_answered) AS answered,
    sum(f_short_abandoned) AS short_abandoned,
    sum(f_lost) AS lost,
    sum(f_within_sl) AS answered_within_sl,
    sum(f_transferred) AS transferred,
    sum(f_wait_answered_s) AS wait_answered_s,
    sum(f_wait_offered_s) AS wait_offered_s,
    sum(f_handle_answered_s) AS handle_answered_s
FROM
(
    SELECT
        toStartOfHour(entered_at) AS hour_start, agent_id, queue, language, site, channel,
        toUInt64(self_service) AS f_self_service,
        toUInt64(callback AND NOT self_service) AS f_callback,
        toUInt64(NOT self_service AND NOT callback) AS f_offered,
        toUInt64(f_offered AND answered_at IS NOT NULL) AS f_answered,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s < 5) AS f_short_abandoned,
        toUInt64(f_offered AND answered_at IS NULL AND wait_s >= 30) AS f_lost,
        toUInt64(f_answered AND wait_s <= 20) AS f_within_sl,
        toUInt64(f_answered AND transferred) AS f_transferred,
        if(f_answered = 1, wait_s, 0) AS f_wait_answered_s,
        if(f_offered = 1, wait_s, 0) AS f_wait_offered_s,
        if(f_answered = 1, talk_s + hold_s + wrap_s, 0) AS f_handle_answered_s
    FROM call FINAL
)
GROUP BY hour_start, agent_id, queue, language, site, channel;
