-- Ratings per operator rated in [{from}, {to}): complaints (score ≤ {complaint_max:UInt8}), count
-- and average, counted like kpi.sql from rating_fact (the latest rating of a call wins; it belongs
-- to its own agent_id, else to the agent of the call's last answered visit).
SELECT agent, countIf(score <= {complaint_max:UInt8}) AS complaints, count() AS ratings_n, avg(score) AS avg_score
FROM rating_fact FINAL
WHERE rated_at >= {from:DateTime64(3, 'UTC')} AND rated_at < {to:DateTime64(3, 'UTC')} AND deleted = 0 AND agent != ''
GROUP BY agent
ORDER BY agent
