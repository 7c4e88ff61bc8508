-- One operator's month day by day (local dates): handled visits and handle time by entered_at,
-- ratings and complaints by rated_at, with the rules of payroll-facts.sql.
SELECT day, sum(n_handled) AS handled, sum(n_handle_ms) AS handle_ms, sum(n_ratings) AS ratings,
       sum(n_score) AS rating_score_sum, sum(n_complaints) AS complaints
FROM
(
    SELECT formatDateTime(entered_at, '%Y-%m-%d', {tz:String}) AS day, count() AS n_handled,
           sum(toInt64(round((talk_s + hold_s + wrap_s) * 1000))) AS n_handle_ms,
           0 AS n_ratings, 0 AS n_score, 0 AS n_complaints
    FROM call
    WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
      AND answered_at IS NOT NULL AND NOT self_service AND NOT callback AND agent_id = {agent:String}
    GROUP BY day

    UNION ALL

    SELECT formatDateTime(r.last_rated_at, '%Y-%m-%d', {tz:String}) AS day, 0, 0,
           count() AS n_ratings, sum(toUInt64(r.last_score)) AS n_score, countIf(r.last_score <= 2) AS n_complaints
    FROM
    (
        SELECT call_id, max(rated_at) AS last_rated_at, argMax(score, rated_at) AS last_score,
               argMax(agent_id, rated_at) AS rater_agent
        FROM rating
        WHERE rated_at >= {from:DateTime64(3, 'UTC')}
          AND (call_id IN (SELECT call_id FROM rating WHERE agent_id = {agent:String})
               OR call_id IN (SELECT call_id FROM call WHERE agent_id = {agent:String}))
        GROUP BY call_id
        HAVING last_rated_at < {to:DateTime64(3, 'UTC')}
    ) AS r
    LEFT JOIN
    (
        SELECT call_id, argMax(agent_id, entered_at) AS last_agent
        FROM call
        WHERE answered_at IS NOT NULL AND NOT self_service
          AND call_id IN (
              SELECT call_id FROM rating
              WHERE rated_at >= {from:DateTime64(3, 'UTC')} AND rated_at < {to:DateTime64(3, 'UTC')}
                AND call_id IN (SELECT call_id FROM call WHERE agent_id = {agent:String}))
        GROUP BY call_id
    ) AS v ON v.call_id = r.call_id
    WHERE if(r.rater_agent != '', r.rater_agent, ifNull(v.last_agent, '')) = {agent:String}
    GROUP BY day
)
GROUP BY day
ORDER BY day
SETTINGS join_use_nulls = 1
