-- Pause time per operator and reason for pauses starting in [{from}, {to}): a pause lasts until
-- the operator's next state change (unpause, another pause, logout or a new login). Events of the
-- next day are read so that a pause running past {to} is closed.
SELECT agent_id, reason, sum(pause_s) AS pause_s
FROM
(
    SELECT
        agent_id, state, reason, at,
        leadInFrame(at) OVER w AS next_at,
        if(next_at > at, (toUnixTimestamp64Milli(next_at) - toUnixTimestamp64Milli(at)) / 1000, 0) AS pause_s
    FROM agent_event
    WHERE at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')} + toIntervalDay(1)
      AND (empty({agents:Array(String)}) OR agent_id IN {agents:Array(String)})
    WINDOW w AS (PARTITION BY agent_id ORDER BY at, state ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)
)
WHERE state = 'pause' AND at < {to:DateTime64(3, 'UTC')}
GROUP BY agent_id, reason
ORDER BY agent_id, reason
