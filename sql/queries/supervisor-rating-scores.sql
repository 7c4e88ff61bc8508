-- How many ratings of each score 1–5 fall in [{from}, {to}), counted like kpi.sql: the latest
-- rating of a call wins and belongs to its rated_at; filters apply to the call's last answered
-- visit (and the rating's own agent when it names one).
SELECT r.score AS score, count() AS ratings
FROM
(
    SELECT call_id, max(rated_at) AS last_rated_at, argMax(score, rated_at) AS score,
           argMax(agent_id, rated_at) AS rater_agent
    FROM rating
    WHERE rated_at >= {from:DateTime64(3, 'UTC')}
    GROUP BY call_id
    HAVING last_rated_at < {to:DateTime64(3, 'UTC')}
) AS r
LEFT JOIN
(
    SELECT call_id,
           argMax(queue, entered_at) AS queue, argMax(language, entered_at) AS language,
           argMax(site, entered_at) AS site, argMax(agent_id, entered_at) AS agent_id,
           argMax(channel, entered_at) AS channel
    FROM call
    WHERE answered_at IS NOT NULL AND NOT self_service
      AND call_id IN (SELECT call_id FROM rating WHERE rated_at >= {from:DateTime64(3, 'UTC')} AND rated_at < {to:DateTime64(3, 'UTC')})
    GROUP BY call_id
) AS v ON v.call_id = r.call_id
WHERE (empty({queues:Array(String)}) OR ifNull(v.queue, '') IN {queues:Array(String)})
  AND (empty({languages:Array(String)}) OR ifNull(v.language, '') IN {languages:Array(String)})
  AND (empty({sites:Array(String)}) OR ifNull(v.site, '') IN {sites:Array(String)})
  AND (empty({channels:Array(String)}) OR ifNull(v.channel, '') IN {channels:Array(String)})
  AND (empty({agents:Array(String)}) OR if(r.rater_agent != '', r.rater_agent, ifNull(v.agent_id, '')) IN {agents:Array(String)})
GROUP BY score
ORDER BY score
SETTINGS join_use_nulls = 1
