-- Time spans of stored visits and ratings whose contact and rating facts are not refreshed yet
-- (src/server/queries/fact-backlog.ts). A note is inserted before the rows it covers (done = 0),
-- and again with done = 1 once their facts are refreshed: the FINAL rows with done = 0 are what
-- a process that died left to refresh. Done notes go after a day.
CREATE TABLE IF NOT EXISTS fact_backlog
(
    id        String,
    spans     String,                 -- JSON {"entered": [[from_ms, to_ms], …], "rated": [[…], …]}
    noted_at  DateTime64(3, 'UTC'),
    done      UInt8,
    version   UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY id
TTL toDateTime(noted_at) + INTERVAL 1 DAY DELETE WHERE done = 1;
