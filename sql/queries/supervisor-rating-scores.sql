-- How many ratings of each score 1–5 fall in [{from}, {to}), counted like kpi.sql: the latest
-- rating of a call wins and belongs to its rated_at, attributed to the call's last answered
-- visit (or the rating's own agent) — both kept in rating_fact by the write path.
SELECT r.score AS score, count() AS ratings
FROM rating_fact AS r FINAL
WHERE r.rated_at >= {from:DateTime64(3, 'UTC')} AND r.rated_at < {to:DateTime64(3, 'UTC')} AND r.deleted = 0
  AND (empty({queues:Array(String)}) OR r.queue IN {queues:Array(String)})
  AND (empty({languages:Array(String)}) OR r.language IN {languages:Array(String)})
  AND (empty({sites:Array(String)}) OR r.site IN {sites:Array(String)})
  AND (empty({channels:Array(String)}) OR r.channel IN {channels:Array(String)})
  AND (empty({agents:Array(String)}) OR r.agent IN {agents:Array(String)})
GROUP BY score
ORDER BY score
