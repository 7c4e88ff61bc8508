-- Asterisk ingest (issue 3): the raw lines and rows as read, calls outside queues, ingest
-- checkpoints and runs. Raw tables are keyed by (time, hash of the raw text): an identical line
-- read twice is one row (DESIGN §5), and ingest skips a line whose key is stored.

-- One well-formed Asterisk queue_log line, used or not (DESIGN §5: every such line is stored).
CREATE TABLE IF NOT EXISTS queue_log_event
(
    time        DateTime64(3, 'UTC'),
    call_id     String,
    queue       LowCardinality(String),
    agent       LowCardinality(String),
    event       LowCardinality(String),
    data        Array(String),
    raw         String,                       -- the line as read, the caller id (ENTERQUEUE data2) hashed
    source      LowCardinality(String),
    line        UInt64,
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (time, cityHash64(raw));

-- One well-formed Asterisk CDR row (one leg of a call), as read from Master.csv or an export.
-- Numbers are personal data (DESIGN §10): src and dst are kept as salted hashes, clid and the
-- raw text not at all; row_hash (a salted hash of the raw record) tells identical rows.
CREATE TABLE IF NOT EXISTS cdr_record
(
    call_key    String,                       -- linkedid, else uniqueid: the call it belongs to
    start       DateTime64(3, 'UTC'),
    answer      Nullable(DateTime64(3, 'UTC')),
    end         DateTime64(3, 'UTC'),
    duration_s  UInt32,
    billsec_s   UInt32,
    disposition LowCardinality(String),
    src_hash    String,
    dst_hash    String,
    channel     String,
    dstchannel  String,
    lastapp     LowCardinality(String),
    lastdata    String,
    dcontext    LowCardinality(String),
    accountcode LowCardinality(String),
    uniqueid    String,
    linkedid    String,
    userfield   String,
    row_hash    String,
    source      LowCardinality(String),
    line        UInt64,
    ingested_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(start)
ORDER BY (start, row_hash);

-- A call from CDR that never entered a queue (internal, outbound, IVR-only): outside queue KPIs.
CREATE TABLE IF NOT EXISTS direct_call
(
    call_id          String,
    started_at       DateTime64(3, 'UTC'),
    answered_at      Nullable(DateTime64(3, 'UTC')),
    ended_at         DateTime64(3, 'UTC'),
    caller_hash      String,
    destination_hash String,
    context          LowCardinality(String),
    agent_id         LowCardinality(String),
    bill_s           Float64,
    duration_s       Float64,
    disposition      LowCardinality(String),
    legs             UInt32,
    source           LowCardinality(String),
    ingested_at      DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY call_id;

-- Where an ingest stream stands: file identity, byte offset, line, and the assembler state
-- (JSON), written after the rows up to that point are stored. The highest version wins.
CREATE TABLE IF NOT EXISTS ingest_checkpoint
(
    stream     String,
    version    UInt64,
    file_id    String,
    offset     UInt64,
    line       UInt64,
    state      String,
    saved_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(version)
ORDER BY stream;

-- The latest ingest run of each source and kind: its earlier rejects are resolved (superseded
-- by the re-ingest), the rejects of the latest run are the open ones.
CREATE TABLE IF NOT EXISTS ingest_run
(
    source     String,
    kind       LowCardinality(String),
    started_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(started_at)
ORDER BY (source, kind);
