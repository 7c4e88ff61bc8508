-- The event tables of DESIGN §4. Times are UTC instants with milliseconds; local dates and hours
-- are computed in queries with the centre's time zone. Keys in ORDER BY are the idempotency keys:
-- the ingest pipeline skips a row whose key is stored, and ReplacingMergeTree collapses any
-- duplicate that slips through (e.g. two writers on a cluster).

-- One row per queue visit of one contact (call_id).
CREATE TABLE IF NOT EXISTS call
(
    call_id      String,
    queue        LowCardinality(String),
    channel      LowCardinality(String),
    language     LowCardinality(String),
    site         LowCardinality(String),
    caller_hash  String,                      -- salted SHA-256 of the caller; '' when unknown
    entered_at   DateTime64(3, 'UTC'),
    answered_at  Nullable(DateTime64(3, 'UTC')),
    ended_at     DateTime64(3, 'UTC'),
    wait_s       Float64,
    agent_id     LowCardinality(String),
    talk_s       Float64,
    hold_s       Float64,
    wrap_s       Float64,
    transferred  Bool,
    callback     Bool,
    self_service Bool,
    topic        LowCardinality(String),
    source       LowCardinality(String),
    ingested_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(entered_at)
ORDER BY (call_id, queue);

-- A caller's rating of a call; the latest rated_at of a call wins in queries.
CREATE TABLE IF NOT EXISTS rating
(
    call_id     String,
    score       UInt8,
    rated_at    DateTime64(3, 'UTC'),
    agent_id    LowCardinality(String),       -- '' = the agent of the call's last answered visit
    source      LowCardinality(String),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(rated_at)
ORDER BY (call_id, rated_at);

-- Agent state changes: login, logout, pause, unpause.
CREATE TABLE IF NOT EXISTS agent_event
(
    agent_id    LowCardinality(String),
    at          DateTime64(3, 'UTC'),
    state       LowCardinality(String),
    reason      LowCardinality(String),
    source      LowCardinality(String),
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (agent_id, at, state);

-- Operators; a later row for the same agent replaces it (the highest version wins).
CREATE TABLE IF NOT EXISTS agent
(
    agent_id            String,
    name                String,
    site                LowCardinality(String),
    department          LowCardinality(String),
    languages           Array(LowCardinality(String)),
    contract_hours_week Nullable(Float64),
    hired_at            Nullable(Date),
    version             UInt64,
    source              LowCardinality(String)
)
ENGINE = ReplacingMergeTree(version)
ORDER BY agent_id;

-- Every rejected input row, with where it came from and why. Nothing is dropped silently.
CREATE TABLE IF NOT EXISTS reject
(
    source      String,
    line        UInt64,
    format      LowCardinality(String),
    kind        LowCardinality(String),
    raw         String,
    reason      String,
    rejected_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(rejected_at)
ORDER BY (source, line, cityHash64(raw));

-- Per-installation values, e.g. the caller-hash salt (generated once, never logged).
CREATE TABLE IF NOT EXISTS installation
(
    key     String,
    value   String,
    set_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(set_at)
ORDER BY key;
