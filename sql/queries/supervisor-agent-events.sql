-- Agent state changes in [{from}, {to}), for who was logged in and on pause (intraday view).
SELECT agent_id, toUnixTimestamp64Milli(at) AS at_ms, state, reason
FROM agent_event
WHERE at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')}
ORDER BY agent_id, at, state
