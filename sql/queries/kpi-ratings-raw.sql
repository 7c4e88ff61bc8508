-- The rating part of kpi.sql from the raw tables (the exact fallback of kpi.ts): the latest
-- rating of each call, attributed to its own agent or the call's last answered visit.
    SELECT
        r.last_rated_at AS t,
        ifNull(v.queue, '') AS queue, ifNull(v.language, '') AS language, ifNull(v.site, '') AS site,
        if(r.rater_agent != '', r.rater_agent, ifNull(v.agent_id, '')) AS agent,
        ifNull(v.channel, '') AS channel,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1 AS n_ratings,
        toUInt64(r.score) AS n_score_sum,
        toUInt64(r.score >= 4) AS n_satisfied,
        toUInt64(r.score <= 2) AS n_dissatisfied,
        0, 0, 0
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
    WHERE (empty({queues:Array(String)}) OR queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR agent IN {agents:Array(String)})
