-- The roster of a week as `kezek roster` (or the planner's page) last solved it: its JSON and its
-- training calendar's, so that `kezek training` shows the trainings of that very roster instead
-- of solving the week again (a solve under a time limit lands on another roster each time).
CREATE TABLE IF NOT EXISTS roster_week
(
    week      String,                        -- ISO week YYYY-Www
    saved_at  DateTime64(3, 'UTC'),
    roster    String,                        -- JSON of `kezek roster --json`
    training  String                         -- JSON of `kezek training --json`
)
ENGINE = ReplacingMergeTree(saved_at)
ORDER BY week;
