-- The rating part of kpi.sql: the latest rating of each call rated in [from, to), attributed as
-- DESIGN §5 says, from rating_fact (kept current by the write path, contact-facts.ts).
    SELECT
        r.rated_at AS t, r.queue, r.language, r.site, r.agent, r.channel,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1 AS n_ratings,
        toUInt64(r.score) AS n_score_sum,
        toUInt64(r.score >= 4) AS n_satisfied,
        toUInt64(r.score <= 2) AS n_dissatisfied,
        0, 0, 0
    FROM rating_fact AS r FINAL
    WHERE r.rated_at >= {from:DateTime64(3, 'UTC')} AND r.rated_at < {to:DateTime64(3, 'UTC')} AND r.deleted = 0
      AND (empty({queues:Array(String)}) OR r.queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR r.language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR r.site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR r.channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR r.agent IN {agents:Array(String)})
