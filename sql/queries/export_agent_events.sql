SELECT agent_id, formatDateTime(at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS at, state, reason
FROM agent_event FINAL
WHERE at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')}
ORDER BY at, agent_id, state
SETTINGS prefer_column_name_to_alias = 1
