-- Closed payroll months (DESIGN §9, issue 7): closing a month freezes its pay lines, so later
-- data (a late rating, a re-ingested day) never changes a closed month silently; it shows as a
-- difference against this snapshot instead.

-- One row per closed month. pay_rule is the JSON of the rule set in force and
-- full_time_hours_week, so a what-if or a recomputation uses the rules the month was paid under.
CREATE TABLE IF NOT EXISTS payroll_month
(
    month       String,                       -- 'YYYY-MM'
    closed_at   DateTime64(3, 'UTC'),
    timezone    String,
    pay_rule    String,
    operators   UInt32,
    total_tiyn  Int64
)
ENGINE = ReplacingMergeTree(closed_at)
ORDER BY month;

-- One operator's frozen pay line of a closed month: the facts it was computed from (JSON of
-- OperatorMonthFacts plus working_days), the line as `payroll --json` printed it without reasons,
-- and the reasons in each UI language. Lines belong to the month row with the same closed_at.
CREATE TABLE IF NOT EXISTS payroll_line
(
    month       String,
    agent_id    String,
    closed_at   DateTime64(3, 'UTC'),
    facts       String,
    line        String,
    reasons_en  Array(String),
    reasons_ru  Array(String),
    reasons_kk  Array(String),
    total_tiyn  Int64
)
ENGINE = ReplacingMergeTree(closed_at)
ORDER BY (month, agent_id);
