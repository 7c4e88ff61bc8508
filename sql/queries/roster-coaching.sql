-- Ratings per operator rated in [{from}, {to}): complaints (score ≤ {complaint_max:UInt8}), count
-- and average, counted like kpi.sql (the latest rating of a call wins; it belongs to its own
-- agent_id, else to the agent of the call's last answered visit).
SELECT agent, countIf(score <= {complaint_max:UInt8}) AS complaints, count() AS ratings_n, avg(score) AS avg_score
FROM
(
    SELECT if(r.rater_agent != '', r.rater_agent, ifNull(v.agent_id, '')) AS agent, r.score AS score
    FROM
    (
        SELECT call_id, max(rated_at) AS last_rated_at, argMax(score, rated_at) AS score, argMax(agent_id, rated_at) AS rater_agent
        FROM rating
        WHERE rated_at >= {from:DateTime64(3, 'UTC')}
        GROUP BY call_id
        HAVING last_rated_at < {to:DateTime64(3, 'UTC')}
    ) AS r
    LEFT JOIN
    (
        SELECT call_id, argMax(agent_id, entered_at) AS agent_id
        FROM call
        WHERE answered_at IS NOT NULL AND NOT self_service
          AND call_id IN (SELECT call_id FROM rating WHERE rated_at >= {from:DateTime64(3, 'UTC')} AND rated_at < {to:DateTime64(3, 'UTC')})
        GROUP BY call_id
    ) AS v ON v.call_id = r.call_id
    SETTINGS join_use_nulls = 1
)
WHERE agent != ''
GROUP BY agent
ORDER BY agent
